// What moving data to and from the GPU and starting work on it cost: copy speed per route (as a share of this
// host's memcpy), dispatch overhead two ways, and how far the GPU's timestamps can be trusted.
import { bake, bytesPerSlice } from '../cake.ts';
import { Readback, Uploader, uploadRoutes } from '../gpu/buffers.ts';
import { compile, createPipeline, openGpu, type Gpu } from '../gpu/device.ts';
import { EatKernel } from '../gpu/eat-kernel.ts';
import { noop as noopKernel } from '../gpu/shaders.ts';
import { bitsOf } from '../eat.ts';
import { defaultEat } from '../eats/index.ts';
import { probeTimestamps } from '../gpu/timing.ts';
import { waitFor, waitUsed, type WaitPolicy } from '../gpu/wait.ts';
import type { Host } from '../host.ts';
import type { StrategyEntry } from '../strategy.ts';
import { measureMemcpy } from './memcpy.ts';
import type { BenchReport, CopyRecord, GpuEnvironment, OverheadRecord } from '../record/record.ts';
import { summarize } from './stats.ts';

const minSamples = 10; // enough for a p10-p90 spread
const minSampleTimeMs = 50;
const dispatchesPerBatch = 1000; // k noop dispatches in one pass: per-dispatch cost = batch time / k

export interface GpuCosts {
  gpu: GpuEnvironment;
  copies: CopyRecord[];
  overheads: OverheadRecord[];
  /** Sizes whose copy routes were not measured because the deadline passed. */
  sizesLeftOut: number[];
}

/** Samples `once` (ms) until both minSamples and minSampleTimeMs are reached. */
async function sample(once: () => Promise<number>): Promise<number[]> {
  const samplesMs: number[] = [];
  const startMs = performance.now();
  while (samplesMs.length < minSamples || performance.now() - startMs < minSampleTimeMs) samplesMs.push(await once());
  return samplesMs;
}

function copyRecord(route: string, n: number, samplesMs: number[], memcpyGbPerS: number): CopyRecord {
  const { medianMs, p10Ms, p90Ms } = summarize(samplesMs);
  const bytes = n * bytesPerSlice;
  const gbPerS = bytes / (medianMs * 1e6);
  return { route, n, bytes, medianMs, p10Ms, p90Ms, gbPerS, percentOfMemcpy: (100 * gbPerS) / memcpyGbPerS, verified: true };
}

function assertSame(route: string, got: Uint32Array, want: Uint32Array): void {
  const wrong = got.findIndex((slice, i) => slice !== want[i]);
  if (wrong >= 0) throw new Error(`${route}: slice ${wrong} came back as ${got[wrong]}, expected ${want[wrong]} (n=${want.length}).`);
}

