// CPU twin of shaders/eat.wgsl and src/simd/eat.wat: the same steps in the same order, so all agree bit for bit.

/**
 * Eats one slice: `rounds` (>= 1) rounds of the lowbias32 mix, all arithmetic mod 2^32.
 * Returns an unsigned 32-bit integer.
 */
export function eat(slice: number, rounds: number): number {
  let h = slice >>> 0;
  for (let round = 0; round < rounds; round++) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Eats slices [from, to) of `cake` into the same positions of `eaten` (which may be `cake` itself). */
export function eatSlices(
  cake: Uint32Array,
  eaten: Uint32Array,
  rounds: number,
  from = 0,
  to = cake.length,
): void {
  for (let i = from; i < to; i++) eaten[i] = eat(cake[i]!, rounds);
}
