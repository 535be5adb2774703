// Whether a link's ?run may start on its own: the page must never freeze the tab on a link. The reference
// eating (the CPU twin, on the page's own thread) and every warm-up and run of a strategy eaten on that thread
// (loop, map, simd) block the tab; pools eat on workers, split over the cores, but still keep the page busy.
// Each strategy eats at least twice (a warm-up and one run, even past the stop rule's time). The GPU is not
// counted: it is not slower than the CPU twin at any size a page offers, and the estimate is a floor.
import type { StrategyEntry } from '../strategy.ts';
import { durationText, nsText } from '../measure/slice-round-cost.ts';

/** The longest a link may keep the page busy before someone chose to press Eat. */
export const autoStartMostMs = 20_000;
const eatingsPerStrategy = 2; // a warm-up and at least one run

export interface LinkRun {
  n: number;
  rounds: number;
  strategies: readonly Pick<StrategyEntry, 'name' | 'family'>[];
  /** Friends a pool eats with. */
  cores: number;
}

/** The page's busy time for `run` in ms, at the CPU twin's measured cost, and the part of it on the page's thread. */
export function estimateLinkRun({ n, rounds, strategies, cores }: LinkRun, msPerSliceRound: number): { busyMs: number; frozenMs: number } {
  const eatingMs = n * rounds * msPerSliceRound;
  const onThread = strategies.filter((entry) => entry.family === 'cpu' || entry.family === 'simd').length;
  const pools = strategies.filter((entry) => entry.family === 'pool').length;
  const frozenMs = eatingMs * (1 + eatingsPerStrategy * onThread);
  return { busyMs: frozenMs + (eatingMs * eatingsPerStrategy * pools) / Math.max(1, cores), frozenMs };
}

/** Why the link's run must wait for the Eat button, or undefined when it may start on its own. */
export function whyNotAutoStart(run: LinkRun, msPerSliceRound: number): string | undefined {
  const { busyMs, frozenMs } = estimateLinkRun(run, msPerSliceRound);
  if (!(busyMs > autoStartMostMs)) return undefined;
  const onThread = run.strategies.filter((entry) => entry.family === 'cpu' || entry.family === 'simd').map((entry) => entry.name);
  const frozen = `${durationText(frozenMs)} of it with the tab frozen (the reference eating${onThread.length > 0 ? ` and ${onThread.join(', ')}` : ''} on the page's own thread)`;
  return (
    `?run: this address would keep the page busy for about ${durationText(busyMs)}, ${frozen}: n=${run.n} x ${run.rounds} rounds x ${run.strategies.length} strategies at this browser's measured ${nsText(msPerSliceRound)}, ` +
    `over the ${durationText(autoStartMostMs)} a link may start on its own. The controls are set as asked: press Eat to start it anyway, or use a smaller ?n or ?rounds (example: ?n=2^20&rounds=medium&run=1); cake bench eats big cakes.`
  );
}
