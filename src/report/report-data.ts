// The rows each chart draws, derived from a bench report (parallel-cake/bench@1). No DOM here: the Node
// writer, the browser demo and the tests share it.
import { baselineStrategy, findCrossovers, findWinners, formatSize, type Crossover, type CellWinner } from '../record/crossover.ts';
import type { BenchRecord, BenchReport } from '../record/record.ts';
import { roundsLabel } from '../format/map.ts';
import { quantile } from '../measure/stats.ts';
import { inPhaseOrder } from '../strategy.ts';

export interface TimeRow { strategy: string; n: number; rounds: string; medianMs: number; p10Ms: number; p90Ms: number }
export interface PhaseRow { strategy: string; phase: string; ms: number }
export interface PhaseChart { title: string; rows: PhaseRow[] }
/** kind: a strategy's own copy rate, a measured copy route, or memcpy (the limit): each is drawn its own way. */
export interface CopyRateRow { route: string; n: number; gbPerS: number; kind: 'strategy' | 'route' | 'limit' }
export interface OverheadRow { strategy: string; ms: number; n: number; rounds: number }
/** `what`: the strategy and the kind of start-up cost ('gpu: first dispatch'), one chart row each. */
export interface StartupRow { strategy: string; cost: string; what: string; ms: number }
export interface StartupMedian { strategy: string; what: string; ms: number; count: number }
export interface HeatCell extends CellWinner { size: string; roundsName: string; label: string }
export interface MemoryRow { strategy: string; n: number; rounds: string; megabytesCopied: number; peakRssGrowthMB: number }

export const memcpyRoute = 'memcpy';
const bytesPerMegabyte = 2 ** 20;

/** The rounds values measured, lightest first, as their labels: the order of panels and heat-map rows. */
export function roundsOrder(report: BenchReport): string[] {
  return [...new Set(report.results.map((r) => r.rounds))].sort((a, b) => a - b).map(roundsLabel);
}

/** Every phase name in the report, in the order they happen, so each chart gives a phase the same colour. */
export function phaseNames(report: BenchReport): string[] {
  return inPhaseOrder(report.results.flatMap((r) => Object.keys(r.phasesMs)));
}

export function timeRows(report: BenchReport): TimeRow[] {
  return report.results.map((r) => ({ strategy: r.strategy, n: r.n, rounds: roundsLabel(r.rounds), medianMs: r.medianMs, p10Ms: r.p10Ms, p90Ms: r.p90Ms }));
}

/**
 * One stacked chart per rounds value, at a large size where loop (the baseline every strategy is held
 * against) and most strategies were measured: the phases of each strategy's median run
 * (negative `unattributed` where phases overlap).
 */
export function phaseCharts(report: BenchReport): PhaseChart[] {
  const roundsValues = [...new Set(report.results.map((r) => r.rounds))].sort((a, b) => a - b);
  return roundsValues.map((rounds) => {
    const atRounds = report.results.filter((r) => r.rounds === rounds);
    const strategyCount = new Set(atRounds.map((r) => r.strategy)).size;
    const measuredAt = (n: number) => atRounds.filter((r) => r.n === n);
    // The largest size with loop and at least half the strategies: a sweep's budget leaves the largest sizes
    // to loop alone, and a size with one bar compares nothing.
    const candidates = atRounds
      .filter((r) => r.strategy === baselineStrategy && measuredAt(r.n).length >= Math.ceil(strategyCount / 2))
      .map((r) => r.n);
    const n = Math.max(...(candidates.length > 0 ? candidates : atRounds.map((r) => r.n)));
    const rows = atRounds
      .filter((r) => r.n === n)
      .flatMap((r) => Object.entries(r.phasesMs).map(([phase, ms]) => ({ strategy: r.strategy, phase, ms })));
    return { title: `${roundsLabel(rounds)}, n = ${formatSize(n)}`, rows };
  });
}

/** The time one eating spends moving data: the phases that are not eating (pools: send + receive; GPU: upload + readback). */
function copyMs(record: BenchRecord): number {
  const copyPhases = ['send', 'receive', 'upload', 'readback'];
  return copyPhases.reduce((sum, phase) => sum + (record.phasesMs[phase] ?? 0), 0);
}

/**
 * Copy GB/s per route and size: each copying strategy at the lightest rounds measured (bytes copied / time in
 * its copy phases), plus every measured copy record (memcpy, the limit; GPU routes when they come).
 */
