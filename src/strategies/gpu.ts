// Friends by the thousand: the GPU eats the cake in workgroups. Upload, encode + submit, kernel, readback.
import { Readback, Uploader } from '../gpu/buffers.ts';
import type { Gpu } from '../gpu/device.ts';
import { EatKernel } from '../gpu/eat-kernel.ts';
import type { PassTimer } from '../gpu/timing.ts';
import { waitFor, waitUsed, type WaitPolicy } from '../gpu/wait.ts';
import { wallRestMs } from '../gpu/wall-rest.ts';
import { timestampClockPrefix } from '../gpu/kernel-clock.ts';
import { newCake, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy, StrategyEntry } from '../strategy.ts';
import { watchEating } from '../gpu/watch.ts';
import { gpuUnavailable, startGpu, type StartedGpu } from '../gpu/start.ts';
import { wholeTimeline, type WholeTrip } from '../gpu/whole-timeline.ts';
import type { Timeline } from '../timeline.ts';

class GpuStrategy implements Strategy {
  readonly name = 'gpu';
  private gpu!: Gpu;
  private kernel!: EatKernel;
  private uploader!: Uploader;
  private readback!: Readback;
  private timer: PassTimer | undefined;
  private wait: WaitPolicy = 'nap';
  private cake: Cake = new Uint32Array(0);
  private eatFunction!: Eat;
  private eatenCake: Cake = new Uint32Array(0);
  private rounds = 1;
  private started!: StartedGpu['settings'];
  private trip: WholeTrip | undefined;

  constructor(private readonly host: Host) {}

  get clock(): string {
    return this.timer ? `${timestampClockPrefix}, overlapping encode and readback; other phases: performance.now` : 'performance.now (no trustworthy timestamp-query, or --kernel-clock wall: kernel = submit to onSubmittedWorkDone)';
  }

  async prepare(cake: Cake, options: EatOptions): Promise<StartupCost[]> {
    this.cake = cake;
    this.eatFunction = options.eat;
    this.rounds = options.rounds;
    this.eatenCake = newCake(options.eat.element, cake.length);
    const started = await startGpu(this.host, cake.length, options);
    ({ gpu: this.gpu, kernel: this.kernel, wait: this.wait, timer: this.timer, settings: this.started } = started);
    this.uploader = new Uploader(this.gpu.device, options.uploadRoute ?? 'writeBuffer');
    this.readback = new Readback(this.gpu.device, this.kernel.portions);
    return started.startup;
  }

  async eat(): Promise<Phases> {
    const { device } = this.gpu;
    const startMs = performance.now();
    await this.uploader.upload(this.cake, this.kernel);
    await waitFor(device.queue.onSubmittedWorkDone(), this.wait);
    const uploadedMs = performance.now();
    const encoder = device.createCommandEncoder();
    this.kernel.encode(encoder, this.timer);
    this.timer?.resolve(encoder);
    if (this.timer) this.readback.encode(encoder, this.kernel.eatenBuffers);
    const commands = encoder.finish();
    const submitMs = performance.now();
    device.queue.submit([commands]);
    const submittedMs = performance.now();
    let kernelMs: number;
    let stampsNs: [bigint, bigint] | undefined;
    if (this.timer) {
      [, stampsNs] = await waitFor(Promise.all([this.readback.map(), this.timer.readStamps()]), this.wait);
      kernelMs = Number(stampsNs[1] - stampsNs[0]) / 1e6;
    } else {
      await waitFor(device.queue.onSubmittedWorkDone(), this.wait);
      kernelMs = performance.now() - submittedMs;
      const copy = device.createCommandEncoder();
      this.readback.encode(copy, this.kernel.eatenBuffers);
      device.queue.submit([copy.finish()]);
      await waitFor(this.readback.map(), this.wait);
    }
    const mappedMs = performance.now();
    this.readback.copyOut(this.eatenCake);
    const doneMs = performance.now();
    this.gpu.check();
    const kernelSpan: [number, number] = [submittedMs - startMs, submittedMs - startMs + kernelMs];
    this.trip = { uploadedMs: uploadedMs - startMs, submitMs: submitMs - startMs, mappedMs: mappedMs - startMs, doneMs: doneMs - startMs, ...(stampsNs ? { stampsNs } : { kernelMs: kernelSpan }) };
    return {
      upload: uploadedMs - startMs,
      encode: submittedMs - uploadedMs,
      kernel: kernelMs,
      // With timestamps, the kernel may have begun during encode + submit: readback is what the kernel left of
      // the wait, and any overlap goes to unattributed (src/gpu/wall-rest.ts).
      readback: wallRestMs(mappedMs - submittedMs, kernelMs),
      'copy-out': doneMs - mappedMs,
    };
  }

  timeline(): Timeline | undefined {
    return this.trip && wholeTimeline(this.trip);
  }

  watch() {
    return watchEating(this.gpu, this.eatFunction, this.cake, this.rounds, this.started.workgroupSize);
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  bytesCopied(): number {
    return 2 * this.cake.byteLength; // up to the device and back
  }

  settings(): Record<string, string | number> {
    return {
      ...this.started,
      uploadRoute: this.uploader.route,
      wait: waitUsed(this.wait),
      portions: this.kernel.portions.length,
      adapter: this.gpu.adapterSummary.description,
    };
  }

  async dispose(): Promise<void> {
    this.uploader?.destroy();
    this.readback?.destroy();
    this.timer?.destroy();
    this.kernel?.destroy();
    this.gpu?.destroy();
  }
}

export const gpu: StrategyEntry = {
  name: 'gpu',
  summary: 'WebGPU: upload the cake, eat it in workgroups, read it back (every cost included)',
  family: 'gpu',
  colour: '#4363d8',
  unavailable: gpuUnavailable,
  create: (host) => new GpuStrategy(host),
};
