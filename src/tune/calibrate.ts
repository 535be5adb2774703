// What a slice-round costs this adapter on the default shape, measured on a small cake (2^16 x 16 rounds, a
// few ms on a software GPU) with the tuner's own runner: verified, timed as the tune times. For the estimate.
import type { Eat } from '../eat.ts';
import type { Gpu } from '../gpu/device.ts';
import { TuneRunner } from './runner.ts';
import { defaultShape } from '../gpu/shapes.ts';

const slices = 2 ** 16;
const rounds = 16;

export async function measureGpuMsPerSliceRound(gpu: Gpu, eat: Eat): Promise<number> {
  const entry = { runtime: 'calibration', kernel: 'calibration', rounds, slices, samplesMs: {} };
  const runner = new TuneRunner(gpu, eat, entry, () => {}); // nothing saved: a calibration is not a tune
  try {
    return (await runner.measure(defaultShape, 3)) / (slices * rounds);
  } finally {
    runner.destroy();
  }
}
