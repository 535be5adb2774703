// gpu-stream's ring: a fixed number of slots, each a staging buffer to write a chunk into, the chunk and its
// eaten twin on the device, and a staging buffer to read the eaten chunk (and its timestamps) back from. Every
// buffer and bind group is made once, in create(); chunks take turns in the slots.
import { bytesPerSlice } from '../cake.ts';
import type { Eat } from '../eat.ts';
import { compile, createPipeline, type Gpu } from './device.ts';
import { cutPortions } from './portions.ts';
import { frames, kernelFor } from './shaders.ts';
import { mealBytes, type StreamSizes } from './stream-sizes.ts';

/** Timestamps per chunk: before the upload copy, kernel begin, kernel end, after the readback copy. */
export const stampsPerChunk = 4;
/** The readback staging buffer starts with the chunk's timestamps (u64 each), then its eaten slices. */
export const stampBytes = stampsPerChunk * 8;

export interface Slot {
  /** MAP_WRITE | COPY_SRC: the host writes a chunk here; mapped whenever the slot is free. */
  up: GPUBuffer;
  cake: GPUBuffer;
  eaten: GPUBuffer;
  /** MAP_READ | COPY_DST: timestamps, then the eaten chunk. */
  down: GPUBuffer;
  querySet?: GPUQuerySet;
  resolved?: GPUBuffer;
  /** Bind groups by chunk length in slices: a full chunk and the cake's short last one. */
  bindGroups: Map<number, GPUBindGroup>;
}

export class StreamRing {
  /** Buffers this ring created: the same after any number of eatings. */
  buffersCreated = 0;
  readonly slots: Slot[] = [];
  private meal!: GPUBuffer;
  private pipeline!: GPUComputePipeline;

  private constructor(
    private readonly gpu: Gpu,
    readonly sizes: StreamSizes,
    readonly workgroupSize: number,
    readonly hasStamps: boolean,
  ) {}

  static async create(gpu: Gpu, eat: Eat, slices: number, rounds: number, sizes: StreamSizes, workgroupSize: number, hasStamps: boolean): Promise<StreamRing> {
    const ring = new StreamRing(gpu, sizes, workgroupSize, hasStamps);
    const source = kernelFor(frames.eat, eat);
    ring.pipeline = await createPipeline(gpu.device, await compile(gpu.device, source), source.entryPoint, { workgroupSize });
    gpu.device.pushErrorScope('out-of-memory');
    ring.allocate(slices, rounds);
    const outOfMemory = await gpu.device.popErrorScope();
    if (outOfMemory) {
      ring.destroy();
      throw new Error(`gpu-stream's ring of ${sizes.slots} chunks of ${sizes.chunkBytes} bytes does not fit this device: ${outOfMemory.message}. Use a smaller --chunk or --in-flight.`);
    }
    return ring;
  }

  private buffer(size: number, usage: number, mappedAtCreation = false): GPUBuffer {
    this.buffersCreated++;
    return this.gpu.device.createBuffer({ size, usage, mappedAtCreation });
  }

  private allocate(slices: number, rounds: number): void {
    const { device } = this.gpu;
    this.meal = this.buffer(mealBytes, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
    device.queue.writeBuffer(this.meal, 0, new Uint32Array([rounds, 0, 0, 0]));
    const { chunkBytes, slots } = this.sizes;
    const chunkSlices = chunkBytes / bytesPerSlice;
    const lengths = [...new Set([Math.min(chunkSlices, slices), slices % chunkSlices || chunkSlices].filter((n) => n <= slices))];
    for (let i = 0; i < slots; i++) {
      const slot: Slot = {
        up: this.buffer(chunkBytes, GPUBufferUsage.MAP_WRITE | GPUBufferUsage.COPY_SRC, true),
        cake: this.buffer(chunkBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST),
        eaten: this.buffer(chunkBytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC),
        down: this.buffer(stampBytes + chunkBytes, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
        bindGroups: new Map(),
      };
      if (this.hasStamps) {
        slot.querySet = device.createQuerySet({ type: 'timestamp', count: stampsPerChunk });
        slot.resolved = this.buffer(stampBytes, GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC);
      }
      for (const length of lengths) slot.bindGroups.set(length, this.bind(slot, length * bytesPerSlice));
      this.slots.push(slot);
    }
  }

  private bind(slot: Slot, size: number): GPUBindGroup {
    return this.gpu.device.createBindGroup({
      layout: this.pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: slot.cake, size } },
        { binding: 1, resource: { buffer: slot.eaten, size } },
        { binding: 2, resource: { buffer: this.meal } },
      ],
    });
  }

  /**
   * Encodes one chunk of `slices` slices through slot `slot`: the copy up, the kernel, the copy back, with
   * timestamps around each (an empty pass marks the moment before the copy up and after the copy back).
   */
  encode(encoder: GPUCommandEncoder, slot: Slot, slices: number): void {
    const bytes = slices * bytesPerSlice;
    const stamp = (begin?: number, end?: number): GPUComputePassDescriptor =>
      slot.querySet ? { timestampWrites: { querySet: slot.querySet, beginningOfPassWriteIndex: begin, endOfPassWriteIndex: end } } : {};
    if (slot.querySet) encoder.beginComputePass(stamp(0)).end();
    encoder.copyBufferToBuffer(slot.up, 0, slot.cake, 0, bytes);
    const pass = encoder.beginComputePass(stamp(1, 2));
    pass.setPipeline(this.pipeline);
    pass.setBindGroup(0, slot.bindGroups.get(slices)!);
    const [x, y] = cutPortions(slices, this.gpu.device.limits, this.workgroupSize)[0]!.grid;
    pass.dispatchWorkgroups(x, y);
    pass.end();
    encoder.copyBufferToBuffer(slot.eaten, 0, slot.down, stampBytes, bytes);
    if (slot.querySet) {
      encoder.beginComputePass(stamp(undefined, 3)).end();
      encoder.resolveQuerySet(slot.querySet, 0, stampsPerChunk, slot.resolved!, 0);
      encoder.copyBufferToBuffer(slot.resolved!, 0, slot.down, 0, stampBytes);
    }
  }

  destroy(): void {
    this.meal?.destroy();
    for (const slot of this.slots) {
      for (const buffer of [slot.up, slot.cake, slot.eaten, slot.down, slot.resolved]) buffer?.destroy();
      slot.querySet?.destroy();
    }
  }
}
