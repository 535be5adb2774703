// Compares eaten slices with the CPU twin's, naming the first wrong slice.
import { hex } from '../cake.ts';
import { eatSlices } from '../eat.ts';

/** The CPU twin's eaten cake for `cake` and `rounds`: what every strategy must produce. */
export function expectedEaten(cake: Uint32Array, rounds: number): Uint32Array {
  const eaten = new Uint32Array(cake.length);
  eatSlices(cake, eaten, rounds);
  return eaten;
}

/**
 * Throws when `eaten` differs from `expected` anywhere (length included). The message names the strategy,
 * the first wrong slice, its value, the expected value and how many slices are wrong.
 */
export function verifyEaten(who: string, eaten: Uint32Array, expected: Uint32Array, rounds: number): void {
  if (eaten.length !== expected.length) {
    throw new Error(`${who}: ate ${eaten.length} slices, expected ${expected.length} (rounds=${rounds}).`);
  }
  let first = -1;
  let mismatches = 0;
  for (let i = 0; i < eaten.length; i++) {
    if (eaten[i] !== expected[i]) {
      if (first < 0) first = i;
      mismatches++;
    }
  }
  if (first >= 0) {
    throw new Error(
      `${who}: slice ${first} is ${hex(eaten[first]!)}, expected ${hex(expected[first]!)} ` +
        `(rounds=${rounds}); first of ${mismatches} mismatches.`,
    );
  }
}

