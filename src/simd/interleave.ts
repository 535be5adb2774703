// The interleave measurement: the simd strategy run with each of the kernel's step functions, to show what
// keeping more independent slices in flight buys. Not registered: bench/simd-interleave.ts runs these.
import { createSimd } from '../strategies/simd.ts';
import type { StrategyEntry } from '../strategy.ts';
import { simdUnavailable, type KernelStep } from './kernel.ts';

/** From fewest to most slices in flight per step of the round loop. */
export const interleaveSteps: readonly { step: KernelStep; summary: string }[] = [
  { step: 'eatScalars1', summary: '1 slice per step, scalar i32 (no SIMD): the baseline' },
  { step: 'eatVectors1', summary: '1 vector (4 slices) per step: every instruction waits for the one before' },
  { step: 'eatVectors2', summary: '2 vectors (8 slices) per step' },
  { step: 'eatVectors4', summary: '4 vectors (16 slices) per step: the vector multiplier is now the limit' },
  { step: 'eatVectors4Scalars4', summary: '4 vectors + 4 scalar slices (20) per step: both multipliers busy (simd uses this)' },
];

/** simd's teal, lighter for fewer slices in flight, darker for more. */
const interleaveColours = ['#b2dfdb', '#80cbc4', '#4db6ac', '#00897b', '#00695c'];

export const interleaveEntries: readonly StrategyEntry[] = interleaveSteps.map(({ step, summary }, i) => ({
  name: `simd:${step}`,
  summary,
  family: 'simd',
  colour: interleaveColours[i]!,
  unavailable: (_host, eat) => (eat.name === 'hash' ? simdUnavailable(eat) : `the interleave steps are hash.wat's; ${eat.name} has none`),
  create: () => createSimd(`simd:${step}`, step),
}));
