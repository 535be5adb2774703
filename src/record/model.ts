// A cost model per strategy, fitted from its records: time = fixed + bytes moved x cost per byte + slice-rounds x
// cost per slice-round, for the whole eating and for each phase it measured (a GPU's upload, kernel, readback).
//
// Why a plain least-squares of our own and no statistics library: three unknowns, at most a few dozen records; the
// normal equations are a 3x3 solve. Each record is weighted by 1 / its time, so the fit minimises *relative*
// error: a sweep's times span six orders of magnitude, and unweighted the largest cake would decide every cost.
// Costs are never negative, so the fit is non-negative least squares, solved exactly by trying each of the seven
// subsets of the three costs and keeping the best fit whose costs are all >= 0 (exhaustive NNLS; cheap at 3).
import type { BenchRecord } from './record.ts';
import type { Costs, Fit, StrategyModel } from './explained.ts';

/** Bytes one eating of one slice moves when the eat does not say (a u32 read and written). */
export const defaultBytesPerSlice = 8;

/** One observation: a cake of n slices eaten `rounds` rounds in `ms`. */
export interface Point {
  n: number;
  rounds: number;
  ms: number;
}

/** Predicted ms of one eating of n slices at `rounds` under `costs`. */
export function predictMs(costs: Costs, n: number, rounds: number, bytesPerSlice = defaultBytesPerSlice): number {
  return costs.fixedMs + (n * bytesPerSlice * costs.nsPerByte + n * rounds * costs.nsPerSliceRound) / 1e6;
}

/** Solves a small linear system by Gaussian elimination with partial pivoting; undefined when it is singular. */
function solve(matrix: number[][], vector: number[]): number[] | undefined {
  const size = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  const scale = Math.max(...matrix.flat().map(Math.abs), 1e-300);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < scale * 1e-12) return undefined; // collinear columns: one rounds value, say
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= size; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[size]! / row[i]!);
}

/** Fits fixed, per-byte and per-slice-round costs to `points`; undefined with no point of positive time. */
export function fitCosts(points: readonly Point[], bytesPerSlice = defaultBytesPerSlice): Fit | undefined {
  const usable = points.filter((p) => p.ms > 0 && Number.isFinite(p.ms));
  if (usable.length === 0) return undefined;
  // Columns in ms: 1, bytes x 1e-6 (ns -> ms), slice-rounds x 1e-6; each row divided by its measured time.
  const columns = (p: Point) => [1, (p.n * bytesPerSlice) / 1e6, (p.n * p.rounds) / 1e6];
  let best: { costs: number[]; error: number } | undefined;
  for (let subset = 1; subset < 8; subset++) {
    const used = [0, 1, 2].filter((k) => subset & (1 << k));
    if (used.length > usable.length) continue;
    const rows = usable.map((p) => used.map((k) => columns(p)[k]! / p.ms));
    const normal = used.map((_, i) => used.map((_, j) => rows.reduce((sum, row) => sum + row[i]! * row[j]!, 0)));
    const right = used.map((_, i) => rows.reduce((sum, row) => sum + row[i]!, 0)); // target: 1 (= ms / ms)
    const solved = solve(normal, right);
    if (!solved || solved.some((c) => c < 0 || !Number.isFinite(c))) continue;
    const costs = [0, 0, 0];
    used.forEach((k, i) => (costs[k] = solved[i]!));
    const error = usable.reduce((sum, p) => sum + (columns(p).reduce((t, c, k) => t + c * costs[k]!, 0) / p.ms - 1) ** 2, 0);
    if (!best || error < best.error - 1e-15) best = { costs, error };
  }
  if (!best) return undefined;
  const [fixedMs, nsPerByte, nsPerSliceRound] = best.costs as [number, number, number];
  const errors = usable.map((p) => Math.abs(predictMs({ fixedMs, nsPerByte, nsPerSliceRound }, p.n, p.rounds, bytesPerSlice) / p.ms - 1));
  return {
    fixedMs, nsPerByte, nsPerSliceRound, points: usable.length,
    rmsErrorPercent: 100 * Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length),
    maxErrorPercent: 100 * Math.max(...errors),
  };
}

/** The model of each strategy in `records` (their medians, and each measured phase), in the records' order. */
export function fitModels(records: readonly BenchRecord[], bytesPerSlice = defaultBytesPerSlice): StrategyModel[] {
  const strategies = [...new Set(records.map((r) => r.strategy))];
  return strategies.flatMap((strategy) => {
    const own = records.filter((r) => r.strategy === strategy);
    // One size cannot tell a fixed cost from a cost per slice: such a fit would call every millisecond fixed.
    if (new Set(own.map((r) => r.n)).size < 2) return [];
    const whole = fitCosts(own.map((r) => ({ n: r.n, rounds: r.rounds, ms: r.medianMs })), bytesPerSlice);
    if (!whole) return [];
    const phases: Record<string, Fit> = {};
    for (const phase of new Set(own.flatMap((r) => Object.keys(r.phasesMs)))) {
      if (phase === 'unattributed') continue;
      const fit = fitCosts(own.map((r) => ({ n: r.n, rounds: r.rounds, ms: r.phasesMs[phase] ?? 0 })), bytesPerSlice);
      if (fit) phases[phase] = fit;
    }
    const ns = own.map((r) => r.n);
    const rounds = own.map((r) => r.rounds);
    return [{ strategy, bytesPerSlice, ...whole, minN: Math.min(...ns), maxN: Math.max(...ns), minRounds: Math.min(...rounds), maxRounds: Math.max(...rounds), phases }];
  });
}
