// Formats the break-even map, a sweep's skipped cells and a comparison for people (report.ts formats records).
import type { CompareResult } from './compare.ts';
import { describeBreakEven, findCrossovers, findWinners, formatSize } from './crossover.ts';
import type { BenchReport } from './record.ts';

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

/** The sweep's budget, what it spent, what it skipped and why, and whether Ctrl-C cut it short. */
export function formatSweepSummary(report: BenchReport): string {
  const lines: string[] = [];
  if (report.sweep) {
    lines.push(`Sweep: ${report.results.length} records in ${(report.sweep.spentMs / 1000).toFixed(1)} s of a ${(report.sweep.budgetMs / 1000).toFixed(0)} s budget.`);
  }
  const skipped = report.skipped ?? [];
  if (skipped.length > 0) {
    lines.push(`Skipped ${skipped.length} cells to stay within the budget:`);
    for (const cell of skipped) lines.push(`  ${cell.strategy} n=${formatSize(cell.n)} rounds=${cell.rounds}: ${cell.reason}`);
  }
  if (report.interrupted) {
    lines.push(`Interrupted (Ctrl-C): kept the ${report.results.length} records measured; ${report.interrupted.cellsNotMeasured} cells not measured.`);
  }
  return lines.join('\n');
}

const unmatchedShown = 4; // a sweep baseline has hundreds of records a small run does not: name a few, count the rest

/** One line per matching record: ratio to the baseline and whether the change is beyond both spreads. */
export function formatComparison(result: CompareResult, baselinePath: string): string {
  const header = ['record', 'baseline ms', 'now ms', 'ratio', 'verdict'];
  const ms = (value: number) => (value >= 1 ? value.toFixed(2) : value.toPrecision(2));
  const rows = result.comparisons.map((c) => [
    c.key,
    `${ms(c.baseline.medianMs)} (${ms(c.baseline.p10Ms)}-${ms(c.baseline.p90Ms)})`,
    `${ms(c.current.medianMs)} (${ms(c.current.p10Ms)}-${ms(c.current.p90Ms)})`,
    `${c.ratio.toFixed(2)}x`,
    c.verdict === 'same' ? 'within noise' : c.verdict === 'slower' ? 'SLOWER (beyond both p10-p90 spreads)' : 'faster (beyond both p10-p90 spreads)',
  ]);
  const lines = [`Compared with ${baselinePath} (ratio = now / baseline median; flagged only when the p10-p90 ranges do not overlap):`];
  lines.push(rows.length > 0 ? align([header, ...rows]) : '  NO matching records (same strategy, n, rounds, cake and settings): nothing was compared.');
  const few = (keys: string[]) => keys.slice(0, unmatchedShown).join('; ') + (keys.length > unmatchedShown ? `; and ${keys.length - unmatchedShown} more` : '');
  if (result.onlyInBaseline.length > 0) lines.push(`Only in the baseline (${result.onlyInBaseline.length}): ${few(result.onlyInBaseline)}`);
  if (result.onlyInCurrent.length > 0) lines.push(`Only in this run (${result.onlyInCurrent.length}): ${few(result.onlyInCurrent)}`);
  lines.push(`${result.regressions} regression(s) beyond noise.`);
  return lines.join('\n');
}