/** Upload time per route (until the device holds the cake) and readback time, each verified by a round trip. */
async function measureCopies(gpu: Gpu, n: number, wait: WaitPolicy): Promise<CopyRecord[]> {
  const cake = bitsOf(bake(n, { order: 'shuffled' })); // no compression can flatter a route
  const memcpy = measureMemcpy(cake);
  const records: CopyRecord[] = [{ ...memcpy, percentOfMemcpy: 100 }];
  const kernel = await EatKernel.create(gpu, defaultEat, n, 1, 64); // a holder of buffers here: nothing is eaten
  const readback = new Readback(gpu.device, kernel.portions);
  const back = new Uint32Array(n);
  const readBack = async () => {
    const encoder = gpu.device.createCommandEncoder();
    readback.encode(encoder, kernel.eatenBuffers);
    gpu.device.queue.submit([encoder.finish()]);
    await waitFor(readback.map(), wait);
    readback.copyOut(back);
  };
  try {
    for (const route of uploadRoutes) {
      const uploader = new Uploader(gpu.device, route);
      const samplesMs = await sample(async () => {
        const startMs = performance.now();
        await uploader.upload(cake, kernel);
        await waitFor(gpu.device.queue.onSubmittedWorkDone(), wait);
        return performance.now() - startMs;
      });
      uploader.destroy();
      // Verify: the device's copy of the cake, moved into the readback's source buffers, must be the cake.
      const encoder = gpu.device.createCommandEncoder();
      kernel.portions.forEach(({ from, to }, i) => encoder.copyBufferToBuffer(kernel.cakeBuffers[i]!, 0, kernel.eatenBuffers[i]!, 0, (to - from) * bytesPerSlice));
      gpu.device.queue.submit([encoder.finish()]);
      await readBack();
      assertSame(`upload:${route}`, back, cake);
      records.push(copyRecord(`upload:${route}`, n, samplesMs, memcpy.gbPerS));
    }
    const samplesMs = await sample(async () => {
      back.fill(0);
      const startMs = performance.now();
      await readBack();
      return performance.now() - startMs;
    });
    assertSame('readback', back, cake);
    records.push(copyRecord('readback', n, samplesMs, memcpy.gbPerS));
    if (kernel.portions.length === 1) records.push(...(await measureMinimalCopies(gpu.device, cake, memcpy.gbPerS)));
  } finally {
    readback.destroy();
    kernel.destroy();
  }
  return records;
}

/**
 * The same two trips written as the least code does them (one writeBuffer then a bare await; copyBufferToBuffer,
 * a bare mapAsync, set), so the harness's best routes are a measured share of what minimal code reaches.
 * Cakes of one buffer only: minimal code has no portions.
 */
async function measureMinimalCopies(device: GPUDevice, cake: Uint32Array, memcpyGbPerS: number): Promise<CopyRecord[]> {
  const size = cake.byteLength;
  const onDevice = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC });
  const mapped = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const back = new Uint32Array(cake.length);
  try {
    const uploadMs = await sample(async () => {
      const startMs = performance.now();
      device.queue.writeBuffer(onDevice, 0, cake);
      await device.queue.onSubmittedWorkDone();
      return performance.now() - startMs;
    });
    const readbackMs = await sample(async () => {
      back.fill(0);
      const startMs = performance.now();
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(onDevice, 0, mapped, 0, size);
      device.queue.submit([encoder.finish()]);
      await mapped.mapAsync(GPUMapMode.READ);
      back.set(new Uint32Array(mapped.getMappedRange()));
      mapped.unmap();
      return performance.now() - startMs;
    });
    assertSame('minimal upload and readback', back, cake);
    return [copyRecord('minimal:upload', cake.length, uploadMs, memcpyGbPerS), copyRecord('minimal:readback', cake.length, readbackMs, memcpyGbPerS)];
  } finally {
    onDevice.destroy();
    mapped.destroy();
  }
}

/** Dispatch overhead: a one-workgroup noop's round trip, and k noops in one pass divided by k. */
async function measureOverheads(gpu: Gpu, noop: GPUComputePipeline, wait: WaitPolicy): Promise<OverheadRecord[]> {
  const { device } = gpu;
  const submitNoops = (dispatches: number) => {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(noop);
    for (let dispatch = 0; dispatch < dispatches; dispatch++) pass.dispatchWorkgroups(1);
    pass.end();
    device.queue.submit([encoder.finish()]);
  };
  const roundTripMs = await sample(async () => {
    const startMs = performance.now();
    submitNoops(1);
    await waitFor(device.queue.onSubmittedWorkDone(), wait);
    return performance.now() - startMs;
  });
  const batchMs = await sample(async () => {
    const startMs = performance.now();
    submitNoops(dispatchesPerBatch);
    await waitFor(device.queue.onSubmittedWorkDone(), wait);
    return performance.now() - startMs;
  });
  const us = (samplesMs: number[], divisor: number) => {
    const { medianMs, p10Ms, p90Ms } = summarize(samplesMs);
    return { medianUs: (medianMs * 1e3) / divisor, p10Us: (p10Ms * 1e3) / divisor, p90Us: (p90Ms * 1e3) / divisor };
  };
  return [
    { name: 'round trip', measures: `encode + submit one 1-workgroup noop, then await onSubmittedWorkDone (performance.now, ${wait} wait)`, ...us(roundTripMs, 1), samples: roundTripMs.length },
    { name: 'per dispatch', measures: `${dispatchesPerBatch} noop dispatches in one pass and one submit, to onSubmittedWorkDone, divided by ${dispatchesPerBatch}`, ...us(batchMs, dispatchesPerBatch), samples: batchMs.length },
  ];
}

