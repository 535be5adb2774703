// One cake on the device for the tuner: its buffers, allocated once, and a pipeline per shape, compiled from
// eat-shaped.wgsl or eat-vec4.wgsl with `override` constants (never by rewriting shader text).
import { bytesPerSlice } from '../cake.ts';
import { eatHash, type Cake, type Eat } from '../eat.ts';
import { compile, createPipeline, type Gpu } from '../gpu/device.ts';
import { frames, kernelFor } from '../gpu/shaders.ts';
import { constantsOf, frameOf, gridFor, shapeKey, whyIllegal, type Shape, type ShapeLimits } from '../gpu/shapes.ts';
import type { PassTimer } from '../gpu/timing.ts';

const cakeBinding = 0;
const eatenBinding = 1;
const mealBinding = 2;
const mealBytes = 16; // struct Meal { rounds: u32 }, padded to a uniform buffer's 16-byte minimum

/**
 * Names the frames, the eat function and a hash of all their text, so a cache never mixes timings of different
 * kernels or eat functions.
 */
export function kernelIdentity(eat: Eat): string {
  const sources = [frames.eatShaped, frames.eatVec4];
  let hash = 0x811c9dc5; // FNV-1a over both frames
  for (const { code } of sources) for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193);
  return `${sources.map((s) => s.file).join('+')}#${(hash >>> 0).toString(16).padStart(8, '0')}:${eat.name}#${eatHash(eat)}`;
}

interface ShapedPipeline {
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  grid: [number, number];
}

export class ShapedCake {
  readonly cake: GPUBuffer;
  readonly eaten: GPUBuffer;
  private readonly meal: GPUBuffer;
  private readonly modules = new Map<string, GPUShaderModule>();
  private readonly pipelines = new Map<string, ShapedPipeline>();

  constructor(
    private readonly gpu: Gpu,
    private readonly eat: Eat,
    readonly slices: number,
    rounds: number,
    uneaten: Cake,
  ) {
    const { device } = gpu;
    const size = slices * bytesPerSlice;
    this.cake = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    this.eaten = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    this.meal = device.createBuffer({ size: mealBytes, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(this.cake, 0, uneaten);
    device.queue.writeBuffer(this.meal, 0, new Uint32Array([rounds, 0, 0, 0]));
  }

  get limits(): ShapeLimits {
    return this.gpu.device.limits;
  }

  /** Compiles (once) the pipeline for `shape`; throws with the reason when the shape is illegal here. */
  async prepare(shape: Shape): Promise<void> {
    const key = shapeKey(shape);
    if (this.pipelines.has(key)) return;
    const reason = whyIllegal(shape, this.slices, this.limits);
    if (reason) throw new Error(`${key} is illegal here: ${reason}.`);
    const source = kernelFor(frameOf(shape), this.eat);
    let module = this.modules.get(source.file);
    if (!module) this.modules.set(source.file, (module = await compile(this.gpu.device, source)));
    const pipeline = await createPipeline(this.gpu.device, module, source.entryPoint, constantsOf(shape));
    const bindGroup = this.gpu.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: cakeBinding, resource: { buffer: this.cake } },
        { binding: eatenBinding, resource: { buffer: this.eaten } },
        { binding: mealBinding, resource: { buffer: this.meal } },
      ],
    });
    this.pipelines.set(key, { pipeline, bindGroup, grid: gridFor(shape, this.slices, this.limits) as [number, number] });
  }

  /** Encodes one eating of the whole cake in `shape` (prepared first), in one pass timed by `timer` when given. */
  encode(encoder: GPUCommandEncoder, shape: Shape, timer?: PassTimer): void {
    const prepared = this.pipelines.get(shapeKey(shape));
    if (!prepared) throw new Error(`${shapeKey(shape)} was not prepared; call prepare(shape) first.`);
    const pass = encoder.beginComputePass(timer ? { timestampWrites: timer.timestampWrites } : {});
    pass.setPipeline(prepared.pipeline);
    pass.setBindGroup(0, prepared.bindGroup);
    pass.dispatchWorkgroups(prepared.grid[0], prepared.grid[1]);
    pass.end();
  }

  destroy(): void {
    for (const buffer of [this.cake, this.eaten, this.meal]) buffer.destroy();
  }
}
