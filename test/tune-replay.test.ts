// Replay: strategies run many seeds against a recorded exhaustive landscape with no device.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay, type Landscape } from '../src/tune/replay.ts';
import { formatReplay } from '../src/tune/report.ts';
import { searchStrategyNames } from '../src/tune/search.ts';
import { axisNames, buildSpace, parseShapeKey } from '../src/tune/space.ts';
import { pointOf } from '../src/tune/tune.ts';
import { medianOf } from '../src/tune/noise.ts';

/** A real landscape: an exhaustive tune on lavapipe, 2^16 slices, light, workgroup sizes 32, 64, 128. */
function recordedLandscape(): Landscape {
  const recorded = JSON.parse(readFileSync(new URL('./fixtures/tune-landscape-lavapipe.json', import.meta.url), 'utf8')) as { samplesMs: Record<string, number[]>; slices: number };
  const limits = { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupSizeX: 1024, maxComputeWorkgroupsPerDimension: 65535, maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 32 - 1 };
  const space = buildSpace(limits, recorded.slices, [32, 64, 128]);
  const keys = Object.keys(recorded.samplesMs);
  return {
    axisSizes: axisNames.map((axis) => space.axes[axis].length),
    points: keys.map((key) => pointOf(space, parseShapeKey(key))),
    samplesMs: keys.map((key) => recorded.samplesMs[key]!),
  };
}

describe('replay', () => {
  const landscape = recordedLandscape();
  const options = { seeds: 50, fullSamples: 3, tolerance: 0.05 };

  it('uses every point of the recorded landscape', () => {
    expect(landscape.points.length).toBe(60);
    expect(landscape.points.every((point) => point.every((value) => value >= 0))).toBe(true);
  });

  for (const strategy of searchStrategyNames) {
    it(`${strategy} ends within 5 % of the recorded best on every seed, and replays the same`, async () => {
      const stats = await replay(strategy, landscape, options);
      expect(stats.missed).toBe(0);
      expect(stats.medianEvaluations).toBeGreaterThan(0);
      expect(stats.medianEvaluations).toBeLessThanOrEqual(stats.p90Evaluations);
      expect(stats.p90Share).toBeLessThanOrEqual(1);
      expect(await replay(strategy, landscape, options)).toEqual(stats);
    });
  }

  it('counts exhaustive evaluations exactly: the first point within 5 % of the best, for good', async () => {
    const points = [[0], [1], [2], [3], [4]];
    const samplesMs = [[10, 10, 10], [8, 8, 8], [1.04, 1.04, 1.04], [1, 1, 1], [5, 5, 5]];
    const stats = await replay('exhaustive', { axisSizes: [5], points, samplesMs }, options);
    expect(stats.medianEvaluations).toBe(3); // point 2 is 4 % slower than the best, point 3
    expect(medianOf(samplesMs[3]!)).toBe(1);
  });

  it('misses only through noise: exhaustive sees every shape, yet a resampled shape can look faster than it is', async () => {
    // point 1 was resampled as a leader: 9 fast and 11 slow samples, so its median is slow, but 5 drawn can be fast
    const resampled = [...Array(9).fill(0.95), ...Array(11).fill(1.1)];
    const points = [[0], [1], [2]];
    const noisy = await replay('exhaustive', { axisSizes: [3], points, samplesMs: [[1.1, 1.1, 1.1, 1.1, 1.1], resampled, [1, 1, 1, 1, 1]] }, { ...options, fullSamples: 5 });
    expect(noisy.missed).toBeGreaterThan(0);
    expect(noisy.missed).toBeLessThan(options.seeds);
    const quiet = await replay('exhaustive', { axisSizes: [3], points, samplesMs: [[1.1, 1.1, 1.1, 1.1, 1.1], resampled.slice(9, 14), [1, 1, 1, 1, 1]] }, { ...options, fullSamples: 5 });
    expect(quiet.missed).toBe(0); // every shape seen with all its samples: exhaustive always finds the best
  });

  it('the replay table explains what missed means', async () => {
    const stats = await replay('exhaustive', landscape, options);
    const text = formatReplay([stats], landscape.points.length, options.tolerance, options.fullSamples);
    expect(text).toMatch(/^missed: seeds whose final answer was not within 5 %, though each strategy may spend all 60 shapes \(a miss counts as 60 above\)\.$/m);
    expect(text).toMatch(/^That is noise, not budget: a search ranks shapes by the median of up to 3 of their samples;/m);
  });

  it('refuses an empty landscape', async () => {
    await expect(replay('random', { axisSizes: [1], points: [], samplesMs: [] }, options)).rejects.toThrow(/run an exhaustive tune first/);
  });
});
