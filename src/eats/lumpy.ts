// lumpy: the hash, but each slice's rounds come from the slice itself, skewed: 14 of every 16 slices eat a quarter
// of `rounds`, one eats 2.5x and one 10x. Per aligned block of 16 slice values the 16 kinds appear once each, so the
// mean is exactly `rounds` when rounds is a multiple of 4 (medium, heavy): the same total work as the uniform hash.
// Twin: shaders/eats/lumpy.wgsl, the same steps in the same order.
import wgsl from '../../shaders/eats/lumpy.wgsl?raw';
import type { Eat } from '../eat.ts';
import { hash } from './hash.ts';

/** Quarters of `rounds` slice `x` eats: 1 (kinds 0..13), 10 (kind 14) or 40 (kind 15); mean 4 over each 16. */
export function lumpOf(x: number): number {
  const kind = (x + (Math.imul(x >>> 4, 0x9e3779b9) >>> 28)) & 15; // a rotation of 0..15 per block of 16
  return kind === 15 ? 40 : kind === 14 ? 10 : 1;
}

/** The rounds slice `x` eats when the cake's rounds are `rounds`: rounded up, so every slice eats at least one. */
export function lumpRounds(x: number, rounds: number): number {
  return Math.ceil((rounds * lumpOf(x)) / 4);
}

export const lumpy: Eat = {
  name: 'lumpy',
  element: 'u32',
  summary: 'the hash with skewed rounds per slice: most slices a quarter, 1 in 16 2.5x, 1 in 16 10x; same mean at rounds % 4 = 0',
  cpu(x, rounds) {
    return hash.cpu(x, lumpRounds(x >>> 0, rounds));
  },
  cost: (x) => lumpOf(x >>> 0),
  wgsl: { file: 'shaders/eats/lumpy.wgsl', code: wgsl, firstLine: 1 },
  source: { builtin: 'lumpy' },
};
