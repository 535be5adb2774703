// Predicts what a sweep's next cell will cost from the cells already measured, so the sweep can stay within
// its budget and say why it skipped a cell.
import type { StopRule } from './run.ts';

/**
 * No cell may take more than this share of the whole budget: without it one slow cell (a message per slice
 * at 2^22 slices: 30 s a run) ate half a sweep and starved the cheap cells of the other strategies. Here, not
 * in sweep.ts, so the report page can name the cap without bundling the sweep.
 */
export const maxCellShare = 1 / 12;

/** What one measured cell cost. */
export interface CellCost {
  rounds: number;
  work: number; // n * rounds
  medianMs: number;
  overheadMs: number; // prepare, warm-up bookkeeping, dispose: the cell's wall time beyond its runs
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

/** The measured cells of each strategy (and of the CPU twin's reference eating), and predictions from them. */
export class CostModel {
  private readonly cells = new Map<string, CellCost[]>();

  add(name: string, cost: CellCost): void {
    this.cells.set(name, [...(this.cells.get(name) ?? []), cost]);
  }

  /** One eating's predicted median at (n, rounds); undefined before any cell of `name`. */
  medianMs(name: string, n: number, rounds: number): number | undefined {
    return predictMedianMs(cellsLike(this.cells.get(name) ?? [], rounds), n * rounds);
  }

  /** The predicted wall time of a whole cell under `stop`; undefined before any cell of `name`. */
  cellMs(name: string, n: number, rounds: number, stop: StopRule): number | undefined {
    const similar = cellsLike(this.cells.get(name) ?? [], rounds);
    const medianMs = predictMedianMs(similar, n * rounds);
    return medianMs === undefined ? undefined : cellMs(medianMs, similar.at(-1)?.overheadMs ?? 0, stop);
  }
}
