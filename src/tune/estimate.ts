// How long a tune will take, before it starts: the CPU twin's reference eating once, then for every shape the
// search will measure a verification eating and each sample it still lacks (samples in the cache cost nothing),
// each n x rounds at the adapter's measured speed on the default shape. Smaller workgroups and odd shapes eat
// slower than the default, and leaders get extra samples afterwards: the estimate is a floor. No device here.
import type { TuneEntry } from './cache.ts';
import { shapeKey, type Shape } from '../gpu/shapes.ts';

export interface TunePlan {
  slices: number;
  rounds: number;
  /** The shapes the search may measure, and how many of them it will (exhaustive: all; the rest: the budget). */
  shapes: readonly Shape[];
  evaluations: number;
  fullSamples: number;
  /** What the cache already holds for this tune. */
  entry?: Pick<TuneEntry, 'samplesMs'>;
}

/** Eatings still to do: for each shape measured, a verification and the samples it lacks (a search's first `evaluations`). */
export function eatingsLeft({ shapes, evaluations, fullSamples, entry }: TunePlan): number {
  const lacking = shapes.map((shape) => Math.max(0, fullSamples - (entry?.samplesMs[shapeKey(shape)]?.length ?? 0)));
  // a smart search picks which shapes; count the ones that lack most, so the floor holds whichever it picks
  const picked = evaluations >= shapes.length ? lacking : [...lacking].sort((a, b) => b - a).slice(0, evaluations);
  return picked.reduce((sum, samples) => sum + (samples > 0 ? samples + 1 : 0), 0);
}

/** The tune's floor in ms: the reference on the CPU twin plus every eating left at the GPU's measured cost. */
export function estimateTuneMs(plan: TunePlan, cost: { cpuMsPerSliceRound: number; gpuMsPerSliceRound: number }): number {
  const sliceRounds = plan.slices * plan.rounds;
  return sliceRounds * cost.cpuMsPerSliceRound + eatingsLeft(plan) * sliceRounds * cost.gpuMsPerSliceRound;
}
