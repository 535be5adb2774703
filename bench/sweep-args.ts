// The sweep's options (--sweep, --budget): the defaults a sweep uses where the plain bench would use its own.
import { defaultBudgetMs, sweepRounds, sweepSizes, sweepStopRule } from '../src/bench/sweep.ts';
import type { StopRule } from '../src/bench/run.ts';

export class BudgetError extends Error {}

const maxBudgetMs = 24 * 3600_000; // a day: anything longer is a typo

/** '300', '300s', '5m', '1.5h' -> ms. A bare number is seconds. */
export function parseBudget(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000 };
  const budgetMs = match ? Number(match[1]) * unitMs[match[2] ?? 's']! : NaN;
  if (!(budgetMs > 0) || budgetMs > maxBudgetMs) {
    throw new BudgetError(`--budget: "${text}" is not a time budget. Use a number of seconds, or one with the unit s, m or h (not ms), more than 0 and at most 24h; example: --budget 300 or --budget 5m`);
  }
  return budgetMs;
}

/** What a sweep uses where an option was not given. */
export const sweepDefaults = {
  sizes: sweepSizes.map((n) => `2^${Math.log2(n)}`).join(','),
  rounds: sweepRounds.join(','),
  budget: `${defaultBudgetMs / 1000}s`,
  stop: sweepStopRule satisfies StopRule,
};
