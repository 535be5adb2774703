// --workgroup-size auto: the gpu strategies take their workgroup size from the host's tune cache when it has a
// tuning for this adapter, n and rounds, else the usual 64; either way the record says which and why.
import type { Eat } from '../eat.ts';
import type { AdapterSummary, Gpu } from '../gpu/device.ts';
import { TuneCache, type CacheStore } from './cache.ts';
import { medianOf } from './noise.ts';
import { parseShapeKey, type Shape } from '../gpu/shapes.ts';
import { entryKey } from './tune.ts';

/** What a host offers for auto: where its tune cache lives and its WebGPU runtime (part of the cache key). */
export interface TuneCacheAccess {
  /** The store for the adapter actually opened: --adapter may name it several ways, or not at all. */
  storeFor(adapter: AdapterSummary): CacheStore;
  runtime: string;
}

export interface AutoWorkgroupSize {
  /** The fastest workgroup size measured for eat.wgsl's own shape (scalar, one slice, 1D). */
  workgroupSize: number;
  /** The tune's best shape overall, which the GPU strategies run when it fits the cake (see EatKernel). */
  shape?: Shape;
  /** For the record: where the size came from. */
  tuned: string;
}

const untunedWorkgroupSize = 64; // the usual WebGPU advice

/**
 * The gpu strategies run shaders/eat.wgsl: scalar loads, one slice per invocation, 1D grid. So auto takes the
 * fastest workgroup size the tune measured for that shape, and names the tune's best shape overall (which may
 * be another kernel) so the record shows what is left on the table.
 */
export function autoWorkgroupSize(access: TuneCacheAccess | undefined, gpu: Gpu, eat: Eat, slices: number, rounds: number): AutoWorkgroupSize {
  const untuned = (why: string) => ({ workgroupSize: untunedWorkgroupSize, tuned: `no: ${why}; using ${untunedWorkgroupSize}` });
  if (!access) return untuned('this host has no tune cache');
  const store = access.storeFor(gpu.adapterSummary);
  let cache: TuneCache;
  try {
    cache = TuneCache.open(store, gpu.adapterSummary, gpu.device.limits);
  } catch (error) {
    return untuned((error as Error).message);
  }
  const ignored = cache.notes.length > 0 ? `; ${cache.notes.length} impossible part(s) of the file ignored (cake tune names them)` : '';
  const entry = cache.find(entryKey(access.runtime, eat, slices, rounds));
  if (!entry?.tuned) return untuned(`${store.where} has no tuning of ${eat.name} for n=${slices} rounds=${rounds} (run cake tune --eat ${eat.name} --n ${slices} --rounds ${rounds})${ignored}`);
  let best: [number, number] | undefined;
  for (const [key, samples] of Object.entries(entry.samplesMs)) {
    const shape = parseShapeKey(key);
    const isEatWgsl = shape.slicesPerInvocation === 1 && shape.load === 'scalar' && shape.grid === '1d';
    const ms = medianOf(samples);
    if (isEatWgsl && samples.length > 0 && (!best || ms < best[1])) best = [shape.workgroupSize, ms];
  }
  if (!best) return untuned(`the tuning in ${store.where} measured no scalar one-slice shape${ignored}`);
  const gain = (best[1] / entry.tuned.ms).toFixed(2);
  return {
    workgroupSize: best[0],
    shape: parseShapeKey(entry.tuned.shape),
    tuned: `${store.where}: the tune's best shape ${entry.tuned.shape} (${gain}x faster than eat.wgsl's own best, workgroup size ${best[0]}, the fastest for this kernel (scalar, one slice per invocation))${ignored}`,
  };
}
