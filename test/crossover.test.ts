import { describe, expect, it } from 'vitest';
import { describeBreakEven, findBreakEven, findCrossovers, findWinners, interpolateBreakEven } from '../src/record/crossover.ts';
import { pairOverSizes, syntheticRecord } from './records.ts';

const sizes = [1024, 2048, 4096, 8192];

describe('break-even n* against loop', () => {
  it('interpolates in log n and log speed-up: symmetric speed-ups around 1 cross halfway', () => {
    expect(interpolateBreakEven(1024, 0.5, 4096, 2)).toBeCloseTo(2048, 6);
  });

  it('finds n* between the last losing and first winning size', () => {
    // loop doubles with n, the pool costs a flat 3 ms: speed-ups 1/3, 2/3, 4/3, 8/3
    const records = pairOverSizes('pool-shared', 64, sizes, [1, 2, 4, 8], [3, 3, 3, 3]);
    const crossover = findBreakEven(records, 'pool-shared', 64)!;
    expect(crossover.breakEven.kind).toBe('from');
    if (crossover.breakEven.kind !== 'from') return;
    expect(crossover.breakEven.lastLosingN).toBe(2048);
    expect(crossover.breakEven.firstWinningN).toBe(4096);
    // ln(2/3) and ln(4/3) put n* 58.5% of the way from 2^11 to 2^12 in log2 n
    const expected = 2 ** (11 + Math.log(3 / 2) / (Math.log(3 / 2) + Math.log(4 / 3)));
    expect(crossover.breakEven.n).toBeCloseTo(expected, 6);
    expect(crossover.speedUps.map((s) => +s.toFixed(4))).toEqual([0.3333, 0.6667, 1.3333, 2.6667]);
    expect(describeBreakEven(crossover.breakEven)).toMatch(/^2\^11\.6 \(30\d\d\)$/);
  });

  it('says "always" when the strategy wins at every measured size', () => {
    const crossover = findBreakEven(pairOverSizes('gpu-resident', 1024, sizes, [5, 10, 20, 40], [1, 1, 2, 3]), 'gpu-resident', 1024)!;
    expect(crossover.breakEven).toEqual({ kind: 'always', fromN: 1024 });
    expect(describeBreakEven(crossover.breakEven)).toBe('always (from 2^10)');
  });

  it('says "never in range" when it loses at the largest size, listing any sizes it won at', () => {
    const never = findBreakEven(pairOverSizes('pool-slice', 1, sizes, [1, 2, 3, 4], [10, 20, 30, 40]), 'pool-slice', 1)!;
    expect(never.breakEven).toEqual({ kind: 'never', upToN: 8192, wonAt: [] });
    expect(describeBreakEven(never.breakEven)).toBe('never in range (to 2^13)');
    const dip = findBreakEven(pairOverSizes('pool-copy', 1, sizes, [1, 2, 3, 4], [2, 1, 4, 5]), 'pool-copy', 1)!;
    expect(dip.breakEven).toEqual({ kind: 'never', upToN: 8192, wonAt: [2048] });
  });

  it('counts a tie as a loss, and takes the last losing-to-winning crossing when the lead changes twice', () => {
    const records = pairOverSizes('pool-copy', 64, sizes, [1, 4, 4, 8], [2, 2, 4, 4]);
    const crossover = findBreakEven(records, 'pool-copy', 64)!;
    expect(crossover.breakEven).toMatchObject({ kind: 'from', lastLosingN: 4096, firstWinningN: 8192 });
  });

  it('returns undefined without loop, and covers every non-loop strategy at every rounds value', () => {
    expect(findBreakEven([syntheticRecord('gpu', 1024, 1, 1)], 'gpu', 1)).toBeUndefined();
    const records = [...pairOverSizes('pool-shared', 1, sizes, [1, 2, 4, 8], [3, 3, 3, 3]), ...pairOverSizes('pool-shared', 1024, sizes, [9, 18, 36, 72], [3, 3, 3, 3])];
    expect(findCrossovers(records).map((c) => [c.strategy, c.rounds, c.breakEven.kind])).toEqual([
      ['pool-shared', 1, 'from'],
      ['pool-shared', 1024, 'always'],
    ]);
  });

  it('takes GPU records with extra fields and phases as they are', () => {
    const gpu = (n: number, ms: number) =>
      syntheticRecord('gpu', n, 64, ms, { workgroupSize: 64, clock: 'timestamp-query', phasesMs: { upload: 1, encode: 0.1, kernel: ms - 2, readback: 0.9 } });
    const records = [...pairOverSizes('pool-copy', 64, [1024, 4096], [1, 4], [2, 3]), gpu(1024, 5), gpu(4096, 3)];
    const crossover = findBreakEven(records, 'gpu', 64)!;
    expect(crossover.breakEven).toMatchObject({ kind: 'from', lastLosingN: 1024, firstWinningN: 4096 });
  });
});

describe('winner of each cell', () => {
  it('picks the fastest strategy per (n, rounds) with its speed-up over loop', () => {
    const records = [...pairOverSizes('pool-shared', 64, [1024, 4096], [1, 8], [3, 2]), syntheticRecord('pool-copy', 4096, 64, 4)];
    expect(findWinners(records)).toEqual([
      { n: 1024, rounds: 64, strategy: 'loop', medianMs: 1, speedUpOverLoop: 1 },
      { n: 4096, rounds: 64, strategy: 'pool-shared', medianMs: 2, speedUpOverLoop: 4 },
    ]);
  });
});
