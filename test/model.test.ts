// The cost model (src/record/model.ts) and its break-even (src/record/break-even-model.ts) on synthetic records
// whose costs are known: the fit must recover them, and n* must be the analytic crossover of the two lines.
import { describe, expect, it } from 'vitest';
import { agreement, breakEvens, findMisfits, predictBreakEven } from '../src/record/break-even-model.ts';
import { findBreakEven } from '../src/record/crossover.ts';
import { fitCosts, fitModels, predictMs } from '../src/record/model.ts';
import type { Costs } from '../src/record/explained.ts';
import type { BenchRecord } from '../src/record/record.ts';
import { syntheticRecord } from './records.ts';

const sizes = Array.from({ length: 11 }, (_, k) => 2 ** (10 + k));
const roundsValues = [1, 64, 1024];
const loopCosts: Costs = { fixedMs: 0.001, nsPerByte: 0.05, nsPerSliceRound: 3.4 };
const gpuCosts: Costs = { fixedMs: 2, nsPerByte: 0.6, nsPerSliceRound: 0.2 };

/** Records of `strategy` with medians from `costs`, each off by a deterministic wobble of up to +-`noise`. */
function recordsOf(strategy: string, costs: Costs, noise = 0, phases?: (n: number, rounds: number) => Record<string, number>): BenchRecord[] {
  return roundsValues.flatMap((rounds, i) =>
    sizes.map((n, k) => {
      const wobble = 1 + noise * Math.sin(7 * k + 3 * i);
      const ms = predictMs(costs, n, rounds) * wobble;
      return syntheticRecord(strategy, n, rounds, ms, phases ? { phasesMs: phases(n, rounds) } : {});
    }),
  );
}

describe('the cost model', () => {
  it('recovers the fixed, per-byte and per-slice-round costs it was made from', () => {
    const [gpu] = fitModels(recordsOf('gpu', gpuCosts));
    expect(gpu!.fixedMs).toBeCloseTo(gpuCosts.fixedMs, 6);
    expect(gpu!.nsPerByte).toBeCloseTo(gpuCosts.nsPerByte, 6);
    expect(gpu!.nsPerSliceRound).toBeCloseTo(gpuCosts.nsPerSliceRound, 6);
    expect(gpu!.rmsErrorPercent).toBeLessThan(1e-6);
  });

  it('recovers them within the noise when the records wobble by 10 %, and reports that error', () => {
    const [gpu] = fitModels(recordsOf('gpu', gpuCosts, 0.1));
    expect(gpu!.fixedMs / gpuCosts.fixedMs).toBeGreaterThan(0.85);
    expect(gpu!.fixedMs / gpuCosts.fixedMs).toBeLessThan(1.15);
    expect(gpu!.nsPerSliceRound / gpuCosts.nsPerSliceRound).toBeCloseTo(1, 1);
    expect(gpu!.rmsErrorPercent).toBeGreaterThan(3); // the error is reported, not hidden
    expect(gpu!.maxErrorPercent).toBeLessThan(15);
  });

  it('fits each phase with the same split (upload per byte, kernel per slice-round, fixed encode)', () => {
    const phases = (n: number, rounds: number) => ({ encode: 0.05, upload: (n * 8 * 0.3) / 1e6, kernel: (n * rounds * 0.2) / 1e6 });
    const [gpu] = fitModels(recordsOf('gpu', gpuCosts, 0, phases));
    expect(gpu!.phases.upload!.nsPerByte).toBeCloseTo(0.3, 6);
    expect(gpu!.phases.kernel!.nsPerSliceRound).toBeCloseTo(0.2, 6);
    expect(gpu!.phases.encode!.fixedMs).toBeCloseTo(0.05, 6);
  });

  it('never returns a negative cost (a constant time is all fixed cost)', () => {
    const fit = fitCosts(sizes.map((n) => ({ n, rounds: 1, ms: 2 })))!;
    expect(fit.fixedMs).toBeCloseTo(2, 9);
    expect(fit.nsPerByte).toBe(0);
    expect(fit.nsPerSliceRound).toBe(0);
  });
});

describe('the predicted break-even', () => {
  const records = [...recordsOf('loop', loopCosts), ...recordsOf('gpu', gpuCosts)];
  const models = fitModels(records);

  it('is the analytic crossover of the two lines: extra fixed cost / what a slice saves', () => {
    const rounds = 64;
    const saved = 8 * (loopCosts.nsPerByte - gpuCosts.nsPerByte) + rounds * (loopCosts.nsPerSliceRound - gpuCosts.nsPerSliceRound);
    const analytic = ((gpuCosts.fixedMs - loopCosts.fixedMs) * 1e6) / saved;
    const predicted = predictBreakEven(models.find((m) => m.strategy === 'gpu')!, models.find((m) => m.strategy === 'loop')!, rounds);
    expect(predicted.kind).toBe('from');
    expect(predicted.n! / analytic).toBeCloseTo(1, 6);
    // and the measured n*, log-interpolated between two sizes, lands within a factor 1.5 of it
    const measured = findBreakEven(records, 'gpu', rounds)!.breakEven;
    expect(measured.kind).toBe('from');
    const ratio = measured.kind === 'from' ? measured.n / analytic : NaN;
    expect(Math.max(ratio, 1 / ratio)).toBeLessThan(1.5);
  });

  it('says never when the strategy costs more per slice and more per eating (light eating on this gpu)', () => {
    const entries = breakEvens(records, models);
    const light = entries.find((e) => e.strategy === 'gpu' && e.rounds === 1)!;
    expect(light.predicted).toBe('never');
    expect(light.measured).toBe('never');
    expect(agreement(entries)).toEqual({ within: 1, bracketed: 1 }); // medium; heavy pays from below 2^10
  });

  it('counts a prediction off by more than 1.5x as a miss (negative control)', () => {
    const wrongLoop = fitModels(recordsOf('loop', { ...loopCosts, fixedMs: 1.5 }));
    const entries = breakEvens(records, [...wrongLoop, models.find((m) => m.strategy === 'gpu')!]);
    expect(agreement(entries).within).toBeLessThan(agreement(entries).bracketed);
  });
});

describe('records the model does not fit', () => {
  it('flags a record 3x slower than its strategy model, with its numbers, and no other', () => {
    const records = recordsOf('pool-copy', loopCosts);
    const odd = records.findIndex((r) => r.n === 2 ** 18 && r.rounds === 1);
    records[odd] = syntheticRecord('pool-copy', 2 ** 18, 1, 3 * records[odd]!.medianMs);
    const misfits = findMisfits(records, fitModels(records), 2);
    expect(misfits).toHaveLength(1);
    expect(misfits[0]).toMatchObject({ strategy: 'pool-copy', n: 2 ** 18, rounds: 1 });
    expect(misfits[0]!.ratio).toBeGreaterThan(2);
    expect(findMisfits(recordsOf('pool-copy', loopCosts), fitModels(recordsOf('pool-copy', loopCosts)), 2)).toEqual([]);
  });
});
