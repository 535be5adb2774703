// The memory and dispatch-overhead charts say what they drew, or why nothing: a browser's one eating has no
// memory figures and no small cake, and must not be drawn as an empty frame or as overhead.
import { describe, expect, it } from 'vitest';
import type { BenchRecord, BenchReport } from '../src/record/record.ts';
import { hasMemoryToDraw, memoryCaption, overheadCaption } from '../src/report/data-captions.ts';
import { overheadRows } from '../src/report/report-data.ts';
import { syntheticRecord } from './records.ts';

const report = (results: BenchRecord[], memoryMeasure?: string): BenchReport =>
  ({ schema: 'parallel-cake/bench@1', environment: { runtime: 'Chrome', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 0.005 }, ...(memoryMeasure ? { memoryMeasure } : {}) }, results, startup: [], failures: [] }) as BenchReport;
const bytes = (n: number) => ({ bytesCopied: 2 * 4 * n });

describe('after one eating in a browser (2^16 slices, medium)', () => {
  const one = report([syntheticRecord('loop', 2 ** 16, 64, 11), syntheticRecord('pool-copy', 2 ** 16, 64, 27, bytes(2 ** 16))]);

  it('draws no overhead and says there is no small cake yet', () => {
    expect(overheadRows(one)).toEqual([]);
    expect(overheadCaption(one)).toMatch(/^No small-cake measurement yet: the smallest cell measured \(n = 2\^16, medium \(64\)\) is a real eating.*Run a sweep/);
  });

  it('draws no memory frame, and says what was copied and that memory is not measured in a browser', () => {
    expect(hasMemoryToDraw(one)).toBe(false);
    expect(memoryCaption(one)).toMatch(/not measured in a browser.*Copied per eating at n = 2\^16, pool-copy 512\.0 KiB\. loop copied nothing to their eaters\. A sweep draws/);
  });
});

describe('after a sweep', () => {
  const sizes = [2 ** 10, 2 ** 12];
  const swept = (memoryMeasure?: string) => report(sizes.flatMap((n) => [syntheticRecord('loop', n, 64, n / 1000), syntheticRecord('pool-copy', n, 64, 1 + n / 2000, bytes(n))]), memoryMeasure);

  it('plots every strategy at the smallest, lightest cell and names it', () => {
    expect(overheadRows(swept()).map((r) => [r.strategy, r.n, r.rounds])).toEqual([['loop', 1024, 64], ['pool-copy', 1024, 64]]);
    expect(overheadCaption(swept())).toMatch(/^Median time of each strategy at the smallest, lightest cell measured \(n = 2\^10, medium \(64\)\)/);
  });

  it('draws the copies, with memory growth only where it was measured', () => {
    expect(hasMemoryToDraw(swept())).toBe(true);
    expect(memoryCaption(swept())).toMatch(/Only bytes copied are drawn: peak memory growth is not measured in a browser/);
    expect(memoryCaption(swept('rss'))).toMatch(/and peak RSS growth while measured \(circles/);
  });

  it('says so when nothing was copied and memory was not measured', () => {
    const inPlace = report(sizes.map((n) => syntheticRecord('pool-shared', n, 64, 1)));
    expect(hasMemoryToDraw(inPlace)).toBe(false);
    expect(memoryCaption(inPlace)).toMatch(/^No chart: pool-shared copied nothing to their eaters, and peak memory growth is not measured in a browser.*Eat with pool-copy/);
  });
});
