// Formats reports: the table for people, JSON and CSV for machines. The only module that formats results.
import { kernelClockOf } from '../gpu/kernel-clock.ts';
import type { BenchRecord, BenchReport, StartupRecord } from '../record/record.ts';
import { inPhaseOrder } from '../strategy.ts';

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** Bytes as MiB with one decimal; '-' where the record has no figure. */
function mebibytes(bytes: number | undefined): string {
  return bytes === undefined ? '-' : (bytes / 2 ** 20).toFixed(1);
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : '-';
}

function phaseList(record: BenchRecord): string {
  return inPhaseOrder(Object.keys(record.phasesMs)).map((name) => `${name} ${ms(record.phasesMs[name]!)}`).join(', ');
}

/** Speed-up of each record over `loop` on the same n and rounds, when loop was measured. */
function speedUp(report: BenchReport, record: BenchRecord): string {
  const loop = report.results.find((r) => r.strategy === 'loop' && r.n === record.n && r.rounds === record.rounds);
  return loop ? `${(loop.medianMs / record.medianMs).toFixed(2)}x` : '-';
}

function align(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()).join('\n');
}

export const recordHeader = ['strategy', 'n', 'rounds', 'median ms', 'p10-p90 ms', 'spread', 'ns/slice-round', 'vs loop', 'copied MiB', 'peak RSS +MiB', 'runs', 'checksum'];

/** One record as the table's cells, under recordHeader: the terminal and the HTML report show the same figures. */
export function recordCells(report: BenchReport, r: BenchRecord): string[] {
  return [
    r.schedule && r.schedule !== 'static' ? `${r.strategy} ${r.schedule}` : r.strategy,
    String(r.n),
    String(r.rounds),
    ms(r.medianMs),
    `${ms(r.p10Ms)}-${ms(r.p90Ms)}`,
    r.runs < 2 ? '- (1 run)' : percent(r.spread), // one run has no spread to show, not a 0% one
    r.nsPerSliceRound.toPrecision(3),
    speedUp(report, r),
    mebibytes(r.bytesCopied),
    mebibytes(r.peakRssGrowthBytes),
    String(r.runs),
    `${r.checksum} ${r.verified ? 'ok' : 'NOT VERIFIED'}`,
  ];
}

/** The human table: one line per record, then start-up costs, failures and the environment. */
export function formatTable(report: BenchReport): string {
  const rows = report.results.map((r) => recordCells(report, r));
  const lines = [align([recordHeader, ...rows]), ''];
  lines.push('Phases of the median run (ms; unattributed = wall - phases, negative where phases overlap: pools send while');
  lines.push("friends eat; a GPU kernel timed by timestamp-query may run during encode, before the wall-clock wait begins):");
  for (const r of report.results) lines.push(`  ${r.strategy} n=${r.n} rounds=${r.rounds}: ${phaseList(r)}  [${r.clock}]`);
  lines.push(...imbalanceLines(report.results));
  if (report.startup.length > 0) {
    lines.push('', 'Start-up costs (paid once, not in the times above):');
    // A sweep starts friends for every cell: one line per kind of start, with its median and range.
    const starts = new Map<string, StartupRecord[]>(); // Map.groupBy needs Node 21
    for (const s of report.startup) starts.set(`${s.strategy}: ${s.name}`, [...(starts.get(`${s.strategy}: ${s.name}`) ?? []), s]);
    for (const [what, all] of starts) {
      const sorted = all.map((s) => s.ms).sort((a, b) => a - b);
      const range = sorted.length > 1 ? ` (median of ${sorted.length}; ${ms(sorted[0]!)}-${ms(sorted.at(-1)!)})` : '';
      lines.push(`  ${what}: ${ms(sorted[Math.floor((sorted.length - 1) / 2)]!)} ms${range}`);
    }
  }
  if (report.failures.length > 0) {
    lines.push('', 'FAILED (no timing recorded):');
    for (const f of report.failures) lines.push(`  ${f.strategy} n=${f.n} rounds=${f.rounds}: ${f.error}`);
  }
  const env = report.environment;
  const eat = env.eat;
  const twin = eat ? `the CPU twin of ${eat.name} (${eat.element}, ${eat.from}, sources #${eat.eatHash}; ${eat.comparison})` : 'the CPU twin';
  const errors = report.results.filter((r) => r.largestError).map((r) => `${r.strategy} n=${r.n} rounds=${r.rounds} ${r.largestError!.ulps} ulps (${r.largestError!.absolute.toPrecision(2)} absolute)`);
  if (errors.length > 0) lines.push('', `Largest difference from the CPU twin over every run: ${errors.join('; ')}.`);
  lines.push('', `Every run verified slice by slice against ${twin}. ${env.runtime}, ${env.cpus} x${env.cores}; wall clock performance.now (step ${ms(env.hostClock.resolutionMs)} ms).`);
  if (env.memoryMeasure) lines.push(`Peak RSS +MiB: ${env.memoryMeasure}.`);
  return lines.join('\n');
}

