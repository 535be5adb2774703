// A small real tune on lavapipe: every shape it measures is first verified bit-exact against the CPU twin.
import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { TuneCache, type CacheStore } from '../src/tune/cache.ts';
import { buildSpace } from '../src/tune/space.ts';
import { tune } from '../src/tune/tune.ts';
import { bake } from '../src/cake.ts';
import { expectedEaten } from '../src/measure/verify.ts';
import { gpu as gpuStrategy } from '../src/strategies/gpu.ts';
import { hostWithAdapter, withDevice } from './gpu.ts';

function memoryStore(): CacheStore & { text?: string } {
  const store: CacheStore & { text?: string } = { where: 'memory', read: () => store.text, write: (text) => (store.text = text) };
  return store;
}

const slices = 4093 * 4; // a multiple of 4 for vec4 loads, and not of any workgroup size
const rounds = 3;
const workgroupSizes = [32, 64, 128]; // a slice of the space keeps the test to seconds

let tunedStore: ReturnType<typeof memoryStore> | undefined;

describe('tune on lavapipe', () => {
  it('measures every legal shape of a small space exhaustively, each verified, and ranks them', async () => {
    await withDevice('lavapipe', async (gpu) => {
      const store = memoryStore();
      const cache = TuneCache.open(store, gpu.adapterSummary, gpu.device.limits);
      const lines: string[] = [];
      const report = await tune({ eat: hash, gpu, cache, runtime: 'test', slices, rounds, strategy: 'exhaustive', budgetShare: 1, fullSamples: 3, maxSamples: 6, seed: 1, workgroupSizes, onProgress: (line) => lines.push(line) });
      const space = buildSpace(gpu.device.limits, slices, workgroupSizes);
      expect(report.spaceSize).toBe(space.legal.length);
      expect(report.evaluations).toBe(space.legal.length);
      expect(lines.length).toBeGreaterThanOrEqual(space.legal.length);
      expect(report.verifiedShapes).toBe(space.legal.length); // each verified bit-exact before its first sample
      expect(report.best.medianMs).toBeGreaterThan(0);
      expect(report.best.medianMs).toBeLessThanOrEqual(report.default.medianMs);
      expect(report.worst.medianMs).toBeGreaterThanOrEqual(report.best.medianMs);
      expect(report.illegal.length).toBe(space.illegal.length);
      expect(report.heatMap.ms.flat().some((ms) => ms !== null)).toBe(true);
      // the cache now holds every legal shape's samples and the tuned choice, ready for a resume
      const saved = JSON.parse(store.text!);
      expect(Object.keys(saved.entries[0].samplesMs).length).toBe(space.legal.length);
      expect(saved.entries[0].tuned.shape).toBe(report.best.shape);
      const again = await tune({ eat: hash, gpu, cache: TuneCache.open(store, gpu.adapterSummary, gpu.device.limits), runtime: 'test', slices, rounds, strategy: 'exhaustive', budgetShare: 1, fullSamples: 3, maxSamples: 6, seed: 1, workgroupSizes });
      expect(again.samplesFromCache).toBeGreaterThanOrEqual(space.legal.length * 3);
      expect(again.samplesTaken).toBeLessThan(space.legal.length); // resumed: only leaders get new samples
      tunedStore = store;
    });
  }, 120_000);

  it('--workgroup-size auto: the gpu strategy takes the tuned size from the cache, else 64, and says which', async () => {
    expect(tunedStore?.text, 'runs after the tune above').toBeDefined();
    const tuned = JSON.parse(tunedStore!.text!).entries[0];
    const scalarOneSlice = Object.entries(tuned.samplesMs as Record<string, number[]>).filter(([key]) => /-s1-contiguous-scalar-1d$/.test(key));
    const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[(samples.length - 1) >> 1]!;
    const fastest = scalarOneSlice.reduce((a, b) => (median(a[1]) <= median(b[1]) ? a : b));
    const cake = bake(slices);
    const best = tuned.tuned.shape as string; // the tune's best shape overall: what auto runs when it fits
    const runsBest = !/-s1-contiguous-scalar-1d$/.test(best);
    for (const [store, workgroupSize, kernel, tunedText] of [
      [tunedStore!, Number(/^wg(\d+)/.exec(runsBest ? best : fastest[0])![1]), runsBest ? best : 'eat.wgsl', new RegExp(`the tune's best shape ${best} .*workgroup size \\d+, the fastest for this kernel`)],
      [memoryStore(), 64, 'eat.wgsl', /^no: memory has no tuning of hash for n=16372 rounds=3/],
    ] as const) {
      const host = { ...(await hostWithAdapter('lavapipe')), tuneCache: { storeFor: () => store, runtime: 'test' } };
      const strategy = gpuStrategy.create(host);
      try {
        await strategy.prepare(cake, { eat: hash, rounds, poolSize: 1, workgroupSize: 'auto' });
        await strategy.eat();
        expect(strategy.eaten()).toEqual(expectedEaten(hash, cake, rounds)); // the tuned shape eats exactly like the twin
        const settings = strategy.settings!();
        expect(settings.kernel).toBe(kernel);
        expect(settings.workgroupSize).toBe(workgroupSize);
        expect(String(settings.tuned)).toMatch(tunedText);
      } finally {
        await strategy.dispose();
      }
    }
  }, 60_000);
});
