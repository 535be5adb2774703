// GPU phases on real adapters: the wall-clock phases are never negative at any size, even where the kernel,
// timed on the GPU's own clock, began during encode + submit (small cakes on software GPUs); the overlap goes
// to unattributed, and the phases still add up to the wall time.
import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { bake } from '../src/cake.ts';
import { measure } from '../src/measure/run.ts';
import { expectedEaten } from '../src/measure/verify.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { hostWithAdapter, isGpuSkipped, testAdapters } from './gpu.ts';

const sizes = [1, 2 ** 10, 2 ** 14, 2 ** 18, 2 ** 20]; // the small ones are where the reviewer saw negative phases
const eatings = 12; // every one checked, not only the median run's
const stop = { warmupRuns: 1, minRuns: 3, minTimeMs: 0, maxTimeMs: 2_000 };

describe.skipIf(isGpuSkipped).each(testAdapters)('GPU phases on %s', (adapter) => {
  it.each(['gpu', 'gpu-resident'] as const)('%s: no phase is negative at any size, in any eating', async (name) => {
    const host = await hostWithAdapter(adapter);
    for (const n of sizes) {
      const strategy = findStrategy(name)!.create(host);
      try {
        await strategy.prepare(bake(n), { eat: hash, rounds: 1, poolSize: 1 });
        for (let eating = 0; eating < eatings; eating++) {
          const phases = await strategy.eat();
          for (const [phase, ms] of Object.entries(phases)) expect(ms, `${name} n=${n} ${phase} (${strategy.clock})`).toBeGreaterThanOrEqual(0);
        }
      } finally {
        await strategy.dispose();
      }
    }
  });

  it.each(['gpu', 'gpu-resident'] as const)('%s: the median run\'s phases plus unattributed add up to its wall time', async (name) => {
    const host = await hostWithAdapter(adapter);
    const cake = bake(2 ** 14);
    const result = await measure(findStrategy(name)!, host, cake, expectedEaten(hash, cake, 1), { eat: hash, rounds: 1, poolSize: 1 }, stop);
    const sumMs = Object.values(result.phasesMs).reduce((sum, ms) => sum + ms, 0);
    expect(result.samplesMs).toContainEqual(expect.closeTo(sumMs, 9));
    for (const [phase, ms] of Object.entries(result.phasesMs)) if (phase !== 'unattributed') expect(ms, phase).toBeGreaterThanOrEqual(0);
  });
});
