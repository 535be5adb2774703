// A user's eat function may declare its roofline fields (src/eats/check.ts): opsPerSliceRound and bytesPerSlice,
// each a finite number > 0, kept on the checked eat so the report can place its records under a limit.
import { describe, expect, it } from 'vitest';
import { checkEat, EatError } from '../src/eats/check.ts';
import { eatSummary } from '../src/measure/suite.ts';

const base = { name: 'triple', element: 'u32', cpu: (x: number) => x * 3, wgsl: 'fn eat(x: u32, rounds: u32) -> u32 { return x * 3u; }' };
const check = (extra: Record<string, unknown>) => checkEat({ ...base, ...extra }, { moduleUrl: 'file:///triple.mjs' }, 'triple.mjs');

describe('an eat file declares its intensity', () => {
  it('keeps opsPerSliceRound and bytesPerSlice, and the report names them', () => {
    const eat = check({ opsPerSliceRound: 2, bytesPerSlice: 8 });
    expect(eat).toMatchObject({ opsPerSliceRound: 2, bytesPerSlice: 8 });
    expect(eatSummary(eat)).toMatchObject({ opsPerSliceRound: 2, bytesPerSlice: 8 });
  });

  it('leaves them out when not given: unknown intensity', () => {
    const eat = check({});
    expect(eat.opsPerSliceRound).toBeUndefined();
    expect(eatSummary(eat).bytesPerSlice).toBeUndefined();
  });

  it.each([
    [{ opsPerSliceRound: 0 }, /opsPerSliceRound, when given, must be a finite number > 0: .*; got 0\./],
    [{ opsPerSliceRound: -1 }, /opsPerSliceRound, .*got -1\./],
    [{ opsPerSliceRound: '8' }, /opsPerSliceRound, .*got "8"\./],
    [{ bytesPerSlice: Number.POSITIVE_INFINITY }, /bytesPerSlice, when given, must be a finite number > 0: the bytes one eating .*; got Infinity\./],
    [{ bytesPerSlice: Number.NaN }, /bytesPerSlice, .*got NaN\./],
  ])('refuses %j, naming the field and what it means', (extra, message) => {
    expect(() => check(extra)).toThrow(EatError);
    expect(() => check(extra)).toThrow(message);
  });
});
