// The eat kernel bound to one cake on the device: pipeline, per-portion buffers and bind groups, and the
// encoding of one eating (all portions in one compute pass).
import { bytesPerSlice } from '../cake.ts';
import type { Eat } from '../eat.ts';
import { compile, createPipeline, type Gpu } from './device.ts';
import { cutPortions, type Portion } from './portions.ts';
import { frames, kernelFor } from './shaders.ts';
import { constantsOf, frameOf, gridFor, shapeKey, whyIllegal, type Shape } from './shapes.ts';
import type { PassTimer } from './timing.ts';

/** Whether a tuned shape is the eat.wgsl frame's own (scalar loads, one slice per invocation, 1D grid). */
const isEatWgsl = (shape: Shape) => shape.load === 'scalar' && shape.slicesPerInvocation === 1 && shape.grid === '1d';

const cakeBinding = 0;
const eatenBinding = 1;
const mealBinding = 2;
/** COPY_SRC too, so a copy-route check can read the uploaded cake back. A function: GPUBufferUsage does not
 * exist until WebGPU does (Node: after the webgpu package's globals are installed; browsers without WebGPU). */
export const cakeUsage = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
const mealBytes = 16; // struct Meal { rounds: u32 }, padded to a uniform buffer's 16-byte minimum

export class EatKernel {
  /** Buffers holding each portion of the uneaten cake (STORAGE | COPY_DST). */
  cakeBuffers: GPUBuffer[] = [];
  readonly eatenBuffers: GPUBuffer[] = [];
  private bindGroups: GPUBindGroup[] = [];

  private constructor(
    private readonly gpu: Gpu,
    private readonly pipeline: GPUComputePipeline,
    private readonly meal: GPUBuffer,
    readonly portions: Portion[],
    /** What runs: 'eat.wgsl' or a tuned shape's key, and why when a tuned shape could not be used. */
    readonly kernelName: string,
    readonly workgroupSize: number,
  ) {}

  /**
   * Compiles `eat`'s kernel and allocates the cake's buffers on the device (untimed). With a tuned `shape` (from
   * `cake tune`) that fits every portion of this cake, runs that shape's frame (eat-shaped.wgsl or
   * eat-vec4.wgsl); otherwise the eat.wgsl frame at `workgroupSize`.
   */
  static async create(gpu: Gpu, eat: Eat, slices: number, rounds: number, workgroupSize: number, shape?: Shape): Promise<EatKernel> {
    const { device } = gpu;
    const meal = device.createBuffer({ size: mealBytes, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(meal, 0, new Uint32Array([rounds, 0, 0, 0]));
    const plain = cutPortions(slices, device.limits, workgroupSize);
    const unfit = shape && plain.map(({ from, to }) => whyIllegal(shape, to - from, device.limits)).find(Boolean);
    let kernel: EatKernel;
    if (shape && !unfit && !isEatWgsl(shape)) {
      const source = kernelFor(frameOf(shape), eat);
      const pipeline = await createPipeline(device, await compile(device, source), source.entryPoint, constantsOf(shape));
      const portions = plain.map(({ from, to }) => ({ from, to, grid: gridFor(shape, to - from, device.limits) as [number, number] }));
      kernel = new EatKernel(gpu, pipeline, meal, portions, shapeKey(shape), shape.workgroupSize);
    } else {
      const source = kernelFor(frames.eat, eat);
      const pipeline = await createPipeline(device, await compile(device, source), source.entryPoint, { workgroupSize });
      kernel = new EatKernel(gpu, pipeline, meal, plain, unfit ? `eat.wgsl (the tuned ${shapeKey(shape!)} does not fit this cake: ${unfit})` : 'eat.wgsl', workgroupSize);
    }
    await kernel.allocate();
    return kernel;
  }

  /** Bytes the cake occupies on the device: each portion and its eaten twin. */
  get deviceBytes(): number {
    return 2 * this.portions.reduce((sum, p) => sum + (p.to - p.from) * bytesPerSlice, 0);
  }

  private async allocate(): Promise<void> {
    const { device } = this.gpu;
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    for (const { from, to } of this.portions) {
      const size = (to - from) * bytesPerSlice;
      this.cakeBuffers.push(device.createBuffer({ size, usage: cakeUsage() }));
      this.eatenBuffers.push(device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST }));
    }
    const [invalid, outOfMemory] = [await device.popErrorScope(), await device.popErrorScope()];
    const failure = outOfMemory ?? invalid;
    if (failure) {
      this.destroy();
      const slices = this.portions.at(-1)?.to ?? 0;
      throw new Error(
        `A cake of ${slices} slices needs ${(this.deviceBytes / 2 ** 20).toFixed(0)} MiB on the GPU (the cake and its eaten twin), ` +
          `and this device could not allocate it: ${failure.message.split("\n")[0]}. Use a smaller n.`,
      );
    }
    this.bind();
  }

  /** Swaps in new cake buffers (the mappedAtCreation route makes new ones each time); destroys the old ones. */
  replaceCakeBuffers(buffers: GPUBuffer[]): void {
    for (const buffer of this.cakeBuffers) buffer.destroy();
    this.cakeBuffers = buffers;
    this.bind();
  }

  private bind(): void {
    const layout = this.pipeline.getBindGroupLayout(0);
    this.bindGroups = this.portions.map((_, portion) =>
      this.gpu.device.createBindGroup({
        layout,
        entries: [
          { binding: cakeBinding, resource: { buffer: this.cakeBuffers[portion]! } },
          { binding: eatenBinding, resource: { buffer: this.eatenBuffers[portion]! } },
          { binding: mealBinding, resource: { buffer: this.meal } },
        ],
      }),
    );
  }

  /** Encodes one eating of every portion in one compute pass, timed by `timer` when given. */
  encode(encoder: GPUCommandEncoder, timer?: PassTimer): void {
    const pass = encoder.beginComputePass(timer ? { timestampWrites: timer.timestampWrites } : {});
    pass.setPipeline(this.pipeline);
    this.portions.forEach(({ grid }, portion) => {
      pass.setBindGroup(0, this.bindGroups[portion]!);
      pass.dispatchWorkgroups(grid[0], grid[1]);
    });
    pass.end();
  }

  destroy(): void {
    for (const buffer of [...this.cakeBuffers, ...this.eatenBuffers, this.meal]) buffer.destroy();
  }
}
