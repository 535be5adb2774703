// Sweeps sizes x rounds x strategies inside a time budget, cheapest work first, so that an interrupted or
// budget-cut sweep still holds a complete map of the small cakes. Never prints: progress is an event.
import { bake } from '../cake.ts';
import type { Host } from '../host.ts';
import type { StrategyEntry } from '../strategy.ts';
import { measureMemcpy } from './memcpy.ts';
import type { BenchReport, Environment, SkippedCell } from './record.ts';
import { schema } from './record.ts';
import type { StopRule } from './run.ts';
import { measureRecord, type Plan, type Progress } from './suite.ts';
import { expectedEaten } from './verify.ts';

/** 2^10 ... 2^24: from a cake whose eating is all overhead to one that fills the caches many times over. */
export const sweepSizes = Array.from({ length: 15 }, (_, k) => 2 ** (10 + k));
export const sweepRounds = [1, 64, 1024]; // light, medium, heavy
/** A full sweep on a 2-core machine with a software GPU then ends within about 5 minutes, overruns included. */
export const defaultBudgetMs = 240_000;
/** Fewer runs than a plain bench: a sweep wants many cells; the spread in each record says how sure it is. */
export const sweepStopRule: StopRule = { warmupRuns: 1, minRuns: 5, minTimeMs: 20, maxTimeMs: 500 };
/**
 * No cell may take more than this share of the whole budget: without it one slow cell (a message per slice
 * at 2^22 slices: 30 s a run) ate half a sweep and starved the cheap cells of the other strategies.
 */
export const maxCellShare = 1 / 12;

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

/** What one measured cell cost, to predict the next ones. */
export interface CellCost {
  rounds: number;
  work: number; // n * rounds
  medianMs: number;
  overheadMs: number; // prepare, warm-up bookkeeping, dispose: the cell's wall time beyond its runs
}

/** Rows in order of work (n * rounds), lighter rounds first on ties: the cheapest cells come first. */
export function sweepOrder(sizes: readonly number[], rounds: readonly number[]): Row[] {
  const rows = sizes.flatMap((n) => rounds.map((r) => ({ n, rounds: r })));
  return rows.sort((a, b) => a.n * a.rounds - b.n * b.rounds || a.rounds - b.rounds);
}

/**
 * Predicts one eating's median at `work` from measured cells: affine through the two largest, never below
 * the largest measured median (overheads do not shrink), linear when there is only one.
 */
export function predictMedianMs(cells: readonly CellCost[], work: number): number | undefined {
  const sorted = [...cells].sort((a, b) => a.work - b.work);
  const last = sorted.at(-1);
  if (!last) return undefined;
  const before = sorted.at(-2);
  const slope = before && last.work > before.work ? (last.medianMs - before.medianMs) / (last.work - before.work) : 0;
  const affineMs = slope > 0 ? last.medianMs + slope * (work - last.work) : (last.medianMs * work) / last.work;
  return Math.max(affineMs, last.medianMs);
}

/**
 * The cells to predict from at `rounds`: those at the same rounds when there are any, since cost does not
 * scale with n x rounds for every strategy (a message per slice costs the same at 1 round and 1024). Else all,
 * whose linear scaling in work overestimates, which only skips too early.
 */
function cellsLike(cells: readonly CellCost[], rounds: number): CellCost[] {
  const same = cells.filter((cell) => cell.rounds === rounds);
  return same.length > 0 ? same : [...cells];
}

