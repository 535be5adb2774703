// Starting the GPU for a strategy: device, kernel, timer and waiter, with each start-up cost measured.
import { bytesPerSlice } from '../cake.ts';
import type { Host } from '../host.ts';
import type { EatOptions, StartupCost } from '../strategy.ts';
import { compile, createPipeline, openGpu, type Gpu } from './device.ts';
import { EatKernel } from './eat-kernel.ts';
import { sizeWords } from './stream-sizes.ts';
import { noop as noopKernel } from './shaders.ts';
import { isTrustworthy, PassTimer, probeTimestamps } from './timing.ts';
import type { WaitPolicy } from './wait.ts';
import { autoWorkgroupSize } from '../tune/auto.ts';

const defaultWorkgroupSize = 64; // the usual WebGPU advice; `cake tune` finds better per adapter

export interface StartedGpu {
  gpu: Gpu;
  kernel: EatKernel;
  timer: PassTimer | undefined;
  wait: WaitPolicy;
  startup: StartupCost[];
  /** For the record: the workgroup size used and, for auto, where it came from. */
  settings: { workgroupSize: number; tuned?: string; kernel: string };
}

/** Why a GPU strategy cannot run in `host`, or undefined. */
export function gpuUnavailable(host: Host): string | undefined {
  return host.gpu ? undefined : (host.gpuMissing ?? 'this host has no WebGPU.');
}

const trustPasses = 20; // a quick check per device; the report's full probe takes 200

/** Whether the device has timestamps that read nonzero and in order (a quick check, timed as a start-up cost). */
export async function hasTrustedTimestamps(gpu: Gpu, startup: StartupCost[]): Promise<boolean> {
  if (!gpu.hasTimestamps) return false;
  const startMs = performance.now();
  const noop = await createPipeline(gpu.device, await compile(gpu.device, noopKernel), noopKernel.entryPoint);
  const trust = await probeTimestamps(gpu.device, noop, trustPasses);
  startup.push({ name: `timestamp check (${trustPasses} noop passes)`, ms: performance.now() - startMs });
  return isTrustworthy(trust);
}

/**
 * A kernel timer when the device has timestamps that read nonzero and in order; else undefined, and the
 * strategies time the kernel by wall clock (submit to onSubmittedWorkDone) and say so in their clock.
 */
async function trustedTimer(gpu: Gpu, startup: StartupCost[]): Promise<PassTimer | undefined> {
  return (await hasTrustedTimestamps(gpu, startup)) ? new PassTimer(gpu.device) : undefined;
}

/** Refuses a whole cake on the device (it and its eaten twin) over a --device-memory budget. */
function checkDeviceMemory(slices: number, budgetBytes: number | undefined): void {
  const needBytes = 2 * slices * bytesPerSlice;
  if (budgetBytes === undefined || needBytes <= budgetBytes) return;
  throw new Error(`A cake of ${slices} slices needs ${sizeWords(needBytes)} on the device (the cake and its eaten twin), over --device-memory ${sizeWords(budgetBytes)}. Use gpu-stream, or n <= ${Math.floor(budgetBytes / 2 / bytesPerSlice)}.`);
}

/**
 * Opens a device, compiles the eat kernel for a cake of `slices` slices and runs its first dispatch, timing
 * each step. On any failure everything opened so far is destroyed.
 */
export async function startGpu(host: Host, slices: number, options: EatOptions): Promise<StartedGpu> {
  if (!host.gpu) throw new Error(gpuUnavailable(host));
  checkDeviceMemory(slices, options.deviceMemoryBytes);
  let startMs = performance.now();
  const gpu = await openGpu(host.gpu, { limits: options.gpuLimits ?? 'adapter' });
  const startup: StartupCost[] = [{ name: 'adapter + device request', ms: performance.now() - startMs }];
  try {
    const choice = options.workgroupSize === 'auto' ? autoWorkgroupSize(host.tuneCache, gpu, options.eat, slices, options.rounds) : { workgroupSize: options.workgroupSize ?? defaultWorkgroupSize };
    startMs = performance.now(); // after the tune-cache lookup: reading a small file is no GPU start-up cost
    const kernel = await EatKernel.create(gpu, options.eat, slices, options.rounds, choice.workgroupSize, 'shape' in choice ? choice.shape : undefined);
    const settings = { workgroupSize: kernel.workgroupSize, ...('tuned' in choice ? { tuned: choice.tuned } : {}), kernel: kernel.kernelName };
    startup.push({ name: 'shader module + createComputePipelineAsync + buffers', ms: performance.now() - startMs });
    startMs = performance.now();
    const encoder = gpu.device.createCommandEncoder();
    kernel.encode(encoder);
    gpu.device.queue.submit([encoder.finish()]);
    await gpu.device.queue.onSubmittedWorkDone();
    startup.push({ name: 'first dispatch (submit to done)', ms: performance.now() - startMs });
    gpu.check();
    return { gpu, kernel, wait: options.wait ?? 'nap', timer: options.kernelClock === 'wall' ? undefined : await trustedTimer(gpu, startup), startup, settings };
  } catch (error) {
    gpu.destroy();
    throw error;
  }
}
