// A tune cache is a file anyone can hand us: every file of the hostile corpus (test/fixtures/hostile/cache) is
// refused naming where it is, or opened with what is impossible dropped, so that no shape the tuner calls
// illegal (workgroup size 0, over the limits) and no sample that is not a positive finite number of ms is ever
// ranked, chosen by --workgroup-size auto, printed or saved back.
import { readdirSync, readFileSync } from 'node:fs';
import { hash } from '../src/eats/hash.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gpu } from '../src/gpu/device.ts';
import { autoWorkgroupSize } from '../src/tune/auto.ts';
import { TuneCache, type CacheStore } from '../src/tune/cache.ts';
import { parseShapeKey, whyIllegal, type ShapeLimits } from '../src/gpu/shapes.ts';

const corpus = join(import.meta.dirname, 'fixtures', 'hostile', 'cache');
const lavapipe = { vendor: 'mesa', architecture: 'software', description: 'llvmpipe (LLVM 15)' };
const limits: ShapeLimits = { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupSizeX: 1024, maxComputeWorkgroupsPerDimension: 65535, maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 32 - 1 };
const runtime = 'webgpu 0.6.2 (Dawn)';
/** Only what autoWorkgroupSize reads of a GPU: no device is opened. */
const gpu = { adapterSummary: lavapipe, device: { limits } } as unknown as Gpu;

function memoryStore(text?: string): CacheStore & { text?: string } {
  const store: CacheStore & { text?: string } = { where: 'hostile.json', text, read: () => store.text, write: (written) => (store.text = written) };
  return store;
}

/** Every shape legal for its entry, every sample a positive finite number, the tuned shape among the measured. */
function expectPossible(cache: TuneCache): void {
  for (const entry of cache.held()) {
    for (const [key, samples] of Object.entries(entry.samplesMs)) {
      expect(whyIllegal(parseShapeKey(key), entry.slices, limits), key).toBeUndefined();
      for (const ms of samples) expect(Number.isFinite(ms) && ms > 0, `${key}: ${ms}`).toBe(true);
    }
    if (entry.tuned) expect(entry.samplesMs[entry.tuned.shape]).toBeDefined();
  }
}

describe('the hostile tune cache corpus', () => {
  it.each(readdirSync(corpus))('%s', (name) => {
    const text = readFileSync(join(corpus, name), 'utf8');
    const store = memoryStore(text);
    let cache: TuneCache;
    try {
      cache = TuneCache.open(store, lavapipe, limits);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^hostile\.json /); // names where it is
      expect(message).not.toMatch(/[\u001b\u0007]/);
      return;
    }
    expectPossible(cache);
    for (const note of cache.notes ?? []) expect(note).not.toMatch(/[\u001b\u0007]/);
    cache.save(); // what is saved back holds nothing impossible either
    expectPossible(TuneCache.open(store, lavapipe, limits));
    const auto = autoWorkgroupSize({ storeFor: () => memoryStore(text), runtime }, gpu, hash, 1024, 1);
    expect(auto.workgroupSize).toBeGreaterThanOrEqual(1);
    if (auto.shape) expect(whyIllegal(auto.shape, 1024, limits)).toBeUndefined();
    expect(auto.tuned).not.toMatch(/[\u001b\u0007]/);
  });

  it('says what it dropped from a cache with workgroup size 0 and negative samples', () => {
    const zero = TuneCache.open(memoryStore(readFileSync(join(corpus, 'workgroup-size-0.json'), 'utf8')), lavapipe, limits);
    expect(zero.notes).toEqual([
      'hostile.json: entry 1 (n=1024 rounds=1): shape wg0-s1-contiguous-scalar-1d dropped: workgroup size 0 must be an integer >= 1',
      'hostile.json: entry 1 (n=1024 rounds=1): its tuned choice wg0-s1-contiguous-scalar-1d dropped: the entry holds no legal samples of that shape',
    ]);
    const negative = TuneCache.open(memoryStore(readFileSync(join(corpus, 'negative-samples.json'), 'utf8')), lavapipe, limits);
    expect(negative.notes[0]).toBe("hostile.json: entry 1 (n=1024 rounds=1): 3 of wg32-s1-contiguous-scalar-1d's samples dropped: a sample is a positive, finite number of ms");
  });
});

describe('two caches open on one store', () => {
  it('keep each other\'s entries and samples when they save in turn (a merge on write)', () => {
    const store = memoryStore();
    const a = TuneCache.open(store, lavapipe, limits);
    const b = TuneCache.open(store, lavapipe, limits);
    const key = { runtime, kernel: 'eat-shaped.wgsl#1', slices: 1024 };
    const shape = 'wg64-s1-contiguous-scalar-1d';
    a.entry({ ...key, rounds: 1 }).samplesMs[shape] = [1, 2];
    b.entry({ ...key, rounds: 64 }).samplesMs[shape] = [10];
    b.entry({ ...key, rounds: 1 }).samplesMs[shape] = [3];
    a.save();
    b.save();
    a.entry({ ...key, rounds: 1 }).samplesMs[shape]!.push(4);
    a.save();
    const merged = TuneCache.open(store, lavapipe, limits);
    expect(merged.find({ ...key, rounds: 1 })?.samplesMs[shape]).toEqual([1, 2, 3, 4]);
    expect(merged.find({ ...key, rounds: 64 })?.samplesMs[shape]).toEqual([10]);
  });
});
