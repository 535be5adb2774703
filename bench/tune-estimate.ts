// `cake tune`'s estimate, before any shape is measured: printed always, and a tune whose floor is far longer
// than reasonable is refused (UsageError, exit 2) with the estimate, why, and how to go on (--yes).
import type { Eat } from '../src/eat.ts';
import type { Gpu } from '../src/gpu/device.ts';
import { durationText, measureMsPerSliceRound, nsText } from '../src/measure/slice-round-cost.ts';
import { measureGpuMsPerSliceRound } from '../src/tune/calibrate.ts';
import { eatingsLeft, estimateTuneMs, type TunePlan } from '../src/tune/estimate.ts';
import { UsageError } from './args.ts';
import type { TuneArgs } from './tune-args.ts';

/** A tune whose floor is longer than this asks first: an exhaustive tune at 2^20 on lavapipe takes minutes. */
export const tuneAskBeyondMs = 30 * 60_000;

export interface TuneCosts {
  cpuMsPerSliceRound: number;
  gpuMsPerSliceRound: number;
}

/** One line for the progress output; throws a UsageError when the floor is over tuneAskBeyondMs without --yes. */
export function judgeTune(args: Pick<TuneArgs, 'strategy' | 'yes'>, plan: TunePlan, costs: TuneCosts): string {
  const floorMs = estimateTuneMs(plan, costs);
  const eatings = eatingsLeft(plan);
  const how = `${eatings} eatings left (${plan.evaluations} of ${plan.shapes.length} shapes x ${plan.fullSamples} samples + a verification each, less what the cache holds) of n=${plan.slices} x ${plan.rounds} rounds at this adapter's measured ${nsText(costs.gpuMsPerSliceRound)} on the default shape, and the CPU twin's reference at ${nsText(costs.cpuMsPerSliceRound)}`;
  if (floorMs > tuneAskBeyondMs && !args.yes) {
    const search = args.strategy === 'exhaustive' ? ' --strategy halving --budget 0.3,' : '';
    throw new UsageError(`tune: this tune would take at least ${durationText(floorMs)}: ${how}. Use a smaller --n or --rounds,${search} --workgroup-sizes to narrow the space, or add --yes to start anyway. Example: cake tune --n 2^20 --rounds light`);
  }
  return `estimate: at least ${durationText(floorMs)} (${how}; slower shapes and the leaders' extra samples add to it)`;
}

/** Measures both costs (a few ms each) and judges the tune. */
export async function checkTuneEstimate(args: TuneArgs, eat: Eat, gpu: Gpu, plan: TunePlan): Promise<string> {
  const costs = { cpuMsPerSliceRound: measureMsPerSliceRound(eat), gpuMsPerSliceRound: await measureGpuMsPerSliceRound(gpu, eat) };
  return judgeTune(args, plan, costs);
}
