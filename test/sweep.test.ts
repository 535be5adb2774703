import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { describeEnvironment } from '../src/measure/environment.ts';
import { runSweep, sweepOrder, type SweepProgress } from '../src/measure/sweep.ts';
import { cellMs, predictMedianMs } from '../src/measure/sweep-costs.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';

const quickStop = { warmupRuns: 1, minRuns: 2, minTimeMs: 0, maxTimeMs: 50 };

describe('sweep planning', () => {
  it('orders rows by work n x rounds, lighter rounds first on ties', () => {
    const order = sweepOrder([1024, 65536], [1, 64]).map((row) => `${row.n}/${row.rounds}`);
    expect(order).toEqual(['1024/1', '65536/1', '1024/64', '65536/64']); // 1024*64 = 65536*1: rounds 1 first
  });

  it('predicts a cell from the two largest measured ones, never below the largest median', () => {
    const cells = [{ rounds: 1, work: 1000, medianMs: 2, overheadMs: 0 }, { rounds: 1, work: 2000, medianMs: 3, overheadMs: 0 }];
    expect(predictMedianMs(cells, 4000)).toBe(5); // affine: 1 ms per 1000 work, 1 ms fixed
    expect(predictMedianMs(cells, 1000)).toBe(3);
    expect(predictMedianMs([{ rounds: 1, work: 1000, medianMs: 2, overheadMs: 0 }], 8000)).toBe(16); // one cell: linear
    expect(predictMedianMs([], 8000)).toBeUndefined();
  });

  it('costs a cell by the stop rule: warm-up, min runs or min time, capped by max time', () => {
    const stop = { warmupRuns: 1, minRuns: 5, minTimeMs: 20, maxTimeMs: 500 };
    expect(cellMs(1, 10, stop)).toBe(10 + 1 + 20); // 5 runs take 5 ms < min time 20 ms
    expect(cellMs(50, 0, stop)).toBe(50 + 250);
    expect(cellMs(2000, 0, stop)).toBe(2000 + 2000); // one run past max time still happens
  });
});

describe('runSweep on real strategies', () => {
  const host = nodeHost();
  const strategies = ['loop', 'pool-shared'].map((name) => findStrategy(name)!);
  const plan = { eat: hash, strategies, sizes: [1024, 4096, 2 ** 22], rounds: [1, 1024], order: 'ordered' as const, poolSize: 2, stop: quickStop };

  it('measures what fits the budget and names every skipped cell with its reason', async () => {
    const report = await runSweep({ ...plan, budgetMs: 1500 }, host, describeEnvironment(host));
    const accounted = report.results.length + report.skipped!.length + report.failures.length;
    expect(accounted).toBe(plan.sizes.length * plan.rounds.length * strategies.length); // nothing dropped silently
    expect(report.results.every((r) => r.verified)).toBe(true);
    // 2^22 slices x 1024 rounds is about 10 s of loop on this machine class: far over a 1.5 s budget
    const heavyBig = report.skipped!.filter((cell) => cell.n === 2 ** 22 && cell.rounds === 1024);
    expect(heavyBig.length).toBe(2);
    expect(heavyBig[0]!.reason).toMatch(/^(the CPU twin's reference eating alone would take about|predicted) [\d.]+ (ms|s)\b.*; ([\d.]+ (ms|s) of the budget left|the budget is spent|over the [\d.]+ (ms|s) a cell may take)/);
    expect(heavyBig[0]).toMatchObject({ limit: expect.stringMatching(/^(budget left|cell cap)$/), predictedFrom: expect.stringMatching(/^(reference|strategy)$/) });
    expect(report.skipped!.map((cell) => cell.reason).join('\n')).not.toMatch(/\b0\.0 s\b/); // never 'about 0.0 s; 0.0 s left'
    expect(report.results.some((r) => r.n === 1024 && r.rounds === 1024)).toBe(true); // the cheap cells came first
    expect(report.copies!.map((c) => c.route)).toContain('memcpy');
    expect(report.copies!.every((c) => c.gbPerS > 0 && c.verified)).toBe(true);
    expect(report.sweep!.budgetMs).toBe(1500);
    expect(report.results.every((r) => typeof r.peakRssGrowthBytes === 'number' && r.bytesCopied === 0)).toBe(true); // loop and pool-shared copy nothing
  });

  it('stops after the record in flight when interrupted, keeping what was measured', async () => {
    const controller = new AbortController();
    const events: SweepProgress['kind'][] = [];
    const report = await runSweep({ ...plan, budgetMs: 60_000 }, host, describeEnvironment(host), (progress) => {
      events.push(progress.kind);
      if (progress.kind === 'record' && events.filter((kind) => kind === 'record').length === 3) controller.abort();
    }, controller.signal);
    expect(report.results).toHaveLength(3);
    expect(report.interrupted).toEqual({ cellsNotMeasured: 12 - 3 });
  });
});
