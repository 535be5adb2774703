// What moving a cake to the GPU and back costs, measured on real adapters: every route comes back verified with
// its share of memcpy, minimal code's two trips sit beside the harness's routes, and the report compares them.
import { describe, expect, it } from 'vitest';
import { measureGpuCosts } from '../src/measure/gpu-costs.ts';
import { formatGpuCosts } from '../src/format/gpu.ts';
import type { BenchReport } from '../src/record/record.ts';
import { hostWithAdapter, isGpuSkipped, testAdapters } from './gpu.ts';

const n = 65539; // not a multiple of any workgroup size

describe.skipIf(isGpuSkipped).each(testAdapters)('GPU costs on %s', (adapter) => {
  it('measures every route verified, minimal code beside them, overheads and the timer', async () => {
    const costs = await measureGpuCosts(await hostWithAdapter(adapter), [n]);

    expect(costs.copies.map((copy) => copy.route)).toEqual([
      'memcpy', 'upload:writeBuffer', 'upload:mappedAtCreation', 'upload:staging', 'readback', 'minimal:upload', 'minimal:readback',
    ]);
    for (const copy of costs.copies) {
      expect(copy).toMatchObject({ n, bytes: 4 * n, verified: true });
      expect(copy.gbPerS).toBeCloseTo(copy.bytes / (copy.medianMs * 1e6), 6);
      expect(copy.p10Ms).toBeLessThanOrEqual(copy.medianMs);
      expect(copy.p90Ms).toBeGreaterThanOrEqual(copy.medianMs);
      expect(copy.percentOfMemcpy).toBeGreaterThan(0);
    }
    expect(costs.overheads.map((o) => o.name)).toEqual(['round trip', 'per dispatch']);
    for (const overhead of costs.overheads) expect(overhead.medianUs).toBeGreaterThan(0);
    expect(costs.gpu.adapter.description).not.toBe('');
    if (costs.gpu.timestampQuery) expect(costs.gpu.timestamps!.passes).toBeGreaterThan(0);

    const report = { environment: { gpu: costs.gpu }, results: [], copies: costs.copies, overheads: costs.overheads } as unknown as BenchReport;
    const text = formatGpuCosts(report);
    expect(text).toMatch(/Routes vs the least code/);
    expect(text).toMatch(new RegExp(`n=${n}: best upload \\w+ = \\d+\\.\\d\\dx minimal code's, readback = \\d+\\.\\d\\dx minimal code's`));
  });
});
