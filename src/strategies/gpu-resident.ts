// The cake already lives on the GPU: only the kernel is timed (what a library that is "already parallel" pays
// once its data is on the device).
import type { Gpu } from '../gpu/device.ts';
import { Readback } from '../gpu/buffers.ts';
import type { EatKernel } from '../gpu/eat-kernel.ts';
import { watchEating } from '../gpu/watch.ts';
import { gpuUnavailable, startGpu, type StartedGpu } from '../gpu/start.ts';
import type { PassTimer } from '../gpu/timing.ts';
import { waitFor, waitUsed, type WaitPolicy } from '../gpu/wait.ts';
import { wallRestMs } from '../gpu/wall-rest.ts';
import { timestampClockPrefix } from '../gpu/kernel-clock.ts';
import { newCake, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy, StrategyEntry } from '../strategy.ts';

class GpuResident implements Strategy {
  readonly name = 'gpu-resident';
  private gpu!: Gpu;
  private kernel!: EatKernel;
  private timer: PassTimer | undefined;
  private wait: WaitPolicy = 'nap';
  private readback!: Readback;
  private eatenCake: Cake = new Uint32Array(0);
  private cake: Cake = new Uint32Array(0);
  private eatFunction!: Eat;
  private rounds = 1;
  private started!: StartedGpu['settings'];

  constructor(private readonly host: Host) {}

  get clock(): string {
    return this.timer ? `${timestampClockPrefix}, overlapping encode and sync; encode, sync: performance.now` : 'performance.now (no trustworthy timestamp-query, or --kernel-clock wall: kernel = submit to onSubmittedWorkDone)';
  }

  /** Uploads the cake once, untimed: from here on it stays on the device. */
  async prepare(cake: Cake, options: EatOptions): Promise<StartupCost[]> {
    this.cake = cake;
    this.eatFunction = options.eat;
    this.rounds = options.rounds;
    const started = await startGpu(this.host, cake.length, options);
    ({ gpu: this.gpu, kernel: this.kernel, wait: this.wait, timer: this.timer, settings: this.started } = started);
    this.kernel.portions.forEach(({ from, to }, portion) => this.gpu.device.queue.writeBuffer(this.kernel.cakeBuffers[portion]!, 0, cake, from, to - from));
    await this.gpu.device.queue.onSubmittedWorkDone();
    this.readback = new Readback(this.gpu.device, this.kernel.portions);
    this.eatenCake = newCake(options.eat.element, cake.length);
    return started.startup;
  }

  /**
 * Phases: encode (+ submit), kernel, and sync (the rest of the wait until the host knows it is done). With
 * timestamps the kernel is on the GPU's clock and may overlap encode; the overlap is left to unattributed.
 */
  async eat(): Promise<Phases> {
    const { device } = this.gpu;
    const startMs = performance.now();
    const encoder = device.createCommandEncoder();
    this.kernel.encode(encoder, this.timer);
    this.timer?.resolve(encoder);
    device.queue.submit([encoder.finish()]);
    const submittedMs = performance.now();
    const kernelMs = this.timer
      ? await waitFor(this.timer.read(), this.wait)
      : await waitFor(device.queue.onSubmittedWorkDone(), this.wait).then(() => performance.now() - submittedMs);
    const doneMs = performance.now();
    this.gpu.check();
    // The kernel may have begun during encode + submit: sync is what it left of the wait, never negative.
    return { encode: submittedMs - startMs, kernel: kernelMs, sync: wallRestMs(doneMs - submittedMs, kernelMs) };
  }

  /** Untimed: reads the eaten cake back for verification. */
  async fetchEaten(): Promise<void> {
    const encoder = this.gpu.device.createCommandEncoder();
    this.readback.encode(encoder, this.kernel.eatenBuffers);
    this.gpu.device.queue.submit([encoder.finish()]);
    await this.readback.map();
    this.readback.copyOut(this.eatenCake);
  }

  watch() {
    return watchEating(this.gpu, this.eatFunction, this.cake, this.rounds, this.started.workgroupSize);
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  bytesCopied(): number {
    return 0;
  }

  settings(): Record<string, string | number> {
    return { ...this.started, wait: waitUsed(this.wait), portions: this.kernel.portions.length, adapter: this.gpu.adapterSummary.description };
  }

  async dispose(): Promise<void> {
    this.readback?.destroy();
    this.timer?.destroy();
    this.kernel?.destroy();
    this.gpu?.destroy();
  }
}

export const gpuResident: StrategyEntry = {
  name: 'gpu-resident',
  summary: 'WebGPU with the cake already on the device: the kernel alone, no copies',
  family: 'gpu',
  colour: '#42d4f4',
  unavailable: gpuUnavailable,
  create: (host) => new GpuResident(host),
};
