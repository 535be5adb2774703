// The break-even map: for each rounds value, the cake size n* from which each strategy beats `loop`, and the
// winner of every (n, rounds) cell. Works on any records (GPU ones with extra fields included).
import type { BenchRecord } from './record.ts';

export const baselineStrategy = 'loop'; // the deck's Option 1: what going parallel must beat

/**
 * 'from': wins at every measured size from the first one above n* (n* log-interpolated between the last
 * losing and the first winning size). 'always': wins at every measured size. 'never': loses at the largest
 * measured size, so no break-even in range (`wonAt` lists any sizes it won at below that).
 */
export type BreakEven =
  | { kind: 'always'; fromN: number }
  | { kind: 'from'; n: number; lastLosingN: number; firstWinningN: number }
  | { kind: 'never'; upToN: number; wonAt: number[] };

export interface Crossover {
  strategy: string;
  rounds: number;
  breakEven: BreakEven;
  /** Sizes measured for both this strategy and the baseline. */
  sizes: number[];
  /** baseline median / strategy median at each of `sizes`: above 1 means faster than loop. */
  speedUps: number[];
}

export interface CellWinner {
  n: number;
  rounds: number;
  strategy: string;
  medianMs: number;
  /** loop's median / the winner's, when loop was measured in the cell. */
  speedUpOverLoop?: number;
}

/** The median of the fastest record of (strategy, n, rounds): a sweep has one, a bench over pool sizes more. */
function medians(records: readonly BenchRecord[], strategy: string, rounds: number): Map<number, number> {
  const byN = new Map<number, number>();
  for (const r of records) {
    if (r.strategy !== strategy || r.rounds !== rounds) continue;
    byN.set(r.n, Math.min(byN.get(r.n) ?? Infinity, r.medianMs));
  }
  return byN;
}

/** n* between a losing size (speed-up below 1) and the next, winning one, interpolated in log n and log speed-up. */
export function interpolateBreakEven(losingN: number, losingSpeedUp: number, winningN: number, winningSpeedUp: number): number {
  const below = Math.log(losingSpeedUp); // < 0 (or 0: a tie is not a win)
  const above = Math.log(winningSpeedUp); // > 0
  const fraction = -below / (above - below);
  return Math.exp(Math.log(losingN) + fraction * (Math.log(winningN) - Math.log(losingN)));
}

/** Break-even of one strategy against the baseline at one rounds value; undefined when no size has both. */
export function findBreakEven(records: readonly BenchRecord[], strategy: string, rounds: number): Crossover | undefined {
  const baseline = medians(records, baselineStrategy, rounds);
  const contender = medians(records, strategy, rounds);
  const sizes = [...contender.keys()].filter((n) => baseline.has(n)).sort((a, b) => a - b);
  if (sizes.length === 0) return undefined;
  const speedUps = sizes.map((n) => baseline.get(n)! / contender.get(n)!);
  const wins = speedUps.map((speedUp) => speedUp > 1);
  const last = sizes.length - 1;
  let breakEven: BreakEven;
  if (!wins[last]) {
    breakEven = { kind: 'never', upToN: sizes[last]!, wonAt: sizes.filter((_, i) => wins[i]) };
  } else {
    let firstOfLastStreak = last;
    while (firstOfLastStreak > 0 && wins[firstOfLastStreak - 1]) firstOfLastStreak--;
    if (firstOfLastStreak === 0) {
      breakEven = { kind: 'always', fromN: sizes[0]! };
    } else {
      const lose = firstOfLastStreak - 1;
      const n = interpolateBreakEven(sizes[lose]!, speedUps[lose]!, sizes[firstOfLastStreak]!, speedUps[firstOfLastStreak]!);
      breakEven = { kind: 'from', n, lastLosingN: sizes[lose]!, firstWinningN: sizes[firstOfLastStreak]! };
    }
  }
  return { strategy, rounds, breakEven, sizes, speedUps };
}

/** Every strategy other than the baseline, at every rounds value measured, in the records' order. */
export function findCrossovers(records: readonly BenchRecord[]): Crossover[] {
  const strategies = [...new Set(records.map((r) => r.strategy))].filter((name) => name !== baselineStrategy);
  const roundsValues = [...new Set(records.map((r) => r.rounds))].sort((a, b) => a - b);
  return roundsValues.flatMap((rounds) =>
    strategies.flatMap((strategy) => findBreakEven(records, strategy, rounds) ?? []),
  );
}

/** The fastest strategy of every measured (n, rounds) cell, sorted by rounds then n. */
export function findWinners(records: readonly BenchRecord[]): CellWinner[] {
  const cells = new Map<string, BenchRecord[]>();
  for (const r of records) {
    const key = `${r.rounds}/${r.n}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  const winners = [...cells.values()].map((cell) => {
    const best = cell.reduce((a, b) => (b.medianMs < a.medianMs ? b : a));
    const loop = cell.filter((r) => r.strategy === baselineStrategy).reduce<BenchRecord | undefined>((a, b) => (!a || b.medianMs < a.medianMs ? b : a), undefined);
    return {
      n: best.n,
      rounds: best.rounds,
      strategy: best.strategy,
      medianMs: best.medianMs,
      ...(loop ? { speedUpOverLoop: loop.medianMs / best.medianMs } : {}),
    };
  });
  return winners.sort((a, b) => a.rounds - b.rounds || a.n - b.n);
}

/** n as 2^k when it is a power of two, else its digits; for n* (not a power) 2^k.k with one decimal. */
export function formatSize(n: number): string {
  const log = Math.log2(n);
  if (Number.isInteger(log)) return `2^${log}`;
  return `2^${log.toFixed(1)} (${Math.round(n)})`;
}

/** One line of text for a break-even: '2^14.3 (20171)', 'always (from 2^10)', 'never in range (to 2^24)'. */
export function describeBreakEven(breakEven: BreakEven): string {
  switch (breakEven.kind) {
    case 'always':
      return `always (from ${formatSize(breakEven.fromN)})`;
    case 'from':
      return formatSize(breakEven.n);
    case 'never':
      return `never in range (to ${formatSize(breakEven.upToN)})${breakEven.wonAt.length > 0 ? `; won only at ${breakEven.wonAt.map(formatSize).join(', ')}` : ''}`;
  }
}
