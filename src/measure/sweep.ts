// Sweeps sizes x rounds x strategies inside a time budget, cheapest work first, so that an interrupted or
// budget-cut sweep still holds a complete map of the small cakes. Never prints: progress is an event.
import { bake } from '../cake.ts';
import type { Cake } from '../eat.ts';
import type { Host } from '../host.ts';
import type { StrategyEntry } from '../strategy.ts';
import { measureInPlaceMemory } from './in-place-memory.ts';
import { measureMemcpy } from './memcpy.ts';
import type { BenchReport, Environment, SkippedCell } from '../record/record.ts';
import { schema } from '../record/record.ts';
import type { StopRule } from './run.ts';
import { eatSummary, measureInto, measureRecord, type Plan, type Progress } from './suite.ts';
import { CostModel, maxCellShare } from './sweep-costs.ts';
import { referenceEaten } from './reference.ts';

/** 2^10 ... 2^24: from a cake whose eating is all overhead to one that fills the caches many times over. */
export const sweepSizes = Array.from({ length: 15 }, (_, k) => 2 ** (10 + k));
export const sweepRounds = [1, 64, 1024]; // light, medium, heavy
/** A full sweep on a 2-core machine with a software GPU then ends within about 5 minutes, overruns included. */
export const defaultBudgetMs = 240_000;
/** Fewer runs than a plain bench: a sweep wants many cells; the spread in each record says how sure it is. */
export const sweepStopRule: StopRule = { warmupRuns: 1, minRuns: 5, minTimeMs: 20, maxTimeMs: 500 };

export interface SweepPlan extends Plan {
  budgetMs: number;
}

export type SweepProgress =
  | Progress
  | ({ kind: 'skip' } & SkippedCell)
  | { kind: 'eta'; done: number; total: number; elapsedMs: number; etaMs: number; doing: string };

/** One (n, rounds) row of the sweep: the CPU twin's reference, then every strategy. */
interface Row {
  n: number;
  rounds: number;
}

/** Rows in order of work (n * rounds), lighter rounds first on ties: the cheapest cells come first. */
export function sweepOrder(sizes: readonly number[], rounds: readonly number[]): Row[] {
  const rows = sizes.flatMap((n) => rounds.map((r) => ({ n, rounds: r })));
  return rows.sort((a, b) => a.n * a.rounds - b.n * b.rounds || a.rounds - b.rounds);
}

/** 'under 0.1 ms', '3.2 ms', '240 ms', '1.7 s': a skipped cell's reason may be about a millisecond, and must not read '0.0 s'. */
export function roughly(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return ms >= 0.1 ? `${ms.toFixed(1)} ms` : 'under 0.1 ms';
}

/** What the budget has left, in words: '1.2 s of the budget left', or 'the budget is spent'. */
function budgetLeft(leftMs: number): string {
  return leftMs > 0 ? `${roughly(leftMs)} of the budget left` : 'the budget is spent';
}

/**
 * Measures every (strategy, n, rounds) cell that fits in `plan.budgetMs`. Before each cell it predicts the
 * cell's cost from that strategy's measured cells and skips it, saying why, when the prediction exceeds the
 * budget left. Stops after the record in flight once `stop` is aborted; the report says so.
 */
