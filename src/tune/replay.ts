// Replay: run each search strategy many times (seeds) against a recorded exhaustive landscape, with no device,
// and count the evaluations each needs before its answer is within 5 % of the true best and stays there. This
// is the measured answer to "how much of the space do you need?".
import { quantile } from '../bench/stats.ts';
import { medianOf } from './noise.ts';
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
  /** Evaluations until the incumbent's true time is within `tolerance` of the best for good (median and p90 over seeds). */
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
  /** 0.05: within 5 % of the best. */
  tolerance: number;
}

export const defaultReplay: ReplayOptions = { seeds: 200, fullSamples: 5, tolerance: 0.05 };

/** Replays `strategy` over `landscape` for each seed. A measurement is the median of the first k of the point's samples, in a seeded order. */
export async function replay(strategy: SearchStrategyName, landscape: Landscape, options: ReplayOptions = defaultReplay): Promise<ReplayStats> {
  const { points, samplesMs, axisSizes } = landscape;
  if (points.length === 0) throw new Error('The recorded landscape has no points; run an exhaustive tune first.');
  const trueMs = samplesMs.map((samples) => medianOf(samples));
  const bestMs = Math.min(...trueMs);
  const isWithin = (i: number) => i >= 0 && trueMs[i]! <= bestMs * (1 + options.tolerance);
  const budget = points.length;
  const reached: number[] = [];
  let missed = 0;
  const index = new Map(points.map((point, i) => [point.join(','), i]));
  for (let seed = 1; seed <= options.seeds; seed++) {
    const random = seededRandom(seed);
    const orders = samplesMs.map((samples, point) => shuffle([...samples], seededRandom(seed * 7919 + point)));
    const measure = async (point: Point, k: number) => medianOf(orders[index.get(point.join(','))!]!.slice(0, Math.max(1, k)));
    const result = await search(strategy, { axisSizes, legal: points }, measure, { budget, fullSamples: options.fullSamples, random });
    // the first step after the last one whose incumbent was not within tolerance: where a budget may stop
    const lastOff = result.steps.findLastIndex((step) => !isWithin(step.incumbent));
    if (!isWithin(result.best) || lastOff === result.steps.length - 1) {
      missed++;
      reached.push(budget);
    } else reached.push(result.steps[lastOff + 1]!.spent);
  }
  reached.sort((a, b) => a - b);
  const medianEvaluations = quantile(reached, 0.5);
  const p90Evaluations = quantile(reached, 0.9);
  return {
    strategy,
    seeds: options.seeds,
    medianEvaluations,
    p90Evaluations,
    medianShare: medianEvaluations / points.length,
    p90Share: p90Evaluations / points.length,
    missed,
  };
}
