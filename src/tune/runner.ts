// Times shapes on a real device: every shape is verified against the CPU twin (bit-exact, or within an f32 eat's tolerance) before its first
// sample, kernel time comes from timestamp queries when the device has them (else submit to done), and every
// wait naps (src/gpu/wait.ts). Samples go into the cache as they are taken, so an interrupted tune resumes.
import { bake } from '../cake.ts';
import { cakeOver, type Cake, type Eat } from '../eat.ts';
import { expectedEaten, verifyEaten } from '../measure/verify.ts';
import type { Gpu } from '../gpu/device.ts';
import { PassTimer } from '../gpu/timing.ts';
import { waitFor } from '../gpu/wait.ts';
import type { TuneEntry } from './cache.ts';
import { ShapedCake } from './kernel.ts';
import { medianOf } from './noise.ts';
import { shapeKey, whyIllegal, type Shape } from '../gpu/shapes.ts';

export class TuneRunner {
  private readonly shaped: ShapedCake;
  private readonly expected: Cake;
  private readonly timer: PassTimer | undefined;
  private readonly readback: GPUBuffer;
  /** Shapes verified in this process (a resumed tune verifies each shape again before new samples). */
  private readonly verified = new Set<string>();
  /** Samples taken now (not read from the cache). */
  samplesTaken = 0;

  constructor(
    private readonly gpu: Gpu,
    private readonly eat: Eat,
    private readonly entry: TuneEntry,
    /** Called after each new sample, to persist the cache. */
    private readonly onSample: () => void,
  ) {
    const cake = bake(entry.slices, { eat });
    this.expected = expectedEaten(eat, cake, entry.rounds);
    this.shaped = new ShapedCake(gpu, eat, entry.slices, entry.rounds, cake);
    this.timer = gpu.hasTimestamps ? new PassTimer(gpu.device) : undefined;
    this.readback = gpu.device.createBuffer({ size: cake.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  }

  get verifiedShapes(): number {
    return this.verified.size;
  }

  get clock(): string {
    return this.timer ? 'timestamp-query' : 'submit to onSubmittedWorkDone (no timestamp-query)';
  }

  /** The median of the first `samples` samples of `shape`, taking the missing ones on the device. */
  async measure(shape: Shape, samples: number): Promise<number> {
    const key = shapeKey(shape);
    const reason = whyIllegal(shape, this.entry.slices, this.shaped.limits);
    if (reason) throw new Error(`${key} is illegal here: ${reason}.`);
    const recorded = (this.entry.samplesMs[key] ??= []);
    if (recorded.length < samples) {
      await this.verify(shape);
      while (recorded.length < samples) {
        recorded.push(await this.sample(shape));
        this.samplesTaken++;
      }
      this.onSample();
    }
    return medianOf(recorded.slice(0, samples));
  }

  /** Eats the cake once in `shape` into a cleared buffer and compares every slice with the CPU twin. */
  private async verify(shape: Shape): Promise<void> {
    const key = shapeKey(shape);
    if (this.verified.has(key)) return;
    await this.shaped.prepare(shape);
    const { device } = this.gpu;
    const encoder = device.createCommandEncoder();
    encoder.clearBuffer(this.shaped.eaten);
    this.shaped.encode(encoder, shape);
    encoder.copyBufferToBuffer(this.shaped.eaten, 0, this.readback, 0, this.readback.size);
    device.queue.submit([encoder.finish()]);
    await waitFor(this.readback.mapAsync(GPUMapMode.READ), 'nap');
    const eaten = cakeOver(this.eat.element, this.readback.getMappedRange().slice(0), this.entry.slices);
    this.readback.unmap();
    this.gpu.check();
    verifyEaten(`tune ${key}`, this.eat, eaten, this.expected, this.entry.rounds);
    this.verified.add(key);
  }

  private async sample(shape: Shape): Promise<number> {
    const { device } = this.gpu;
    const encoder = device.createCommandEncoder();
    this.shaped.encode(encoder, shape, this.timer);
    this.timer?.resolve(encoder);
    const submittedMs = performance.now();
    device.queue.submit([encoder.finish()]);
    if (this.timer) {
      const ms = await waitFor(this.timer.read(), 'nap');
      if (ms > 0) return ms;
      throw new Error(`The GPU's timestamps read ${ms} ms for ${shapeKey(shape)}: they are broken on this adapter. Tune on another --adapter.`);
    }
    await waitFor(device.queue.onSubmittedWorkDone(), 'nap');
    return performance.now() - submittedMs;
  }

  destroy(): void {
    this.timer?.destroy();
    this.readback.destroy();
    this.shaped.destroy();
  }
}