export function copyRateRows(report: BenchReport): CopyRateRow[] {
  const lightest = Math.min(...report.results.map((r) => r.rounds));
  const routes = report.results
    .filter((r) => r.rounds === lightest && (r.bytesCopied ?? 0) > 0 && copyMs(r) > 0)
    .map((r) => ({ route: r.strategy, n: r.n, gbPerS: r.bytesCopied! / (copyMs(r) * 1e6), kind: 'strategy' as const }));
  const copies = (report.copies ?? []).map((c) => ({ route: c.route, n: c.n, gbPerS: c.gbPerS, kind: c.route === memcpyRoute ? ('limit' as const) : ('route' as const) }));
  return [...routes, ...copies];
}

/**
 * Slice-rounds up to which an eating is almost nothing next to its dispatch: a sweep's first cell (2^10 slices)
 * at medium is 2^16. A lone eating of 2^16 slices at medium (2^22) times the eating, not the overhead.
 */
export const almostNothing = 2 ** 16;

/** The cell the dispatch-overhead chart reads: the smallest size measured, at its lightest rounds. */
export interface OverheadCell { n: number; rounds: number; isAlmostNothing: boolean }

export function overheadCell(report: BenchReport): OverheadCell | undefined {
  if (report.results.length === 0) return undefined;
  const n = Math.min(...report.results.map((r) => r.n));
  const rounds = Math.min(...report.results.filter((r) => r.n === n).map((r) => r.rounds));
  return { n, rounds, isAlmostNothing: n * rounds <= almostNothing };
}

/**
 * What one eating costs when there is almost nothing to eat: each strategy's median at the overhead cell, the
 * same cell for all so they compare; none when even that cell is a real eating.
 */
export function overheadRows(report: BenchReport): OverheadRow[] {
  const cell = overheadCell(report);
  if (!cell?.isAlmostNothing) return [];
  return report.results
    .filter((r) => r.n === cell.n && r.rounds === cell.rounds)
    .map((r) => ({ strategy: r.strategy, ms: r.medianMs, n: r.n, rounds: r.rounds }));
}

export function startupRows(report: BenchReport): StartupRow[] {
  return report.startup.map((s) => {
    const cost = s.name.replace(/\s*\(.*\)$/, '');
    return { strategy: s.strategy, cost, what: `${s.strategy}: ${cost}`, ms: s.ms };
  });
}

/**
 * The median of each kind of start-up cost per strategy: a GPU's adapter request (about 12 ms) and its first
 * dispatch (about 1 ms) are different costs, and a median across them measures nothing.
 */
export function startupMedians(report: BenchReport): StartupMedian[] {
  const byWhat = new Map<string, StartupRow[]>(); // Map.groupBy needs Node 21
  for (const row of startupRows(report)) byWhat.set(row.what, [...(byWhat.get(row.what) ?? []), row]);
  return [...byWhat].map(([what, rows]) => ({ strategy: rows[0]!.strategy, what, ms: quantile(rows.map((r) => r.ms).sort((a, b) => a - b), 0.5), count: rows.length }));
}

/** Bytes copied and peak memory growth per record, in MiB, at the lightest rounds. */
export function memoryRows(report: BenchReport): MemoryRow[] {
  const lightest = Math.min(...report.results.map((r) => r.rounds));
  return report.results
    .filter((r) => r.rounds === lightest)
    .map((r) => ({
      strategy: r.strategy,
      n: r.n,
      rounds: roundsLabel(r.rounds),
      megabytesCopied: (r.bytesCopied ?? 0) / bytesPerMegabyte,
      peakRssGrowthMB: (r.peakRssGrowthBytes ?? 0) / bytesPerMegabyte,
    }));
}

/** The winner of every (n, rounds) cell, labelled with its speed-up over loop. */
export function heatCells(report: BenchReport): HeatCell[] {
  return findWinners(report.results).map((w) => ({
    ...w,
    size: formatSize(w.n),
    roundsName: roundsLabel(w.rounds),
    label: w.speedUpOverLoop !== undefined ? `${w.speedUpOverLoop.toFixed(1)}x` : '',
  }));
}

export function crossovers(report: BenchReport): Crossover[] {
  return findCrossovers(report.results);
}
