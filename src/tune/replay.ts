// Replay: run each search strategy many times (seeds) against a recorded exhaustive landscape, with no device,
// and count the evaluations each needs before its answer is within 5 % of the true best and stays there. This
// is the measured answer to "how much of the space do you need?".
import { quantile } from '../measure/stats.ts';
import { flatnessOf, medianOf, type Flatness } from './noise.ts';
import { search, seededRandom, shuffle, type Point, type SearchStrategyName } from './search.ts';

/** Every legal point of a space with all its recorded samples (ms). */
export interface Landscape {
  axisSizes: number[];
  points: Point[];
  samplesMs: number[][];
}

export interface ReplayStats {
  strategy: SearchStrategyName;
  seeds: number;
  /** Evaluations each seed may spend: replayBudgetShare x the space. */
  budget: number;
  /** Evaluations until the leader's true time is within `tolerance` of the best for good (median and p90 over seeds). */
  medianEvaluations: number;
  p90Evaluations: number;
  /** The same as shares of the space's legal points. */
  medianShare: number;
  p90Share: number;
  /** Seeds whose final answer was not within tolerance (they count as the whole budget above). */
  missed: number;
}

export interface ReplayOptions {
  seeds: number;
  fullSamples: number;
  /** Samples a leader gets when it is confirmed (--max-samples, as in a tune); fullSamples turns confirmation off. */
  confirmSamples: number;
  /** 0.05: within 5 % of the best. */
  tolerance: number;
}

export const defaultReplay: ReplayOptions = { seeds: 200, fullSamples: 5, confirmSamples: 20, tolerance: 0.05 };

/** Twice the space: room for exhaustive to measure every shape and then confirm its leaders. */
export const replayBudgetShare = 2;

/**
 * Replays `strategy` over `landscape` for each seed. A measurement of k samples is the first k of the point's
 * recorded samples in a seeded order (all of them when k is more: a replay has nothing else to give, though it
 * charges what a tune would pay). The true best is the median of all of a point's samples.
 */
export async function replay(strategy: SearchStrategyName, landscape: Landscape, options: ReplayOptions = defaultReplay): Promise<ReplayStats> {
  const { points, samplesMs, axisSizes } = landscape;
  if (points.length === 0) throw new Error('The recorded landscape has no points; run an exhaustive tune first.');
  const trueMs = samplesMs.map((samples) => medianOf(samples));
  const bestMs = Math.min(...trueMs);
  const isWithin = (i: number) => i >= 0 && trueMs[i]! <= bestMs * (1 + options.tolerance);
  const budget = points.length * replayBudgetShare;
  const reached: number[] = [];
  let missed = 0;
  const index = new Map(points.map((point, i) => [point.join(','), i]));
  for (let seed = 1; seed <= options.seeds; seed++) {
    const orders = samplesMs.map((samples, point) => shuffle([...samples], seededRandom(seed * 7919 + point)));
    const measure = async (point: Point, k: number) => orders[index.get(point.join(','))!]!.slice(0, Math.max(1, k));
    const { fullSamples, confirmSamples } = options;
    const { steps, best } = await search(strategy, { axisSizes, legal: points }, measure, { budget, fullSamples, confirmSamples, random: seededRandom(seed) });
    // the first step after the last one whose leader was not within tolerance
    const lastOff = steps.findLastIndex((step) => !isWithin(step.incumbent));
    if (!isWithin(best) || lastOff === steps.length - 1) {
      missed++;
      reached.push(budget);
    } else reached.push(steps[lastOff + 1]!.spent);
  }
  reached.sort((a, b) => a - b);
  const medianEvaluations = quantile(reached, 0.5);
  const p90Evaluations = quantile(reached, 0.9);
  return {
    strategy,
    seeds: options.seeds,
    budget,
    medianEvaluations,
    p90Evaluations,
    medianShare: medianEvaluations / points.length,
    p90Share: p90Evaluations / points.length,
    missed,
  };
}

/** How much a full evaluation's median wanders on this landscape (noise.ts), for the replay table's note. */
export function landscapeFlatness(landscape: Landscape, fullSamples: number): Flatness | undefined {
  return flatnessOf(landscape.samplesMs, fullSamples, seededRandom(1));
}
