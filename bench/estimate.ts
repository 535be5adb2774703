// Estimates before long work: the CPU twin eats every (n, rounds) once as the reference, on one thread, whatever
// the strategies; its cost is n x rounds x this machine's measured per-slice-round cost, a floor under the run's
// time. A command whose floor is far longer than asked is refused with the estimate and how to go on (--yes).
import { durationText as minutes, measureMsPerSliceRound, nsText } from '../src/measure/slice-round-cost.ts';
import { sweepOrder } from '../src/measure/sweep.ts';
import { UsageError, type BenchArgs } from './args.ts';

/** A plain bench whose reference eatings alone would take longer than this asks first. */
export const askBeyondMs = 10 * 60_000;

/** Refuses (UsageError) work whose floor is far over what was asked, unless --yes; returns the floor in ms. */
export function checkEstimate(args: BenchArgs, msPerSliceRound = measureMsPerSliceRound(args.eat)): number {
  if (args.sweep) {
    const [first] = sweepOrder(args.sizes, args.rounds);
    const firstMs = first ? first.n * first.rounds * msPerSliceRound : 0;
    if (firstMs > args.sweep.budgetMs && !args.yes) {
      throw new UsageError(`--sweep: its first cell (n=${first!.n} rounds=${first!.rounds}) alone would take about ${minutes(firstMs)} on this CPU (${nsText(msPerSliceRound)}, measured), over the budget of ${minutes(args.sweep.budgetMs)}. Use smaller --sizes or --rounds, a larger --budget, or add --yes to start anyway.`);
    }
    return firstMs;
  }
  const floorMs = args.sizes.reduce((sum, n) => sum + args.rounds.reduce((inner, rounds) => inner + n * rounds * msPerSliceRound, 0), 0);
  if (floorMs > askBeyondMs && !args.yes) {
    throw new UsageError(`this bench would take at least ${minutes(floorMs)}: the CPU twin's reference eating of every size x rounds alone, at this CPU's measured ${nsText(msPerSliceRound)}, before any strategy runs. Use smaller --sizes or --rounds, or add --yes to start anyway.`);
  }
  return floorMs;
}
