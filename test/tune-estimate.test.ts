// cake tune estimates before it measures: the CPU twin's reference plus, per shape the search will measure, a
// verification and the samples the cache lacks, at the adapter's measured speed. Far over 30 minutes is refused
// with the estimate and --yes; the estimate is printed either way.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../bench/args.ts';
import { judgeTune } from '../bench/tune-estimate.ts';
import { parseTuneArgs } from '../bench/tune-args.ts';
import { eatingsLeft, estimateTuneMs } from '../src/tune/estimate.ts';
import { parseShapeKey } from '../src/gpu/shapes.ts';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const shapes = ['wg64-s1-contiguous-scalar-1d', 'wg128-s1-contiguous-scalar-1d', 'wg256-s4-strided-vec4-1d'].map(parseShapeKey);
const costs = { cpuMsPerSliceRound: 4e-6, gpuMsPerSliceRound: 1e-6 }; // fixed, so the test does not depend on this machine
const plan = { slices: 2 ** 20, rounds: 1, shapes, evaluations: 3, fullSamples: 5 };

describe('the tune estimate', () => {
  it('counts a verification and every missing sample per shape; cached samples cost nothing', () => {
    expect(eatingsLeft(plan)).toBe(18);
    expect(eatingsLeft({ ...plan, entry: { samplesMs: { 'wg64-s1-contiguous-scalar-1d': [1, 1, 1, 1, 1], 'wg128-s1-contiguous-scalar-1d': [1, 1] } } })).toBe(6 + 4);
    expect(eatingsLeft({ ...plan, evaluations: 1 })).toBe(6); // a search's budget of one shape
    // 2^20 x (4 ns reference + 18 x 1 ns)
    expect(estimateTuneMs(plan, costs)).toBeCloseTo(2 ** 20 * 22e-6, 6);
  });

  it('prints a small tune and refuses a huge one without --yes, naming how long, why and what to do', () => {
    const args = parseTuneArgs([]);
    expect(judgeTune(args, plan, costs)).toMatch(/^estimate: at least 0\.0 s \(18 eatings left \(3 of 3 shapes x 5 samples/);
    const huge = { ...plan, slices: 2 ** 24, rounds: 2 ** 16 };
    expect(() => judgeTune(args, huge, costs)).toThrow(UsageError);
    expect(() => judgeTune(args, huge, costs)).toThrow(/^tune: this tune would take at least 6\.7 hours: 18 eatings left .*--strategy halving --budget 0\.3, --workgroup-sizes to narrow the space, or add --yes to start anyway\./);
    expect(judgeTune(parseTuneArgs(['--yes']), huge, costs)).toMatch(/^estimate: at least 6\.7 hours/);
  });

  it('--yes does not apply to a replay', () => {
    expect(() => parseTuneArgs(['--replay', '--yes'])).toThrow(/^--yes does not apply to --replay/);
  });
});

it.skipIf(isGpuSkipped)('cake tune on lavapipe refuses an hours-long tune at once, exit 2, after measuring its speed', () => {
  const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
  const cache = join(tempDir('cake-tune-estimate-'), 'tune.json');
  const result = spawnSync(process.execPath, [cli, 'tune', '--adapter', 'lavapipe', '--n', '2^22', '--rounds', '1048576', '--cache', cache], { encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^cake: tune: this tune would take at least [\d.]+ (hours|minutes): \d+ eatings left .* at this adapter's measured [\d.]+ ns per slice-round on the default shape/m);
});
