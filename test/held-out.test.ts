// The held-out check (src/record/held-out.ts) on synthetic records whose costs are known: a strategy that follows
// the model's shape is predicted at its left-out largest size within the noise; one whose largest cake breaks the
// shape (a cache cliff: 4x slower per slice there) shows a large held-out error (negative control).
import { describe, expect, it } from 'vitest';
import { formatHeldOut } from '../src/format/explain.ts';
import { explain } from '../src/record/explain.ts';
import { heldOutAgreement, heldOutErrors } from '../src/record/held-out.ts';
import { predictMs } from '../src/record/model.ts';
import type { Costs } from '../src/record/explained.ts';
import type { BenchRecord, BenchReport } from '../src/record/record.ts';
import { syntheticRecord } from './records.ts';

const sizes = Array.from({ length: 8 }, (_, k) => 2 ** (10 + 2 * k)); // 2^10 .. 2^24
const roundsValues = [1, 64, 1024];
const simdCosts: Costs = { fixedMs: 0.01, nsPerByte: 0.1, nsPerSliceRound: 0.4 };

/** Records from `costs`, wobbling by up to 5 %; the largest size `cliff` times slower (1: no cliff). */
function recordsOf(strategy: string, costs: Costs, cliff = 1): BenchRecord[] {
  return roundsValues.flatMap((rounds, i) =>
    sizes.map((n, k) => syntheticRecord(strategy, n, rounds, predictMs(costs, n, rounds) * (1 + 0.05 * Math.sin(7 * k + 3 * i)) * (n === sizes.at(-1) ? cliff : 1))),
  );
}

describe('held out', () => {
  it('predicts the largest size within the noise when the records follow the model', () => {
    const entries = heldOutErrors(recordsOf('simd', simdCosts));
    expect(entries).toHaveLength(roundsValues.length);
    for (const e of entries) {
      expect(e).toMatchObject({ strategy: 'simd', n: 2 ** 24, fittedOn: 7 * roundsValues.length });
      expect(Math.abs(e.errorPercent)).toBeLessThan(10);
    }
    expect(heldOutAgreement(entries)).toEqual({ within: 3, total: 3 });
  });

  it('shows a large error where the largest cake breaks the model (a 4x cache cliff): negative control', () => {
    const entries = heldOutErrors(recordsOf('simd', simdCosts, 4));
    for (const e of entries) expect(e.errorPercent).toBeLessThan(-60); // predicted about a quarter of what it took
    expect(heldOutAgreement(entries).within).toBe(0);
  });

  it('leaves out a strategy with fewer than three sizes: nothing to fit after leaving one out', () => {
    const two = recordsOf('gpu', simdCosts).filter((r) => r.n <= 2 ** 12);
    expect(heldOutErrors(two)).toEqual([]);
  });

  it('lands in the explained report and its terminal text', () => {
    const report: BenchReport = {
      schema: 'parallel-cake/bench@1',
      environment: { runtime: 'node', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 0.001 } },
      results: [...recordsOf('simd', simdCosts), ...recordsOf('pool-simd', simdCosts, 4)],
      startup: [], failures: [],
    };
    explain(report, () => 'cpu');
    expect(report.heldOut).toHaveLength(6);
    expect(report.heldOutTargetPercent).toBe(25);
    const text = formatHeldOut(report);
    expect(text).toMatch(/^Held out: each model fitted again without its largest cake predicts it within 25 % in 3 of 6 records:/);
    expect(text).toMatch(/\n  simd +at 2\^24: worst [+-]\d %/);
    expect(text).toMatch(/\n  pool-simd +at 2\^24: worst -7\d %/);
  });
});
