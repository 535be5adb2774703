// Baking, shuffling, checksums and the verification message.
import { describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../src/cake.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { hash } from '../src/eats/hash.ts';

describe('bake', () => {
  it('bakes cake[i] = i', () => {
    expect([...bake(5)]).toEqual([0, 1, 2, 3, 4]);
    expect(bake(0).length).toBe(0);
  });

  it('bakes a shared cake in a SharedArrayBuffer', () => {
    const cake = bake(8, { isShared: true });
    expect(cake.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...cake]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('shuffles into the same permutation every time, and the checksum does not notice', () => {
    const shuffled = bake(10_000, { order: 'shuffled' });
    expect([...shuffled]).toEqual([...bake(10_000, { order: 'shuffled' })]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual([...bake(10_000)]);
    const inPlace = shuffled.filter((slice, i) => slice === i).length;
    expect(inPlace).toBeLessThan(100); // a real shuffle leaves about 1 slice in place, not most of them
    expect(checksum(expectedEaten(hash, shuffled, 3))).toBe(checksum(expectedEaten(hash, bake(10_000), 3)));
  });
});

describe('verifyEaten', () => {
  it('names the first wrong slice, its value, the expected one and the count', () => {
    const expected = expectedEaten(hash, bake(100), 64);
    const eaten = expected.slice();
    eaten[17] = 0x1a2b3c4d;
    eaten[90] = 0;
    expect(() => verifyEaten('pool-copy', hash, eaten, expected, 64)).toThrow(
      `pool-copy: slice 17 is 0x1a2b3c4d, expected ${hex(expected[17]!)} (rounds=64); first of 2 mismatches.`,
    );
  });

  it('refuses a cake of the wrong length', () => {
    expect(() => verifyEaten('map', hash, new Uint32Array(3), new Uint32Array(4), 1)).toThrow('map: ate 3 slices, expected 4');
  });

  it('accepts an exact match', () => {
    const expected = expectedEaten(hash, bake(1000), 1);
    expect(() => verifyEaten('loop', hash, expected.slice(), expected, 1)).not.toThrow();
  });
});
