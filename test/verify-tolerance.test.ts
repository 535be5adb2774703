// The f32 tolerance path, with its negative controls: a twin off by a little more than the tolerance fails, NaN
// never passes, a cake of zeros fails, and a tolerance so loose that zeros would pass fails the check itself.
import { describe, expect, it } from 'vitest';
import { bake } from '../src/cake.ts';
import { bitsOf, type Eat } from '../src/eat.ts';
import { sine } from '../src/eats/sine.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';

const rounds = 64;
const cake = bake(4096, { eat: sine });
const expected = expectedEaten(sine, cake, rounds) as Float32Array;
const ulps = sine.tolerance!.ulps!;

/** `expected` with slice `at` moved `by` ulps (through its bits). */
function nudged(at: number, by: number): Float32Array {
  const eaten = expected.slice();
  bitsOf(eaten)[at]! += by;
  return eaten;
}

describe('an f32 eat function within its tolerance', () => {
  it('passes the CPU twin itself, reporting no error', () => {
    expect(verifyEaten('loop', sine, expected.slice(), expected, rounds)).toEqual({ ulps: 0, relative: 0, absolute: 0 });
  });

  it('passes a slice off by the tolerance and reports the largest error', () => {
    const at = expected.findIndex((y) => Math.abs(y) > 0.5); // far from zero: the absolute bound does not cover it
    const error = verifyEaten('gpu', sine, nudged(at, ulps), expected, rounds);
    expect(error.ulps).toBe(ulps);
    expect(error.absolute).toBeGreaterThan(0);
  });

  it('fails a slice off by a little more than the tolerance, naming it (negative control)', () => {
    const at = expected.findIndex((y) => Math.abs(y) > 0.5);
    const ulpSize = 2 ** (Math.floor(Math.log2(Math.abs(expected[at]!))) - 23);
    const offBy = Math.max(ulps, Math.ceil(sine.tolerance!.absolute! / ulpSize)) + 1; // just past both bounds
    expect(() => verifyEaten('gpu', sine, nudged(at, offBy), expected, rounds)).toThrow(new RegExp(`^gpu: slice ${at} is .* off by ${offBy} ulps, .* allowed within 64 ulps or absolute 0\\.0009765625 \\(rounds=64\\); first of 1 mismatches\\.$`));
  });

  it('never passes NaN, however loose the tolerance', () => {
    const eaten = expected.slice();
    eaten[7] = NaN;
    const loose: Eat = { ...sine, tolerance: { ulps: 2 ** 31, absolute: 1e30 } };
    expect(() => verifyEaten('gpu', loose, eaten, expected, rounds)).toThrow(/^gpu: slice 7 is NaN .* NaN never passes/);
  });

  it('fails a cake of zeros (a kernel that never ran)', () => {
    expect(() => verifyEaten('gpu', sine, new Float32Array(expected.length), expected, rounds)).toThrow(/^gpu: slice \d+ is 0 /);
  });

  it('fails a tolerance so loose that a cake of zeros would pass: the check would prove nothing', () => {
    const loose: Eat = { ...sine, tolerance: { absolute: 10 } };
    expect(() => verifyEaten('gpu', loose, new Float32Array(expected.length), expected, rounds)).toThrow(/a cake of zeros would pass against the CPU twin's eaten cake .* the check proves nothing/);
  });
});

describe('a u32 eat function', () => {
  it('is compared bit for bit: one bit off fails', async () => {
    const { hash } = await import('../src/eats/hash.ts');
    const want = expectedEaten(hash, bake(100), 3);
    const got = want.slice();
    got[42]! ^= 1;
    expect(() => verifyEaten('map', hash, got, want, 3)).toThrow(/^map: slice 42 is 0x[0-9a-f]{8}, expected 0x[0-9a-f]{8} \(rounds=3\); first of 1 mismatches\.$/);
  });
});
