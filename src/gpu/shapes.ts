// The shape of the eat kernel: workgroup size, slices per invocation (contiguous or strided), scalar or vec4 loads,
// 1D or 2D grid; which frame runs a shape, with which override constants and grid, and why a shape cannot run on a
// device. src/tune/ builds its search space from these; the GPU strategies run a tuned shape with them.
import { frames, type Frame } from './shaders.ts';

export type Layout = 'contiguous' | 'strided';
export type Load = 'scalar' | 'vec4';
/** '1d': workgroups fill x first, rows of y only past maxComputeWorkgroupsPerDimension; '2d': a square grid. */
export type Grid = '1d' | '2d';

export interface Shape {
  workgroupSize: number;
  slicesPerInvocation: number;
  layout: Layout;
  load: Load;
  grid: Grid;
}

export type ShapeLimits = Pick<
  GPUSupportedLimits,
  'maxComputeInvocationsPerWorkgroup' | 'maxComputeWorkgroupSizeX' | 'maxComputeWorkgroupsPerDimension' | 'maxStorageBufferBindingSize' | 'maxBufferSize'
>;

/** The untuned kernel: the shaders/eat.wgsl frame as the gpu strategies run it by default. */
export const defaultShape: Shape = { workgroupSize: 64, slicesPerInvocation: 1, layout: 'contiguous', load: 'scalar', grid: '1d' };

export const slicesPerInvocationChoices = [1, 2, 4, 8] as const;
export const layouts: readonly Layout[] = ['contiguous', 'strided'];
export const loads: readonly Load[] = ['scalar', 'vec4'];
export const grids: readonly Grid[] = ['1d', '2d'];
/** Besides powers of two: multiples of 3 and 6 catch SIMD widths (and wave sizes) that are not powers of two. */
const otherWorkgroupSizes = [48, 96, 192, 384, 768];
const sliceBytes = 4;
const vec4Slices = 4;

/** Workgroup sizes worth trying on these limits: 1 .. maxComputeInvocationsPerWorkgroup. */
export function workgroupSizesFor(limits: ShapeLimits): number[] {
  const most = Math.min(limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
  const sizes = [...otherWorkgroupSizes];
  for (let size = 1; size <= most; size *= 2) sizes.push(size);
  return sizes.filter((size) => size <= most).sort((a, b) => a - b);
}

export function shapeKey(shape: Shape): string {
  return `wg${shape.workgroupSize}-s${shape.slicesPerInvocation}-${shape.layout}-${shape.load}-${shape.grid}`;
}

export function parseShapeKey(key: string): Shape {
  const match = /^wg(\d+)-s(\d+)-(contiguous|strided)-(scalar|vec4)-(1d|2d)$/.exec(key);
  if (!match) throw new Error(`"${key}" is not a shape key; expected e.g. ${shapeKey(defaultShape)}.`);
  return { workgroupSize: Number(match[1]), slicesPerInvocation: Number(match[2]), layout: match[3] as Layout, load: match[4] as Load, grid: match[5] as Grid };
}

/** Invocations a shape dispatches for a cake of `slices` slices. */
export function invocationsFor(shape: Shape, slices: number): number {
  return Math.ceil(slices / shape.slicesPerInvocation);
}

/** Workgroups in x and y for this shape and cake, or a reason why the device cannot dispatch it. */
export function gridFor(shape: Shape, slices: number, limits: ShapeLimits): [number, number] | string {
  const workgroups = Math.max(1, Math.ceil(invocationsFor(shape, slices) / shape.workgroupSize));
  const maxX = limits.maxComputeWorkgroupsPerDimension;
  const x = shape.grid === '1d' ? Math.min(workgroups, maxX) : Math.min(maxX, Math.ceil(Math.sqrt(workgroups)));
  const y = Math.ceil(workgroups / x);
  if (y > maxX) return `needs ${workgroups} workgroups, more than maxComputeWorkgroupsPerDimension^2 = ${maxX}^2; use a larger workgroup size or more slices per invocation`;
  return [x, y];
}

/** Why `shape` cannot eat a cake of `slices` slices on a device with `limits`, or undefined when it can. */
export function whyIllegal(shape: Shape, slices: number, limits: ShapeLimits): string | undefined {
  const { workgroupSize, slicesPerInvocation, load, layout } = shape;
  if (!Number.isInteger(workgroupSize) || workgroupSize < 1) return `workgroup size ${workgroupSize} must be an integer >= 1`;
  if (workgroupSize > limits.maxComputeInvocationsPerWorkgroup) return `workgroup size ${workgroupSize} exceeds maxComputeInvocationsPerWorkgroup (${limits.maxComputeInvocationsPerWorkgroup})`;
  if (workgroupSize > limits.maxComputeWorkgroupSizeX) return `workgroup size ${workgroupSize} exceeds maxComputeWorkgroupSizeX (${limits.maxComputeWorkgroupSizeX})`;
  if (!(slicesPerInvocationChoices as readonly number[]).includes(slicesPerInvocation)) return `${slicesPerInvocation} slices per invocation: the kernels take ${slicesPerInvocationChoices.join(', ')}`;
  if (load === 'vec4' && slicesPerInvocation < vec4Slices) return `vec4 loads eat ${vec4Slices} slices at a time, so they need >= ${vec4Slices} slices per invocation (got ${slicesPerInvocation})`;
  if (load === 'vec4' && slices % vec4Slices !== 0) return `vec4 loads need a cake whose slices are a multiple of ${vec4Slices} (got ${slices})`;
  const perLoad = load === 'vec4' ? vec4Slices : 1;
  if (layout === 'strided' && slicesPerInvocation === perLoad) return `strided with one load per invocation is the same kernel as contiguous`;
  const bindingBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  if (slices * sliceBytes > bindingBytes) return `a cake of ${slices} slices (${slices * sliceBytes} bytes) does not fit one binding (${bindingBytes} bytes); tune a smaller n`;
  const grid = gridFor(shape, slices, limits);
  return typeof grid === 'string' ? grid : undefined;
}

/** The frame that runs `shape`. */
export function frameOf(shape: Shape): Frame {
  return shape.load === 'vec4' ? frames.eatVec4 : frames.eatShaped;
}

/** The override constants that give a pipeline its shape. */
export function constantsOf(shape: Shape): Record<string, number> {
  return { workgroupSize: shape.workgroupSize, slicesPerInvocation: shape.slicesPerInvocation, isStrided: shape.layout === 'strided' ? 1 : 0 };
}
