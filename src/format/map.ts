// Formats the break-even map, a sweep's summary and skipped cells, and a comparison for people (report.ts formats records).
import type { CompareResult } from '../record/compare.ts';
import { describeBreakEven, findCrossovers, findWinners, formatSize } from '../record/crossover.ts';
import type { BenchReport, SkippedCell } from '../record/record.ts';
import { maxCellShare } from '../measure/sweep-costs.ts';
import { printable } from './printable.ts';

const roundsNames: Record<number, string> = { 1: 'light', 64: 'medium', 1024: 'heavy' };
export const roundsLabel = (rounds: number) => (roundsNames[rounds] ? `${roundsNames[rounds]} (${rounds})` : `rounds ${rounds}`);

function align(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** n* per strategy (rows) and rounds (columns), then the winner of every cell. */
export function formatBreakEven(report: BenchReport): string {
  const crossovers = findCrossovers(report.results);
  if (crossovers.length === 0) return 'Break-even: no size has both loop and another strategy measured.';
  const roundsValues = [...new Set(crossovers.map((c) => c.rounds))].sort((a, b) => a - b);
  const strategies = [...new Set(crossovers.map((c) => c.strategy))];
  const header = ['n* (beats loop from)', ...roundsValues.map(roundsLabel)];
  const rows = strategies.map((strategy) => [
    strategy,
    ...roundsValues.map((rounds) => {
      const crossover = crossovers.find((c) => c.strategy === strategy && c.rounds === rounds);
      return crossover ? describeBreakEven(crossover.breakEven) : 'not measured';
    }),
  ]);
  const lines = ['Break-even vs loop (n* log-interpolated between measured sizes):', align([header, ...rows]), ''];
  lines.push('Winner of each cell (speed-up over loop):');
  for (const rounds of roundsValues) {
    const winners = findWinners(report.results).filter((w) => w.rounds === rounds);
    const cells = winners.map((w) => `${formatSize(w.n)} ${w.strategy}${w.speedUpOverLoop ? ` ${w.speedUpOverLoop.toFixed(2)}x` : ''}`);
    lines.push(`  ${roundsLabel(rounds)}: ${cells.join(' | ')}`);
  }
  return lines.join('\n');
}

/** '20.0 s' */
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The sweep's headline: records, what the sweep spent of its budget and, when the CLI counted them, what ran
 * outside it (GPU cost measurements after the sweep, start-up), so the wall time printed is the true one.
 */
function sweepHeadline(report: BenchReport): string {
  const { budgetMs, spentMs, gpuCostsMs, gpuCostSizesLeftOut, totalMs } = report.sweep!;
  const inBudgetMs = spentMs + (gpuCostsMs ?? 0);
  const gpuCosts = gpuCostsMs === undefined ? '' : ` (${seconds(spentMs)} eating, ${seconds(gpuCostsMs)} measuring GPU copy routes, dispatch overhead and timestamps)`;
  const leftOut = gpuCostSizesLeftOut?.length ? `; GPU copy routes not measured at ${gpuCostSizesLeftOut.map((n) => `2^${Math.log2(n).toFixed(0)}`).join(', ')}, for the budget` : '';
  const line = `Sweep: ${report.results.length} records in ${seconds(inBudgetMs)} of a ${(budgetMs / 1000).toFixed(0)} s budget${gpuCosts}${leftOut}`;
  if (totalMs === undefined) return `${line}.`;
  const outside = [
    `${seconds(Math.max(0, totalMs - inBudgetMs))} starting up (Node, the adapter, the clock probe)`,
  ];
  return `${line}; ${seconds(totalMs)} in all from the process's start to this summary, with ${outside.join(', ')}.`;
}

/** Why a group of cells was skipped, in words; `capMs` is the most one cell may take. */
function groupName(cell: SkippedCell, capMs: number | undefined): string {
  if (!cell.limit || !cell.predictedFrom) return 'for other reasons';
  const limit = cell.limit === 'budget left' ? 'over the budget left' : `over the ${capMs === undefined ? 'time' : seconds(capMs)} one cell may take`;
  return cell.predictedFrom === 'reference' ? `${limit} by the CPU twin's reference eating alone (whole rows)` : `${limit}, predicted from the strategy's smaller cells`;
}

/** Which sizes of one strategy a group skipped, per rounds: 'light at 2^16..2^24, heavy at 2^12..2^24'. */
function skippedSpans(cells: readonly SkippedCell[]): string {
  const roundsValues = [...new Set(cells.map((cell) => cell.rounds))].sort((a, b) => a - b);
  return roundsValues
    .map((rounds) => {
      const sizes = cells.filter((cell) => cell.rounds === rounds).map((cell) => cell.n).sort((a, b) => a - b);
      const span = sizes.length === 1 ? formatSize(sizes[0]!) : `${formatSize(sizes[0]!)}..${formatSize(sizes.at(-1)!)}`;
      return `${roundsNames[rounds] ?? `${rounds} rounds`} at ${span}`;
    })
    .join(', ');
}

/**
 * Skipped cells counted by why (budget left or cell cap; the reference's prediction or the strategy's own) and
 * strategy: a few lines where a sweep skips hundreds. Strategies skipped alike share one line.
 */
function skippedSummary(skipped: readonly SkippedCell[], capMs: number | undefined): string[] {
  const lines = [`Skipped ${skipped.length} cells to stay within the budget (each with its reason in the JSON and the HTML report):`];
  const groups = new Map<string, SkippedCell[]>();
  for (const cell of skipped) {
    const key = groupName(cell, capMs);
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  for (const [why, cells] of groups) {
    lines.push(`  ${cells.length} ${why}:`);
    const byStrategy = new Map<string, SkippedCell[]>();
    for (const cell of cells) byStrategy.set(cell.strategy, [...(byStrategy.get(cell.strategy) ?? []), cell]);
    const spans = [...byStrategy].map(([strategy, own]) => ({ strategy, count: own.length, spans: skippedSpans(own) }));
    if (spans.length > 1 && spans.every((s) => s.spans === spans[0]!.spans)) {
      const who = spans.length > 4 ? `each of the ${spans.length} strategies` : `each of ${spans.map((s) => s.strategy).join(', ')}`;
      lines.push(`    ${who} (${spans[0]!.count}): ${spans[0]!.spans}`);
      continue;
    }
    const width = Math.max(...spans.map((s) => s.strategy.length));
    for (const s of spans) lines.push(`    ${s.strategy.padEnd(width)} ${String(s.count).padStart(3)}: ${s.spans}`);
  }
  return lines;
}

/** The sweep's budget, what it spent, a count of what it skipped and why, and whether Ctrl-C cut it short. */
export function formatSweepSummary(report: BenchReport): string {
  const lines: string[] = [];
  if (report.sweep) lines.push(sweepHeadline(report));
  const skipped = report.skipped ?? [];
  if (skipped.length > 0) lines.push(...skippedSummary(skipped, report.sweep && report.sweep.budgetMs * maxCellShare));
  if (report.interrupted) {
    const { signal, cellsNotMeasured, gpuCostsLeftOut } = report.interrupted;
    const by = !signal || signal === 'SIGINT' ? 'Ctrl-C' : signal;
    const costs = gpuCostsLeftOut ? '; the GPU copy routes were left out' : '';
    lines.push(`Interrupted (${by}): kept the ${report.results.length} records measured; ${cellsNotMeasured} cells not measured${costs}.`);
  }
  return lines.join('\n');
}

/** Every skipped cell with its reason, one a line: for the HTML report, where it folds away. */
export function formatSkippedCells(report: BenchReport): string {
  return (report.skipped ?? []).map((cell) => `${cell.strategy} n=${formatSize(cell.n)} rounds=${cell.rounds}: ${cell.reason}`).join('\n');
}

const unmatchedShown = 4; // a sweep baseline has hundreds of records a small run does not: name a few, count the rest

/** One line per matching record: ratio to the baseline and whether the change is beyond both spreads. */
export function formatComparison(result: CompareResult, baselinePath: string): string {
  const header = ['record', 'baseline ms', 'now ms', 'ratio', 'verdict'];
  const ms = (value: number) => (value >= 1 ? value.toFixed(2) : value.toPrecision(2));
  const rows = result.comparisons.map((c) => [
    printable(c.key), // a baseline's strings are the file's: no escape sequences reach the terminal
    `${ms(c.baseline.medianMs)} (${ms(c.baseline.p10Ms)}-${ms(c.baseline.p90Ms)})`,
    `${ms(c.current.medianMs)} (${ms(c.current.p10Ms)}-${ms(c.current.p90Ms)})`,
    `${c.ratio.toFixed(2)}x`,
    c.verdict === 'same' ? 'within noise' : c.verdict === 'slower' ? 'SLOWER (beyond both p10-p90 spreads)' : 'faster (beyond both p10-p90 spreads)',
  ]);
  const lines = [`Compared with ${baselinePath} (ratio = now / baseline median; flagged only when the p10-p90 ranges do not overlap):`];
  lines.push(rows.length > 0 ? align([header, ...rows]) : '  NO matching records (same strategy, n, rounds, cake and settings): nothing was compared.');
  const few = (keys: string[]) => keys.slice(0, unmatchedShown).map(printable).join('; ') + (keys.length > unmatchedShown ? `; and ${keys.length - unmatchedShown} more` : '');
  if (result.onlyInBaseline.length > 0) lines.push(`Only in the baseline (${result.onlyInBaseline.length}): ${few(result.onlyInBaseline)}`);
  if (result.onlyInCurrent.length > 0) lines.push(`Only in this run (${result.onlyInCurrent.length}): ${few(result.onlyInCurrent)}`);
  if (result.differentEat.length > 0) lines.push(`Not compared, the eat function changed (same name, other sources: eatHash differs) (${result.differentEat.length}): ${few(result.differentEat)}`);
  lines.push(`${result.regressions} regression(s) beyond noise.`);
  return lines.join('\n');
}