/** Wall time one cell takes under `stop` when an eating takes `medianMs`: warm-up, sampling, overhead. */
export function cellMs(medianMs: number, overheadMs: number, stop: StopRule): number {
  const samplingMs = Math.min(Math.max(stop.minRuns * medianMs, stop.minTimeMs), Math.max(stop.maxTimeMs, medianMs));
  return overheadMs + stop.warmupRuns * medianMs + samplingMs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
  const report: BenchReport = { schema, environment, results: [], startup: [], failures: [], copies: [], skipped: [] };
  const rows = sweepOrder(plan.sizes, plan.rounds);
  const costs = new Map<string, CellCost[]>(); // per strategy, and 'reference' for the CPU twin
  const total = rows.length * plan.strategies.length;
  const startMs = performance.now();
  const spentMs = () => performance.now() - startMs;
  let done = 0;
  /** A cell's predicted wall time (the reference: its eating), or undefined before any cell of `name`. */
  const predict = (name: string, row: Row): number | undefined => {
    const cells = cellsLike(costs.get(name) ?? [], row.rounds);
    const medianMs = predictMedianMs(cells, row.n * row.rounds);
    if (medianMs === undefined) return undefined;
    const overheadMs = cells.at(-1)?.overheadMs ?? 0;
    return name === 'reference' ? medianMs : cellMs(medianMs, overheadMs, plan.stop);
  };
  const etaMs = (fromRow: number, fromStrategy: number): number => {
    let leftMs = 0;
    rows.slice(fromRow).forEach((row, index) => {
      leftMs += index === 0 && fromStrategy > 0 ? 0 : predict('reference', row) ?? 0;
      plan.strategies.slice(index === 0 ? fromStrategy : 0).forEach((entry) => (leftMs += predict(entry.name, row) ?? 0));
    });
    return Math.min(leftMs, Math.max(0, plan.budgetMs - spentMs()));
  };
  const skip = (entry: StrategyEntry, row: Row, reason: string) => {
    const cell = { strategy: entry.name, n: row.n, rounds: row.rounds, reason };
    report.skipped!.push(cell);
    onProgress({ kind: 'skip', ...cell });
    done++;
  };
  const cakes = new Map<number, Uint32Array>();
  for (const [rowIndex, row] of rows.entries()) {
    if (stop?.aborted) break;
    const { n, rounds } = row;
    const leftMs = () => plan.budgetMs - spentMs();
    const capMs = plan.budgetMs * maxCellShare;
    const referenceMs = predict('reference', row);
    if (referenceMs !== undefined && referenceMs > Math.min(leftMs(), capMs)) {
      const limit = referenceMs > leftMs() ? `${seconds(Math.max(0, leftMs()))} of the budget left` : `over the ${seconds(capMs)} a cell may take`;
      const reason = `the CPU twin's reference eating alone would take about ${seconds(referenceMs)}; ${limit}`;
      for (const entry of plan.strategies) skip(entry, row, reason);
      continue;
    }
    let cake = cakes.get(n);
    if (!cake) {
      cake = bake(n, { order: plan.order });
      cakes.set(n, cake);
      report.copies!.push(measureMemcpy(cake));
    }
    onProgress({ kind: 'reference', n, rounds });
    const referenceStartMs = performance.now();
    const expected = expectedEaten(cake, rounds);
    const referenceTookMs = performance.now() - referenceStartMs;
    costs.set('reference', [...(costs.get('reference') ?? []), { rounds, work: n * rounds, medianMs: referenceTookMs, overheadMs: 0 }]);
    for (const [strategyIndex, entry] of plan.strategies.entries()) {
      if (stop?.aborted) break;
      const predictedMs = predict(entry.name, row);
      if (predictedMs !== undefined && predictedMs > Math.min(leftMs(), capMs)) {
        const limit = predictedMs > leftMs() ? `${seconds(Math.max(0, leftMs()))} of the budget left` : `over the ${seconds(capMs)} a cell may take (1/${1 / maxCellShare} of the budget)`;
        skip(entry, row, `predicted ${seconds(predictedMs)} from its smaller cells; ${limit}`);
        continue;
      }
      // A run longer than the sampling limit warms itself up (JIT, first touch are a sliver of it): no warm-up run.
      const predictedRunMs = predictMedianMs(cellsLike(costs.get(entry.name) ?? [], rounds), n * rounds) ?? 0;
      const stopRule = predictedRunMs > plan.stop.maxTimeMs ? { ...plan.stop, warmupRuns: 0 } : plan.stop;
      const doing = `${entry.name} n=2^${Math.log2(n).toFixed(0)} rounds=${rounds}`;
      onProgress({ kind: 'eta', done, total, elapsedMs: spentMs(), etaMs: etaMs(rowIndex, strategyIndex), doing });
      onProgress({ kind: 'start', strategy: entry.name, n, rounds, done, total });
      const cellStartMs = performance.now();
      try {
        const { record, startup } = await measureRecord(entry, host, cake, expected, rounds, { ...plan, stop: stopRule });
        const runsMs = record.samplesMs.reduce((sum, ms) => sum + ms, 0) + stopRule.warmupRuns * record.medianMs;
        const overheadMs = Math.max(0, performance.now() - cellStartMs - runsMs);
        costs.set(entry.name, [...(costs.get(entry.name) ?? []), { rounds, work: n * rounds, medianMs: record.medianMs, overheadMs }]);
        report.results.push(record);
        report.startup.push(...startup);
        onProgress({ kind: 'record', record, done: ++done, total });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.failures.push({ strategy: entry.name, n, rounds, error: message });
        onProgress({ kind: 'failure', strategy: entry.name, n, rounds, error: message });
        done++;
      }
    }
    if (!rows.slice(rowIndex + 1).some((later) => later.n === n)) cakes.delete(n); // no later row eats this size
  }
  report.sweep = { budgetMs: plan.budgetMs, spentMs: spentMs() };
  if (stop?.aborted) report.interrupted = { cellsNotMeasured: total - done };
  return report;
}
