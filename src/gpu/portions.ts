// Cuts a cake into portions the device can bind and dispatch: each within one storage binding and one buffer,
// each dispatched on a 2D grid when it needs more than maxComputeWorkgroupsPerDimension workgroups.
import { bytesPerSlice } from '../cake.ts';

export interface Portion {
  from: number;
  to: number;
  /** Workgroups in x and y; x * y * workgroupSize >= to - from. */
  grid: [number, number];
}

type Limits = Pick<GPUSupportedLimits, 'maxStorageBufferBindingSize' | 'maxBufferSize' | 'maxComputeWorkgroupsPerDimension'>;

/** The most slices one portion may hold on a device with these limits. */
export function maxPortionSlices(limits: Limits, workgroupSize: number): number {
  const bindingSlices = Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / bytesPerSlice);
  const gridSlices = limits.maxComputeWorkgroupsPerDimension ** 2 * workgroupSize;
  return Math.min(bindingSlices, gridSlices);
}

/** Portions covering [0, slices), in order; a cake of 0 slices has none. */
export function cutPortions(slices: number, limits: Limits, workgroupSize: number): Portion[] {
  const most = maxPortionSlices(limits, workgroupSize);
  const maxX = limits.maxComputeWorkgroupsPerDimension;
  const portions: Portion[] = [];
  for (let from = 0; from < slices; from += most) {
    const to = Math.min(slices, from + most);
    const workgroups = Math.ceil((to - from) / workgroupSize);
    const x = Math.min(workgroups, maxX);
    portions.push({ from, to, grid: [x, Math.ceil(workgroups / x)] });
  }
  return portions;
}