/**
 * Measures the GPU's copy routes at each size, its dispatch overheads, and its timestamps, on a fresh device.
 * Past `untilMs` (performance.now) no further size is started; the largest is always measured.
 */
export async function measureGpuCosts(host: Host, sizes: number[], wait: WaitPolicy = 'nap', untilMs = Infinity): Promise<GpuCosts> {
  if (!host.gpu) throw new Error(host.gpuMissing ?? 'this host has no WebGPU.');
  const gpu = await openGpu(host.gpu);
  try {
    const noop = await createPipeline(gpu.device, await compile(gpu.device, noopKernel), noopKernel.entryPoint);
    const copies: CopyRecord[] = [];
    // Largest first: it shows the routes' real speed. With a deadline, smaller sizes are left out (and said so).
    const largestFirst = [...sizes].sort((a, b) => b - a);
    const sizesLeftOut: number[] = [];
    for (const n of largestFirst) {
      if (copies.length > 0 && performance.now() >= untilMs) sizesLeftOut.push(n);
      else copies.push(...(await measureCopies(gpu, n, wait)));
    }
    copies.sort((a, b) => a.n - b.n);
    sizesLeftOut.sort((a, b) => a - b);
    const overheads = await measureOverheads(gpu, noop, wait);
    // A browser picks its own quantization and does not say which; a guessed figure (once '100 us') contradicted
    // the probe's smallest step beside it (5.6 us in headless Chromium), so the words point at the probe.
    const timestamps = gpu.hasTimestamps
      ? { ...(await probeTimestamps(gpu.device, noop)), quantization: host.timestampQuantization ?? 'as the browser sets it (the smallest step measured here is what it gives)' }
      : undefined;
    gpu.check();
    return { gpu: { adapter: gpu.adapterSummary, timestampQuery: gpu.hasTimestamps, ...(timestamps ? { timestamps } : {}), wait: waitUsed(wait) }, copies, overheads, sizesLeftOut };
  } finally {
    gpu.destroy();
  }
}

/**
 * The sizes worth measuring the GPU's copy routes at: those where a strategy of the gpu family (among `ran`,
 * the entries the report ran) was measured. A sweep asks for 2^10..2^24 but its budget stops the GPU cells far
 * sooner; measuring routes at every asked size took longer than the sweep's own overrun.
 */
export function gpuCostSizes(report: BenchReport, ran: readonly Pick<StrategyEntry, 'name' | 'family'>[]): number[] {
  const isGpu = (name: string) => ran.some((entry) => entry.name === name && entry.family === 'gpu');
  return [...new Set(report.results.filter((r) => isGpu(r.strategy)).map((r) => r.n))].sort((a, b) => a - b);
}

/** Adds measured GPU costs to a report; memcpy records a sweep already holds are not repeated. */
export function addGpuCosts(report: BenchReport, costs: GpuCosts): void {
  report.environment.gpu = costs.gpu;
  const copies = report.copies ?? [];
  const isNew = (copy: CopyRecord) => copy.route !== 'memcpy' || !copies.some((c) => c.route === 'memcpy' && c.n === copy.n);
  report.copies = [...copies, ...costs.copies.filter(isNew)];
  report.overheads = costs.overheads;
}
