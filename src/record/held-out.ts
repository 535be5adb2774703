// The held-out check: is the cost model a model, or only a fit? Each strategy's model is fitted again without its
// largest cake, then asked for the cake it never saw; the error there is what `cake predict` can promise past the
// measured sizes (issue 14's target: predicted medians within 25 % at sizes left out of the fit).
import { fitCosts, predictMs, defaultBytesPerSlice } from './model.ts';
import type { HeldOut } from './explained.ts';
import type { BenchRecord } from './record.ts';

/** Issue 14's target for a prediction at a size the fit did not see, in %. */
export const heldOutTargetPercent = 25;
/** Sizes a strategy needs for a held-out check: two to fit fixed and per-slice costs apart, and one left out. */
const minSizes = 3;

/** For each strategy with at least three sizes: its records at its largest size, predicted by a fit without them. */
export function heldOutErrors(records: readonly BenchRecord[], bytesPerSlice = defaultBytesPerSlice): HeldOut[] {
  return [...new Set(records.map((r) => r.strategy))].flatMap((strategy) => {
    const own = records.filter((r) => r.strategy === strategy && r.medianMs > 0);
    const sizes = [...new Set(own.map((r) => r.n))].sort((a, b) => a - b);
    if (sizes.length < minSizes) return [];
    const leftOut = sizes.at(-1)!;
    const fitted = own.filter((r) => r.n !== leftOut);
    const fit = fitCosts(fitted.map((r) => ({ n: r.n, rounds: r.rounds, ms: r.medianMs })), bytesPerSlice);
    if (!fit) return [];
    return own
      .filter((r) => r.n === leftOut)
      .map((r) => {
        const predictedMs = predictMs(fit, r.n, r.rounds, bytesPerSlice);
        return { strategy, n: r.n, rounds: r.rounds, predictedMs, measuredMs: r.medianMs, errorPercent: 100 * (predictedMs / r.medianMs - 1), fittedOn: fitted.length };
      });
  });
}

/** How many held-out predictions land within the target, of how many. */
export function heldOutAgreement(entries: readonly HeldOut[], targetPercent = heldOutTargetPercent): { within: number; total: number } {
  return { within: entries.filter((e) => Math.abs(e.errorPercent) <= targetPercent).length, total: entries.length };
}
