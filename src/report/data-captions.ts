// Captions for the charts whose subject a report may lack: they say what was plotted, or why nothing was,
// rather than show an empty frame (memory in a browser, one size) or pass a large eating off as overhead.
import { formatSize } from '../record/crossover.ts';
import type { BenchReport } from '../record/record.ts';
import { roundsLabel } from '../format/map.ts';
import { memoryRows, overheadCell, type MemoryRow } from './report-data.ts';

/** A page cannot read its memory, so a browser's report has no memoryMeasure (src/measure/environment.ts). */
const isMemoryMeasured = (report: BenchReport) => report.environment.memoryMeasure !== undefined;
const notMeasured = 'peak memory growth is not measured in a browser (a page cannot read its memory)';

const copies = (rows: MemoryRow[]) => rows.filter((r) => r.megabytesCopied > 0);
const amount = (megabytes: number) => (megabytes >= 1 ? `${megabytes.toFixed(1)} MiB` : `${(megabytes * 1024).toFixed(1)} KiB`);

/** Whether the memory chart has a mark to draw: a copy line needs two sizes, a growth circle a measured growth. */
export function hasMemoryToDraw(report: BenchReport): boolean {
  const rows = memoryRows(report);
  const sizesCopied = (strategy: string) => new Set(copies(rows).filter((r) => r.strategy === strategy).map((r) => r.n)).size;
  return rows.some((r) => r.peakRssGrowthMB > 0 || sizesCopied(r.strategy) >= 2);
}

export function memoryCaption(report: BenchReport): string {
  const lines = 'Per strategy and size (lightest eat cost), log scale: MiB copied to and from the eaters in one eating (lines; strategies that copy nothing, like loop and pool-shared, have none)';
  if (hasMemoryToDraw(report)) {
    return isMemoryMeasured(report)
      ? `${lines} and peak RSS growth while measured (circles; RSS rarely shrinks, so growth shows where memory was first needed).`
      : `${lines}. Only bytes copied are drawn: ${notMeasured}.`;
  }
  // Nothing to draw: say what is known (the bytes each copying strategy moved) and what would draw a chart.
  const rows = memoryRows(report);
  const sizes = [...new Set(copies(rows).map((r) => r.n))].sort((a, b) => a - b);
  const copied = sizes.map((n) => `at n = ${formatSize(n)}, ${copies(rows).filter((r) => r.n === n).map((r) => `${r.strategy} ${amount(r.megabytesCopied)}`).join(', ')}`);
  const none = [...new Set(rows.map((r) => r.strategy))].filter((strategy) => !copies(rows).some((r) => r.strategy === strategy));
  const growth = isMemoryMeasured(report) ? 'no record grew the memory' : notMeasured;
  const copiedNothing = none.length > 0 ? `${none.join(', ')} copied nothing to their eaters` : '';
  if (copied.length === 0) return `No chart: ${copiedNothing}, and ${growth}. Eat with pool-copy, pool-transfer or gpu to see what passing the cake costs.`;
  return [
    `No chart yet: copies draw as lines across cake sizes, and each copying strategy was measured at one size only; ${growth}.`,
    `Copied per eating ${copied.join('; ')}.`,
    copiedNothing ? `${copiedNothing}.` : '',
    'A sweep draws how copies grow with the cake.',
  ].filter(Boolean).join(' ');
}

export function overheadCaption(report: BenchReport): string {
  const cell = overheadCell(report);
  if (!cell) return 'Nothing measured yet.';
  const where = `n = ${formatSize(cell.n)}, ${roundsLabel(cell.rounds)}`;
  if (!cell.isAlmostNothing) {
    return `No small-cake measurement yet: the smallest cell measured (${where}) is a real eating, so its times would show the eating, not the overhead. Run a sweep (it starts at 2^10 slices) to see what any eating pays before the work starts.`;
  }
  return `Median time of each strategy at the smallest, lightest cell measured (${where}): what any eating pays before the work starts (log scale).`;
}
