// What a sweep prints on stdout about itself: a true wall time, and skipped cells counted by why and by
// strategy (a few lines, where a sweep skips hundreds); the HTML report keeps every cell with its reason.
import { describe, expect, it } from 'vitest';
import { gpuCostSizes } from '../src/measure/gpu-costs.ts';
import type { BenchRecord, BenchReport, SkippedCell } from '../src/record/record.ts';
import { formatSkippedCells, formatSweepSummary } from '../src/format/map.ts';
import { roughly } from '../src/measure/sweep.ts';
import { strategies as registry } from '../src/strategies/index.ts';

const strategies = ['loop', 'pool-shared', 'gpu'];
const budgetLeft = (strategy: string, n: number, rounds: number): SkippedCell => ({
  strategy, n, rounds, limit: 'budget left', predictedFrom: 'reference', reason: "the CPU twin's reference eating alone would take about 3.1 ms; the budget is spent",
});
const skipped: SkippedCell[] = [
  ...[2 ** 20, 2 ** 22].flatMap((n) => strategies.map((strategy) => budgetLeft(strategy, n, 64))),
  { strategy: 'pool-shared', n: 2 ** 18, rounds: 1, limit: 'cell cap', predictedFrom: 'strategy', reason: 'predicted 2.4 s from its smaller cells; over the 1.7 s a cell may take (1/12 of the budget)' },
];
const report = {
  results: [{ strategy: 'loop', n: 1024 }, { strategy: 'gpu', n: 4096 }, { strategy: 'gpu-resident', n: 1024 }, { strategy: 'gpu', n: 1024 }] as BenchRecord[],
  skipped,
  sweep: { budgetMs: 20_000, spentMs: 18_000, gpuCostsMs: 1_900, gpuCostSizesLeftOut: [1024], totalMs: 20_400 },
} as unknown as BenchReport;

describe('the sweep summary', () => {
  it('tells the wall time of everything, the GPU costs inside the budget, and the sizes they left out', () => {
    expect(formatSweepSummary(report).split('\n')[0]).toBe(
      'Sweep: 4 records in 19.9 s of a 20 s budget (18.0 s eating, 1.9 s measuring GPU copy routes, dispatch overhead and timestamps); ' +
        "GPU copy routes not measured at 2^10, for the budget; 20.4 s in all from the process's start to this summary, with 0.5 s starting up (Node, the adapter, the clock probe).",
    );
  });

  it('counts skipped cells by why and strategy, collapsing strategies skipped alike, instead of a line per cell', () => {
    expect(formatSweepSummary(report).split('\n').slice(1)).toEqual([
      'Skipped 7 cells to stay within the budget (each with its reason in the JSON and the HTML report):',
      "  6 over the budget left by the CPU twin's reference eating alone (whole rows):",
      '    each of loop, pool-shared, gpu (2): medium at 2^20..2^22',
      "  1 over the 1.7 s one cell may take, predicted from the strategy's smaller cells:",
      '    pool-shared   1: light at 2^18',
    ]);
  });

  it('lists every skipped cell with its reason for the HTML report', () => {
    const lines = formatSkippedCells(report).split('\n');
    expect(lines).toHaveLength(skipped.length);
    expect(lines[0]).toBe("loop n=2^20 rounds=64: the CPU twin's reference eating alone would take about 3.1 ms; the budget is spent");
  });

  it('writes short durations in ms, never as 0.0 s', () => {
    expect([roughly(0.04), roughly(3.14), roughly(240), roughly(1700)]).toEqual(['under 0.1 ms', '3.1 ms', '240 ms', '1.7 s']);
  });
});

describe('the GPU costs after a sweep', () => {
  it('are measured at the sizes where a GPU strategy was measured, not at every size the sweep asked for', () => {
    expect(gpuCostSizes(report, registry)).toEqual([1024, 4096]);
  });
});
