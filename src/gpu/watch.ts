// Watches the GPU eat: runs eat-watched.wgsl once (untimed) and returns the eaten cake and, per slice, the turn
// in which its workgroup began eating. For the demo's picture of who ate what, and in what order.
import { bytesPerSlice } from '../cake.ts';
import { cakeOver, type Cake, type Eat } from '../eat.ts';
import { compile, createPipeline, type Gpu } from './device.ts';
import { maxPortionSlices } from './portions.ts';
import { frames, kernelFor } from './shaders.ts';

const cakeBinding = 0;
const eatenBinding = 1;
const mealBinding = 2;
const turnsBinding = 3;
const nextTurnBinding = 4;
const mealBytes = 16; // struct Meal { rounds: u32 }, padded to a uniform buffer's 16-byte minimum

export interface Watched {
  eaten: Cake;
  /** Per slice: the order in which its workgroup started eating (0 = first). */
  turns: Uint32Array;
  workgroupSize: number;
}

/** Eats `cake` once with the watched kernel. Cakes up to one storage binding (the demo's sizes). */
export async function watchEating(gpu: Gpu, eat: Eat, cake: Cake, rounds: number, workgroupSize: number): Promise<Watched> {
  const { device } = gpu;
  const most = maxPortionSlices(device.limits, workgroupSize);
  if (cake.length > most) throw new Error(`Watching the GPU eat handles up to ${most} slices at once, not ${cake.length}. Use a smaller cake to see it.`);
  const source = kernelFor(frames.eatWatched, eat);
  const pipeline = await createPipeline(device, await compile(device, source), source.entryPoint, { workgroupSize });
  const size = Math.max(cake.byteLength, bytesPerSlice);
  const storage = (usage: number) => device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | usage });
  const cakeBuffer = storage(GPUBufferUsage.COPY_DST);
  const eatenBuffer = storage(GPUBufferUsage.COPY_SRC);
  const turnsBuffer = storage(GPUBufferUsage.COPY_SRC);
  const counter = device.createBuffer({ size: 4, usage: GPUBufferUsage.STORAGE });
  const meal = device.createBuffer({ size: mealBytes, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const readable = device.createBuffer({ size: 2 * size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    device.queue.writeBuffer(cakeBuffer, 0, cake);
    device.queue.writeBuffer(meal, 0, new Uint32Array([rounds, 0, 0, 0]));
    const buffers = [[cakeBinding, cakeBuffer], [eatenBinding, eatenBuffer], [mealBinding, meal], [turnsBinding, turnsBuffer], [nextTurnBinding, counter]] as const;
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map(([binding, buffer]) => ({ binding, resource: { buffer } })),
    });
    const workgroups = Math.ceil(cake.length / workgroupSize);
    const x = Math.min(workgroups, device.limits.maxComputeWorkgroupsPerDimension);
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(x, Math.ceil(workgroups / x));
    pass.end();
    encoder.copyBufferToBuffer(eatenBuffer, 0, readable, 0, size);
    encoder.copyBufferToBuffer(turnsBuffer, 0, readable, size, size);
    device.queue.submit([encoder.finish()]);
    await readable.mapAsync(GPUMapMode.READ);
    const both = readable.getMappedRange().slice(0);
    readable.unmap();
    gpu.check();
    const turns = new Uint32Array(both, size, cake.length).slice();
    return { eaten: cakeOver(eat.element, both, cake.length).slice(), turns, workgroupSize };
  } finally {
    for (const buffer of [cakeBuffer, eatenBuffer, turnsBuffer, counter, meal, readable]) buffer.destroy();
  }
}
