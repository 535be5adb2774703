// Predicted break-even beside the measured one. Two straight lines in n: loop costs a + n c, a strategy A + n C
// (c, C: cost per slice at these rounds, bytes and slice-rounds together). The strategy pays from
// n* = (A - a) / (c - C): its extra fixed cost, repaid by what it saves per slice. Data only; words in format/.
import { baselineStrategy, findCrossovers } from './crossover.ts';
import type { PredictedKind, BreakEvenEntry, Misfit } from './explained.ts';
import { predictMs } from './model.ts';
import type { StrategyModel } from './explained.ts';
import type { BenchRecord } from './record.ts';

/** 'from': pays from n*. 'always': cheaper fixed and per slice. 'never': dearer both. 'until': pays only below n*. */
/** Cost of one more slice at `rounds`, in ns. */
export function nsPerSlice(model: StrategyModel, rounds: number): number {
  return model.bytesPerSlice * model.nsPerByte + rounds * model.nsPerSliceRound;
}

/** The model's break-even of `model` against `loop` at `rounds`. */
export function predictBreakEven(model: StrategyModel, loop: StrategyModel, rounds: number): { kind: PredictedKind; n?: number } {
  const extraFixedMs = model.fixedMs - loop.fixedMs;
  const savedNs = nsPerSlice(loop, rounds) - nsPerSlice(model, rounds);
  if (savedNs > 0) return extraFixedMs <= 0 ? { kind: 'always' } : { kind: 'from', n: (extraFixedMs * 1e6) / savedNs };
  return extraFixedMs < 0 ? { kind: 'until', n: (extraFixedMs * 1e6) / savedNs } : { kind: 'never' };
}

/** Every crossover the records measure, with the models' prediction beside it. */
export function breakEvens(records: readonly BenchRecord[], models: readonly StrategyModel[]): BreakEvenEntry[] {
  const loop = models.find((m) => m.strategy === baselineStrategy);
  if (!loop) return [];
  return findCrossovers(records).flatMap(({ strategy, rounds, breakEven }) => {
    const model = models.find((m) => m.strategy === strategy);
    if (!model) return [];
    const predicted = predictBreakEven(model, loop, rounds);
    const measuredN = breakEven.kind === 'from' ? breakEven.n : undefined;
    return [{
      strategy, rounds,
      measured: breakEven.kind,
      ...(measuredN !== undefined ? { measuredN } : {}),
      predicted: predicted.kind,
      ...(predicted.n !== undefined ? { predictedN: predicted.n } : {}),
      fixedMs: model.fixedMs, loopFixedMs: loop.fixedMs,
      nsPerSlice: nsPerSlice(model, rounds), loopNsPerSlice: nsPerSlice(loop, rounds), loopNsPerSliceRound: loop.nsPerSliceRound,
      isBracketed: breakEven.kind === 'from',
      ...(measuredN !== undefined && predicted.kind === 'from' ? { ratio: predicted.n! / measuredN } : {}),
    }];
  });
}

/** How many bracketed crossovers the model put within `factor` of the measured n*: the target is 80 % within 1.5. */
export function agreement(entries: readonly BreakEvenEntry[], factor = 1.5): { within: number; bracketed: number } {
  const bracketed = entries.filter((e) => e.isBracketed);
  const within = bracketed.filter((e) => e.ratio !== undefined && Math.max(e.ratio, 1 / e.ratio) <= factor).length;
  return { within, bracketed: bracketed.length };
}

/** A record the model misses by more than `factor` (either way): something the model does not know (caches, say). */
/** Records more than `factor` off their strategy's model: to look into, with the numbers. */
export function findMisfits(records: readonly BenchRecord[], models: readonly StrategyModel[], factor = 2): Misfit[] {
  return records.flatMap((r) => {
    const model = models.find((m) => m.strategy === r.strategy);
    if (!model) return [];
    const predictedMs = predictMs(model, r.n, r.rounds, model.bytesPerSlice);
    const ratio = r.medianMs / predictedMs;
    return Math.max(ratio, 1 / ratio) > factor ? [{ strategy: r.strategy, n: r.n, rounds: r.rounds, measuredMs: r.medianMs, predictedMs, ratio }] : [];
  });
}
