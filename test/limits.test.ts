// % of limit on synthetic reports (src/record/limits.ts): the roofline's choice of limit, and a negative control:
// a memory limit set too low puts a record over 100 %, which is what the CLI test looks for in a real run.
import { describe, expect, it } from 'vitest';
import { findLimits, percentOfLimit } from '../src/record/limits.ts';
import type { BenchReport, CopyRecord } from '../src/record/record.ts';
import { syntheticRecord } from './records.ts';

const familyOf = (name: string) => (name === 'gpu' ? 'gpu' : name === 'simd' ? 'simd' : 'cpu');
const memcpy = (n: number, gbPerS: number): CopyRecord => ({ route: 'memcpy', n, bytes: n * 4, medianMs: (n * 4) / (gbPerS * 1e6), p10Ms: 0, p90Ms: 0, gbPerS, verified: true });
const n = 2 ** 24;

function reportWith(memcpyGbPerS: number): BenchReport {
  return {
    schema: 'parallel-cake/bench@1',
    environment: { runtime: 'node', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 0.001 }, eat: { name: 'stream', element: 'u32', eatHash: '0', comparison: 'bit-exact', summary: '', from: 'built in', opsPerSliceRound: 1, bytesPerSlice: 8 } },
    // simd, heavy: 2^24 x 1024 slice-rounds in 5 s = 3.4 G/s, the compute limit; light: 8 bytes a slice in 10 ms = 13.4 GB/s
    results: [syntheticRecord('simd', n, 1024, 5000), syntheticRecord('simd', n, 1, 10), syntheticRecord('loop', n, 1, 40)],
    startup: [], failures: [], copies: [memcpy(n, memcpyGbPerS / 2)], // memcpy's GB/s counts one side; the limit reads + writes
  };
}

describe('% of limit', () => {
  it('measures a light stream against memory and a heavy one against compute', () => {
    const report = reportWith(16);
    const limits = findLimits(report, familyOf);
    expect(limits.memory!.peakGbPerS).toBeCloseTo(16, 6);
    expect(limits.cpuCompute!.sliceRoundsPerS).toBeCloseTo((n * 1024) / 5, -3);
    const [heavy, light, loop] = report.results.map((r) => percentOfLimit(r, limits, familyOf, 1, 8));
    expect(heavy).toMatchObject({ limit: 'cpu compute', percent: 100 });
    expect(light!.limit).toBe('memory');
    expect(light!.limit === 'memory' && light!.percent).toBeCloseTo((100 * (n * 8) / 0.01 / 1e9) / 16, 3); // 13.4 of 16 GB/s: 84 %
    expect(loop!.limit === 'memory' && loop!.percent).toBeLessThan(100);
  });

  it('goes over 100 % when the memory limit is too low: the sign of a wrong limit (negative control)', () => {
    const report = reportWith(8);
    const light = percentOfLimit(report.results[1]!, findLimits(report, familyOf), familyOf, 1, 8);
    expect(light.limit === 'memory' && light.percent).toBeGreaterThan(150);
  });

  it('says unknown intensity for an eat that declares no work', () => {
    const report = reportWith(16);
    expect(percentOfLimit(report.results[1]!, findLimits(report, familyOf), familyOf, undefined, undefined)).toEqual({ limit: 'unknown intensity' });
  });

  it('takes the all-core rate where it beats one core, says so, and a pool over 100 % of memcpy comes back under it', () => {
    const report = reportWith(8); // one core: 8 GB/s read + write, under the 13.4 GB/s the light record reached
    const before = percentOfLimit(report.results[1]!, findLimits(report, familyOf), familyOf, 1, 8);
    expect(before.limit === 'memory' && before.percent).toBeGreaterThan(150); // the wrong limit, as above
    report.inPlaceMemory = [{ ...memcpy(n, 8), route: 'stream:pool-simd' }]; // all cores: 16 GB/s read + write
    const limits = findLimits(report, familyOf);
    expect(limits.memory!.bySize).toEqual([{ n, gbPerS: 16, by: 'pool-simd streaming in place, all cores' }]);
    expect(limits.memory!.measuredBy).toMatch(/^at each cake size the largest of memcpy on one core and a cake streamed in place/);
    const after = percentOfLimit(report.results[1]!, limits, familyOf, 1, 8);
    expect(after.limit === 'memory' && after.percent).toBeLessThan(100);
  });

  it('keeps memcpy where one core is the faster (small cakes: the friends pay a message round trip)', () => {
    const report = reportWith(16);
    report.inPlaceMemory = [{ ...memcpy(n, 2), route: 'stream:pool-shared' }, { ...memcpy(n, 3), route: 'stream:simd' }];
    expect(findLimits(report, familyOf).memory!.bySize).toEqual([{ n, gbPerS: 16, by: 'memcpy, one core' }]);
  });
});