/** How evenly friends shared each pool record's median run: busy times, imbalance, idle share, ideal. */
function imbalanceLines(records: BenchRecord[]): string[] {
  const pools = records.filter((r) => r.friendsBusyMs);
  if (pools.length === 0) return [];
  const lines = ['', 'How friends shared the median run (busy = eating, timed by each friend; imbalance = slowest / mean busy;', 'ideal = total busy / friends, beside the wall time):'];
  for (const r of pools) {
    const busy = r.friendsBusyMs!.map(ms).join(' / ');
    lines.push(`  ${r.strategy} ${r.schedule ?? ''} n=${r.n} rounds=${r.rounds}: busy ${busy} ms, imbalance ${r.imbalance!.toFixed(2)}, idle ${percent(r.idleShare!)}, ideal ${ms(r.idealMs!)} ms = ${r.percentOfIdeal!.toFixed(0)}% of wall ${ms(r.medianMs)} ms`);
  }
  return lines;
}

export function toJson(report: BenchReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const csvColumns = ['strategy', 'n', 'rounds', 'cake', 'poolSize', 'medianMs', 'minMs', 'p10Ms', 'p90Ms', 'spread', 'runs', 'nsPerSliceRound', 'bytesCopied', 'peakRssGrowthBytes', 'peakArrayBufferGrowthBytes', 'clock', 'checksum', 'verified'] as const;
/** GPU settings, after the phases so no older column moves; empty for CPU strategies. */
const gpuCsvColumns = ['adapter', 'workgroupSize', 'kernel', 'tuned', 'uploadRoute', 'wait'] as const;
/** The eat function, after the kernel clock (added later, so no older column moves). */
const eatCsvColumns = ['eat', 'element', 'eatHash', 'comparison'] as const;
/** Pools' schedule and how evenly friends shared the median run, after the largest error (added later). */
const shareCsvColumns = ['schedule', 'imbalance', 'idleShare', 'idealMs', 'percentOfIdeal'] as const;

/** A CSV field, quoted where it holds a comma, quote or line break (adapter names and clocks do). */
function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per record; phases become phase_<name>_ms columns; then the GPU's settings and its kernel clock. */
export function toCsv(report: BenchReport): string {
  const phaseNames = inPhaseOrder(report.results.flatMap((r) => Object.keys(r.phasesMs)));
  // 'kernelClock', not a second 'clock': that column already holds each record's clock sentence.
  const header = [...csvColumns, ...phaseNames.map((name) => `phase_${name}_ms`), ...gpuCsvColumns, 'kernelClock', ...eatCsvColumns, 'largestErrorUlps', 'largestErrorAbsolute', ...shareCsvColumns, 'friendsBusyMs'];
  const rows = report.results.map((r) => [
    ...csvColumns.map((column) => r[column]),
    ...phaseNames.map((name) => r.phasesMs[name]),
    ...gpuCsvColumns.map((column) => r[column]),
    kernelClockOf(r),
    ...eatCsvColumns.map((column) => r[column]),
    r.largestError?.ulps,
    r.largestError?.absolute,
    ...shareCsvColumns.map((column) => r[column]),
    r.friendsBusyMs?.join(' '),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
