// Phase closure: the phases of the median run plus `unattributed` add up to its wall time, and the named
// phases carry the time (the remainder stays small where nothing overlaps).
import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { bake } from '../src/cake.ts';
import { measure } from '../src/measure/run.ts';
import { expectedEaten } from '../src/measure/verify.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';

const host = nodeHost();
const stop = { warmupRuns: 1, minRuns: 5, minTimeMs: 0, maxTimeMs: 10_000 };
const cake = bake(65536);
const rounds = 64; // long enough that eating, not messaging, dominates
const expected = expectedEaten(hash, cake, rounds);

describe.each([
  ['loop', ['eat']],
  ['map', ['eat']],
  ['pool-copy', ['send', 'eat', 'receive']],
  ['pool-transfer', ['send', 'eat', 'receive']],
  ['pool-shared', ['send', 'eat', 'receive']],
  ['piscina', ['send', 'eat', 'receive']],
] as const)('%s', (name, phaseNames) => {
  it('reports phases that add up to the median wall time', async () => {
    const result = await measure(findStrategy(name)!, host, cake, expected, { eat: hash, rounds, poolSize: 2 }, stop);
    expect(Object.keys(result.phasesMs).sort()).toEqual([...phaseNames, 'unattributed'].sort());
    const sumMs = Object.values(result.phasesMs).reduce((sum, ms) => sum + ms, 0);
    expect(result.samplesMs).toContainEqual(expect.closeTo(sumMs, 9));
    for (const phase of phaseNames) expect(result.phasesMs[phase]).toBeGreaterThanOrEqual(0);
    // The eating of a 64-round cake is most of the wall time; a phase model that lost it would fail here.
    expect(result.phasesMs.eat).toBeGreaterThan(0.5 * sumMs);
    expect(result.verified).toBe(true);
    expect(result.samplesMs.length).toBeGreaterThanOrEqual(stop.minRuns);
  });
});

it('stops at maxTimeMs even when minRuns is not reached, and says how many runs it took', async () => {
  const slow = { warmupRuns: 0, minRuns: 1000, minTimeMs: 0, maxTimeMs: 50 };
  const result = await measure(findStrategy('loop')!, host, cake, expected, { eat: hash, rounds, poolSize: 1 }, slow);
  expect(result.samplesMs.length).toBeGreaterThanOrEqual(1);
  expect(result.samplesMs.length).toBeLessThan(1000);
});

it('fails a run whose eaten slices are wrong, naming the slice', async () => {
  const wrong = expected.slice();
  wrong[4242] ^= 1;
  await expect(measure(findStrategy('loop')!, host, cake, wrong, { eat: hash, rounds, poolSize: 1 }, stop)).rejects.toThrow(
    /^loop: slice 4242 is 0x[0-9a-f]{8}, expected 0x[0-9a-f]{8} \(rounds=64\); first of 1 mismatches\.$/,
  );
});
