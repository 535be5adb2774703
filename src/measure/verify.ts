// Compares eaten slices with the CPU twin's, as the eat function says: bit for bit (u32), or within its tolerance
// (f32), naming the first wrong slice. NaN never passes, and a tolerance so loose that a cake of zeros would pass
// fails the check itself: it would prove nothing.
import { hex } from '../cake.ts';
import { bitsOf, comparisonOf, eatSlices, newCake, type Cake, type Eat, type Tolerance } from '../eat.ts';

/** The largest difference from the CPU twin seen in an f32 eaten cake. */
export interface LargestError {
  ulps: number;
  relative: number;
  absolute: number;
}

/** The CPU twin's eaten cake for `cake` and `rounds`: what every strategy must produce. */
export function expectedEaten(eat: Eat, cake: Cake, rounds: number): Cake {
  const eaten = newCake(eat.element, cake.length);
  eatSlices(eat, cake, eaten, rounds);
  return eaten;
}

/**
 * Throws when `eaten` differs from `expected` beyond what `eat` allows (length included). The message names the
 * strategy, the first wrong slice, its value, the expected value and how many slices are wrong. Returns the
 * largest error for f32 eat functions (zero for u32: they pass only when equal).
 */
export function verifyEaten(who: string, eat: Eat, eaten: Cake, expected: Cake, rounds: number): LargestError {
  if (eaten.length !== expected.length) {
    throw new Error(`${who}: ate ${eaten.length} slices, expected ${expected.length} (rounds=${rounds}).`);
  }
  return eat.element === 'f32' ? verifyWithin(who, eat, eaten, expected, rounds) : verifyBits(who, eaten, expected, rounds);
}

function verifyBits(who: string, eaten: Cake, expected: Cake, rounds: number): LargestError {
  const [got, want] = [bitsOf(eaten), bitsOf(expected)];
  let first = -1;
  let mismatches = 0;
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== want[i]) {
      if (first < 0) first = i;
      mismatches++;
    }
  }
  if (first >= 0) {
    throw new Error(`${who}: slice ${first} is ${hex(got[first]!)}, expected ${hex(want[first]!)} (rounds=${rounds}); first of ${mismatches} mismatches.`);
  }
  return { ulps: 0, relative: 0, absolute: 0 };
}

function verifyWithin(who: string, eat: Eat, eaten: Cake, expected: Cake, rounds: number): LargestError {
  const tolerance = eat.tolerance ?? {};
  const [got, want] = [bitsOf(eaten), bitsOf(expected)];
  const largest: LargestError = { ulps: 0, relative: 0, absolute: 0 };
  let first = -1;
  let mismatches = 0;
  let zeroWouldPass = 0;
  for (let i = 0; i < eaten.length; i++) {
    const [g, e] = [eaten[i]!, expected[i]!];
    const error = differenceOf(g, e, got[i]!, want[i]!);
    if (passes(error, tolerance)) {
      if (error.ulps > largest.ulps) largest.ulps = error.ulps;
      if (error.relative > largest.relative) largest.relative = error.relative;
      if (error.absolute > largest.absolute) largest.absolute = error.absolute;
    } else {
      if (first < 0) first = i;
      mismatches++;
    }
    if (passes(differenceOf(0, e, 0, want[i]!), tolerance)) zeroWouldPass++;
  }
  const allowed = comparisonOf(eat);
  if (first >= 0) {
    const error = differenceOf(eaten[first]!, expected[first]!, got[first]!, want[first]!);
    throw new Error(
      `${who}: slice ${first} is ${eaten[first]} (${hex(got[first]!)}), expected ${expected[first]} (${hex(want[first]!)}), ` +
        `${Number.isNaN(error.absolute) ? 'NaN never passes' : `off by ${error.ulps} ulps, ${error.absolute.toPrecision(3)} absolute, ${error.relative.toPrecision(3)} relative; allowed ${allowed}`} ` +
        `(rounds=${rounds}); first of ${mismatches} mismatches.`,
    );
  }
  if (eaten.length > 0 && zeroWouldPass === eaten.length) {
    throw new Error(`${who}: the tolerance (${allowed}) is so loose that a cake of zeros would pass against the CPU twin's eaten cake (rounds=${rounds}): the check proves nothing. Tighten ${eat.name}'s tolerance.`);
  }
  return largest;
}

/** Differences between two f32 slices; NaN anywhere makes every difference NaN (and NaN passes nothing). */
function differenceOf(got: number, expected: number, gotBits: number, expectedBits: number): LargestError {
  if (Number.isNaN(got) || Number.isNaN(expected)) return { ulps: NaN, relative: NaN, absolute: NaN };
  if (gotBits === expectedBits || got === expected) return { ulps: 0, relative: 0, absolute: 0 };
  const absolute = Math.abs(got - expected);
  return { ulps: Math.abs(orderedBits(gotBits) - orderedBits(expectedBits)), relative: absolute / Math.abs(expected), absolute };
}

/** An f32's bits as an integer that counts ulps: adjacent floats differ by 1, and -0 = +0. */
function orderedBits(bits: number): number {
  return bits & 0x80000000 ? -(bits & 0x7fffffff) : bits;
}

function passes(error: LargestError, { ulps, relative, absolute }: Tolerance): boolean {
  return (ulps !== undefined && error.ulps <= ulps) || (relative !== undefined && error.relative <= relative) || (absolute !== undefined && error.absolute <= absolute);
}
