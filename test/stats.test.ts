// Quantiles and summaries on hand-computed samples.
import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../src/measure/stats.ts';

describe('stats', () => {
  it('interpolates quantiles linearly between sorted samples', () => {
    // sorted 1..10: position (n-1)q; q=0.1 -> 0.9 -> 1 + 0.9 = 1.9; q=0.9 -> 8.1 -> 9 + 0.1 = 9.1
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(sorted, 0.5)).toBeCloseTo(5.5);
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.9);
    expect(quantile(sorted, 0.9)).toBeCloseTo(9.1);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(10);
  });

  it('summarizes unsorted samples: median, min, p10, p90 and spread', () => {
    const summary = summarize([4, 1, 3, 2, 100]);
    // sorted 1,2,3,4,100: median 3; p10 at 0.4 -> 1.4; p90 at 3.6 -> 4 + 0.6 * 96 = 61.6
    expect(summary.medianMs).toBe(3);
    expect(summary.minMs).toBe(1);
    expect(summary.p10Ms).toBeCloseTo(1.4);
    expect(summary.p90Ms).toBeCloseTo(61.6);
    expect(summary.spread).toBeCloseTo((61.6 - 1.4) / 3);
  });

  it('handles a single sample', () => {
    expect(summarize([7])).toMatchObject({ medianMs: 7, minMs: 7, p10Ms: 7, p90Ms: 7, spread: 0 });
  });
});
