// Estimates before long work: a bench whose CPU-twin reference alone would take far longer than asked, or a
// sweep whose first cell outlasts its budget, is refused at once with the estimate and how to go on (--yes).
import { spawnSync } from 'node:child_process';
import { hash } from '../src/eats/hash.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, readBenchOptions, UsageError } from '../bench/args.ts';
import { checkEstimate } from '../bench/estimate.ts';
import { nodeHost } from '../bench/node-host.ts';

const args = (...argv: string[]) => parseBenchArgs(readBenchOptions(['--strategies', 'loop', ...argv]), nodeHost(), hash);
const nsPerSliceRound = 2e-6; // ms: a plausible CPU twin, fixed so the test does not depend on this machine

describe('checkEstimate', () => {
  it('refuses a bench of hours, with the estimate and --yes, and lets --yes through', () => {
    expect(() => checkEstimate(args('--sizes', '2^24', '--rounds', '1048576'), nsPerSliceRound)).toThrow(/^this bench would take at least 9\.8 hours: .*add --yes to start anyway\.$/);
    expect(() => checkEstimate(args('--sizes', '2^24', '--rounds', '1048576'), nsPerSliceRound)).toThrow(UsageError);
    expect(checkEstimate(args('--sizes', '2^24', '--rounds', '1048576', '--yes'), nsPerSliceRound)).toBeGreaterThan(3600_000);
    expect(checkEstimate(args('--sizes', '2^20', '--rounds', 'heavy'), nsPerSliceRound)).toBeLessThan(10_000);
  });

  it('refuses a sweep whose first cell alone outlasts its budget', () => {
    expect(() => checkEstimate(args('--sweep', '--sizes', '2^24', '--rounds', '1048576', '--budget', '60'), nsPerSliceRound)).toThrow(/^--sweep: its first cell \(n=16777216 rounds=1048576\) alone would take about 9\.8 hours .* over the budget of 1\.0 minutes\./);
  });
});

it('cake bench refuses an hours-long command at once, exit 2', () => {
  const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
  const result = spawnSync(process.execPath, [cli, 'bench', '--strategies', 'loop', '--sizes', '2^22', '--rounds', '1048576'], { encoding: 'utf8', timeout: 30_000 });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/cake: this bench would take at least .* add --yes to start anyway\./);
});