export async function runSweep(
  plan: SweepPlan,
  host: Host,
  environment: Environment,
  onProgress: (progress: SweepProgress) => void = () => {},
  stop?: AbortSignal,
): Promise<BenchReport> {
  const report: BenchReport = { schema, environment: { ...environment, eat: eatSummary(plan.eat) }, results: [], startup: [], failures: [], copies: [], skipped: [] };
  const rows = sweepOrder(plan.sizes, plan.rounds);
  const costs = new CostModel(); // per strategy, and 'reference' for the CPU twin's eating
  const total = rows.length * plan.strategies.length;
  const startMs = performance.now();
  const spentMs = () => performance.now() - startMs;
  let done = 0;
  /** A cell's predicted wall time (the reference: its eating), or undefined before any cell of `name`. */
  const predict = (name: string, row: Row): number | undefined =>
    name === 'reference' ? costs.medianMs(name, row.n, row.rounds) : costs.cellMs(name, row.n, row.rounds, plan.stop);
  const etaMs = (fromRow: number, fromStrategy: number): number => {
    let leftMs = 0;
    rows.slice(fromRow).forEach((row, index) => {
      leftMs += index === 0 && fromStrategy > 0 ? 0 : predict('reference', row) ?? 0;
      plan.strategies.slice(index === 0 ? fromStrategy : 0).forEach((entry) => (leftMs += predict(entry.name, row) ?? 0));
    });
    return Math.min(leftMs, Math.max(0, plan.budgetMs - spentMs()));
  };
  const skip = (entry: StrategyEntry, row: Row, why: Pick<SkippedCell, 'reason' | 'limit' | 'predictedFrom'>) => {
    const cell = { strategy: entry.name, n: row.n, rounds: row.rounds, ...why };
    report.skipped!.push(cell);
    onProgress({ kind: 'skip', ...cell });
    done++;
  };
  const cakes = new Map<number, Cake>();
  for (const [rowIndex, row] of rows.entries()) {
    if (stop?.aborted) break;
    const { n, rounds } = row;
    const leftMs = () => plan.budgetMs - spentMs();
    const capMs = plan.budgetMs * maxCellShare;
    const referenceMs = predict('reference', row);
    if (referenceMs !== undefined && referenceMs > Math.min(leftMs(), capMs)) {
      const limit = referenceMs > leftMs() ? 'budget left' : 'cell cap';
      const over = limit === 'budget left' ? budgetLeft(leftMs()) : `over the ${roughly(capMs)} a cell may take`;
      const reason = `the CPU twin's reference eating alone would take about ${roughly(referenceMs)}; ${over}`;
      for (const entry of plan.strategies) skip(entry, row, { reason, limit, predictedFrom: 'reference' });
      continue;
    }
    let cake = cakes.get(n);
    if (!cake) {
      cake = bake(n, { order: plan.order, eat: plan.eat });
      cakes.set(n, cake);
      report.copies!.push(measureMemcpy(cake));
      await measureInPlace(report, host, n, plan.poolSize);
    }
    onProgress({ kind: 'reference', n, rounds });
    const referenceStartMs = performance.now();
    const expected = await referenceEaten(plan.eat, cake, rounds, stop); // in turns, so a signal is heard during it
    if (!expected) break;
    const referenceTookMs = performance.now() - referenceStartMs;
    costs.add('reference', { rounds, work: n * rounds, medianMs: referenceTookMs, overheadMs: 0 });
    for (const [strategyIndex, entry] of plan.strategies.entries()) {
      if (stop?.aborted) break;
      const predictedMs = predict(entry.name, row);
      if (predictedMs !== undefined && predictedMs > Math.min(leftMs(), capMs)) {
        const limit = predictedMs > leftMs() ? 'budget left' : 'cell cap';
        const over = limit === 'budget left' ? budgetLeft(leftMs()) : `over the ${roughly(capMs)} a cell may take (1/${1 / maxCellShare} of the budget)`;
        skip(entry, row, { reason: `predicted ${roughly(predictedMs)} from its smaller cells; ${over}`, limit, predictedFrom: 'strategy' });
        continue;
      }
      // A run longer than the sampling limit warms itself up (JIT, first touch are a sliver of it): no warm-up run.
      const predictedRunMs = costs.medianMs(entry.name, n, rounds) ?? 0;
      const stopRule = predictedRunMs > plan.stop.maxTimeMs ? { ...plan.stop, warmupRuns: 0 } : plan.stop;
      const doing = `${entry.name} n=2^${Math.log2(n).toFixed(0)} rounds=${rounds}`;
      onProgress({ kind: 'eta', done, total, elapsedMs: spentMs(), etaMs: etaMs(rowIndex, strategyIndex), doing });
      onProgress({ kind: 'start', strategy: entry.name, n, rounds, done, total });
      const cellStartMs = performance.now();
      const measureCell = () => measureRecord(entry, host, cake, expected, rounds, { ...plan, stop: stopRule }, stop);
      const record = await measureInto(report, measureCell, { strategy: entry.name, n, rounds }, onProgress, ++done, total);
      if (record) {
        const runsMs = record.samplesMs.reduce((sum, ms) => sum + ms, 0) + stopRule.warmupRuns * record.medianMs;
        const overheadMs = Math.max(0, performance.now() - cellStartMs - runsMs);
        costs.add(entry.name, { rounds, work: n * rounds, medianMs: record.medianMs, overheadMs });
      }
    }
    if (!rows.slice(rowIndex + 1).some((later) => later.n === n)) cakes.delete(n); // no later row eats this size
  }
  report.sweep = { budgetMs: plan.budgetMs, spentMs: spentMs() };
  if (stop?.aborted) report.interrupted = { cellsNotMeasured: total - done };
  return report;
}

/** The in-place memory rates at `n` into the report (src/measure/in-place-memory.ts); a failure is listed, never fatal. */
async function measureInPlace(report: BenchReport, host: Host, n: number, poolSize: number): Promise<void> {
  try {
    (report.inPlaceMemory ??= []).push(...(await measureInPlaceMemory(host, n, poolSize)));
  } catch (error) {
    report.failures.push({ strategy: 'in-place memory (stream)', n, rounds: 1, error: error instanceof Error ? error.message : String(error) });
  }
}
