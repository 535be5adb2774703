// The tune cache: keyed by adapter and limits, resumes from saved samples, refuses another adapter's file
// naming both adapters.
import { describe, expect, it } from 'vitest';
import { adapterSlug } from '../src/tune/adapter-slug.ts';
import { TuneCache, type CacheStore } from '../src/tune/cache.ts';
import type { ShapeLimits } from '../src/gpu/shapes.ts';

function memoryStore(text?: string): CacheStore & { text?: string } {
  const store: CacheStore & { text?: string } = { where: 'cache.json', text, read: () => store.text, write: (written) => (store.text = written) };
  return store;
}

const lavapipe = { vendor: 'mesa', architecture: 'software', description: 'llvmpipe (LLVM 15)' };
const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' };
const limits: ShapeLimits = { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupSizeX: 1024, maxComputeWorkgroupsPerDimension: 65535, maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 32 - 1 };
const key = { runtime: 'webgpu 0.6.2 (Dawn)', kernel: 'eat-shaped.wgsl#1', rounds: 1, slices: 1024 };

describe('tune cache', () => {
  it('keeps samples and the tuned choice across opens, per runtime, kernel, rounds and n', () => {
    const store = memoryStore();
    const cache = TuneCache.open(store, lavapipe, limits);
    cache.entry(key).samplesMs['wg64-s1-contiguous-scalar-1d'] = [1.5, 1.25];
    cache.entry(key).tuned = { shape: 'wg64-s1-contiguous-scalar-1d', ms: 1.25, strategy: 'exhaustive', evaluations: 1, spaceSize: 1, at: 'now' };
    cache.save();
    const reopened = TuneCache.open(store, lavapipe, limits);
    expect(reopened.find(key)?.samplesMs['wg64-s1-contiguous-scalar-1d']).toEqual([1.5, 1.25]);
    expect(reopened.find(key)?.tuned?.shape).toBe('wg64-s1-contiguous-scalar-1d');
    expect(reopened.find({ ...key, rounds: 1024 })).toBeUndefined();
    expect(reopened.find({ ...key, slices: 2048 })).toBeUndefined();
    expect(reopened.find({ ...key, runtime: 'Chrome 131' })).toBeUndefined();
    expect(reopened.find({ ...key, kernel: 'eat-shaped.wgsl#2' })).toBeUndefined();
  });

  it("refuses another adapter's cache, naming both adapters", () => {
    const store = memoryStore();
    TuneCache.open(store, lavapipe, limits).save();
    expect(() => TuneCache.open(store, swiftshader, limits)).toThrow(
      'cache.json holds tunings for adapter "llvmpipe (LLVM 15)" (mesa, software), not for this adapter "SwiftShader Device (Subzero)" (google, swiftshader); pass another --cache FILE for this adapter.',
    );
  });

  it('refuses the same adapter with other limits, naming the limit', () => {
    const store = memoryStore();
    TuneCache.open(store, lavapipe, limits).save();
    expect(() => TuneCache.open(store, lavapipe, { ...limits, maxComputeInvocationsPerWorkgroup: 256 })).toThrow(/maxComputeInvocationsPerWorkgroup 1024 there, 256 here/);
  });

  it('says what is wrong with a file that is not a cache', () => {
    expect(() => TuneCache.open(memoryStore('{"format":"parallel-cake/bench@1"}'), lavapipe, limits)).toThrow(/cache.json is not a tune cache \(format "parallel-cake\/bench@1"/);
    expect(() => TuneCache.open(memoryStore('{'), lavapipe, limits)).toThrow(/cache.json is not valid JSON/);
  });

  it("names a cache file after the adapter's own words, whatever --adapter said", () => {
    expect(adapterSlug({ vendor: 'mesa', architecture: '', description: 'llvmpipe: Mesa 25.0.7 (LLVM 15.0.6) 0.0.1' })).toBe('lavapipe');
    expect(adapterSlug({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' })).toBe('swiftshader');
    expect(adapterSlug({ vendor: 'nvidia', architecture: 'ada', description: 'NVIDIA GeForce RTX 4090 (580.1)' })).toBe('nvidia-geforce-rtx-4090-580-1');
    expect(adapterSlug({ vendor: '', architecture: '', description: '../../' })).toBe('unknown-adapter');
  });
});
