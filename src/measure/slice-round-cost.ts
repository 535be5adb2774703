// What a slice-round of an eat function costs this machine's CPU twin, measured on a small cake (a few ms), and
// how long work of n x rounds takes at that cost: the floor every estimate stands on, shared by the CLI's
// refusals (bench/estimate.ts) and the page's link check (src/web/link-estimate.ts). No Node, no DOM.
import { bake } from '../cake.ts';
import type { Eat } from '../eat.ts';
import { expectedEaten } from './verify.ts';

const calibrationSlices = 2 ** 14;
const calibrationRounds = 16;

const enoughMs = 20; // a measurement this long is steady enough for an estimate

/**
 * This machine's CPU twin of `eat`, in ms per slice-round: cakes of 16, 64, ... slices until one takes 20 ms or
 * the largest (2^14 x 16) is eaten, so a user's twin that takes 50 ms a slice is measured in a second, not hours.
 */
export function measureMsPerSliceRound(eat: Eat): number {
  for (let slices = 16; ; slices *= 4) {
    const cake = bake(slices, { eat });
    expectedEaten(eat, cake, 1); // warm-up: JIT
    const startMs = performance.now();
    expectedEaten(eat, cake, calibrationRounds);
    const ms = performance.now() - startMs;
    if (ms >= enoughMs || slices >= calibrationSlices) return ms / (slices * calibrationRounds);
  }
}

/** A duration as an estimate reads: '12.3 s', '4.2 minutes', '9.8 hours'. */
export function durationText(ms: number): string {
  return ms >= 3600_000 ? `${(ms / 3600_000).toFixed(1)} hours` : ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : `${(ms / 1000).toFixed(1)} s`;
}

/** ns per slice-round, as messages give the measured cost. */
export const nsText = (msPerSliceRound: number) => `${(msPerSliceRound * 1e6).toFixed(1)} ns per slice-round`;
