// The hash eat function's known values (shared/DESIGN.md), the contract every twin (TS, WGSL, WebAssembly) must meet.
import { describe, expect, it } from 'vitest';
import { checksum, hex } from '../src/cake.ts';
import { eatSlices } from '../src/eat.ts';
import { hash } from '../src/eats/hash.ts';

const eat = hash.cpu;

describe('hash', () => {
  it('gives the known values', () => {
    expect(hex(eat(1, 1))).toBe('0x688990c0');
    expect(hex(eat(2, 1))).toBe('0xd1132181');
    expect(hex(eat(3, 1))).toBe('0x53f1e9dd');
    expect(hex(eat(1, 1024))).toBe('0x42762416');
  });

  it('gives the known checksum of the first 65536 slices at one round', () => {
    const cake = Uint32Array.from({ length: 65536 }, (_, i) => i);
    eatSlices(hash, cake, cake, 1);
    expect(hex(checksum(cake))).toBe('0x5337aecb');
  });

  it('treats rounds as repeated single rounds (eat(x, 2) = eat(eat(x, 1), 1))', () => {
    for (const slice of [0, 1, 0xffffffff, 123456789]) expect(eat(slice, 2)).toBe(eat(eat(slice, 1), 1));
  });

  it('returns unsigned 32-bit values', () => {
    for (let slice = 0; slice < 1000; slice++) {
      const eaten = eat(slice, 3);
      expect(Number.isInteger(eaten) && eaten >= 0 && eaten <= 0xffffffff).toBe(true);
    }
  });
});
