import { describe, expect, it } from 'vitest';
import { compareReports, recordKey } from '../src/record/compare.ts';
import { parseBaseline } from '../src/record/read-baseline.ts';
import { formatComparison } from '../src/format/map.ts';
import { syntheticRecord } from './records.ts';

describe('compare with a baseline', () => {
  it('flags a change only when the p10-p90 ranges do not overlap', () => {
    const baseline = { results: [syntheticRecord('loop', 1024, 1, 10), syntheticRecord('pool-copy', 1024, 1, 10), syntheticRecord('pool-shared', 1024, 1, 10)] };
    const current = {
      results: [
        syntheticRecord('loop', 1024, 1, 12), // 11.4..12.6 vs 9.5..10.5: slower beyond both spreads
        syntheticRecord('pool-copy', 1024, 1, 10.8), // 10.26..11.34 overlaps 9.5..10.5: within noise
        syntheticRecord('pool-shared', 1024, 1, 8), // 7.6..8.4: faster
      ],
    };
    const result = compareReports(baseline, current);
    expect(result.comparisons.map((c) => [c.current.strategy, +c.ratio.toFixed(2), c.verdict])).toEqual([
      ['loop', 1.2, 'slower'],
      ['pool-copy', 1.08, 'same'],
      ['pool-shared', 0.8, 'faster'],
    ]);
    expect(result.regressions).toBe(1);
    const text = formatComparison(result, 'base.json');
    expect(text).toContain('SLOWER (beyond both p10-p90 spreads)');
    expect(text).toContain('1 regression(s) beyond noise.');
  });

  it('a noisy run hides a change its spread covers', () => {
    const baseline = { results: [syntheticRecord('loop', 1024, 1, 10, {}, 0.3)] };
    const current = { results: [syntheticRecord('loop', 1024, 1, 12, {}, 0.05)] };
    expect(compareReports(baseline, current).comparisons[0]!.verdict).toBe('same');
  });

  it('matches records on strategy, n, rounds, cake and settings, and lists the unmatched', () => {
    const baseline = { results: [syntheticRecord('pool-copy', 1024, 1, 10, { poolSize: 2 }), syntheticRecord('gpu', 1024, 1, 1, { workgroupSize: 64 })] };
    const current = { results: [syntheticRecord('pool-copy', 1024, 1, 10, { poolSize: 4 }), syntheticRecord('gpu', 1024, 1, 1, { workgroupSize: 64, clock: 'timestamp-query' })] };
    const result = compareReports(baseline, current);
    expect(result.comparisons.map((c) => c.key)).toEqual(['gpu n=1024 rounds=1 cake=ordered eat=hash element=u32 workgroupSize=64']);
    expect(result.onlyInBaseline).toEqual([recordKey(baseline.results[0]!)]);
    expect(result.onlyInCurrent).toEqual(['pool-copy n=1024 rounds=1 cake=ordered eat=hash element=u32 poolSize=4']);
  });

  it('matches a record from before eat functions were values (no eat fields) with a hash record, and never records of different eat functions', () => {
    const old = syntheticRecord('loop', 1024, 1, 10, {});
    const hashNow = syntheticRecord('loop', 1024, 1, 10, { eat: 'hash', element: 'u32', eatHash: '68e6ba72' });
    expect(compareReports({ results: [old] }, { results: [hashNow] }).comparisons).toHaveLength(1);
    const stream = syntheticRecord('loop', 1024, 1, 10, { eat: 'stream', element: 'u32', eatHash: '12345678' });
    expect(compareReports({ results: [old] }, { results: [stream] }).comparisons).toHaveLength(0);
    const changed = syntheticRecord('loop', 1024, 1, 10, { eat: 'hash', element: 'u32', eatHash: 'ffffffff' });
    const result = compareReports({ results: [hashNow] }, { results: [changed] });
    expect(result.comparisons).toHaveLength(0);
    expect(result.differentEat).toEqual([recordKey(changed)]);
  });

  it('refuses a baseline that is not a bench report, saying how to make one', () => {
    expect(() => parseBaseline('{"results": [', 'old.json')).toThrow(/old.json is not JSON \(.*\)\. A baseline is the file cake bench --json FILE writes; example: cake bench --json base.json/);
    expect(() => parseBaseline('{}', 'old.json')).toThrow(/old.json has no schema field, expected "parallel-cake\/bench@1"/);
    expect(() => parseBaseline('{"schema": "other"}', 'old.json')).toThrow(/schema "other", expected "parallel-cake\/bench@1"/);
  });
});
