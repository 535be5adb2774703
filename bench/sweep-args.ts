// The sweep's options (--sweep, --budget): the defaults a sweep uses where the plain bench would use its own.
import { defaultBudgetMs, sweepRounds, sweepSizes, sweepStopRule } from '../src/measure/sweep.ts';
import type { StopRule } from '../src/measure/run.ts';

// --budget's rules (more than 0, at most a day) are in src/measure/asked.ts, shared with the page's ?budget.

/** What a sweep uses where an option was not given. */
export const sweepDefaults = {
  sizes: sweepSizes.map((n) => `2^${Math.log2(n)}`).join(','),
  rounds: sweepRounds.join(','),
  budget: `${defaultBudgetMs / 1000}s`,
  stop: sweepStopRule satisfies StopRule,
};
