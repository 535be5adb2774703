// Several machines side by side (cake compare a.json b.json ...): their limits, cost models and break-evens,
// keyed like clpeak's results by adapter, runtime, eat function, strategy and cost. Fields a report lacks (a
// browser masks its adapter's name; an older file has no limits) read 'unknown', never an error.
import { formatSize } from '../record/crossover.ts';
import type { BenchReport } from '../record/record.ts';
import { roundsLabel } from './map.ts';

/** adapter | runtime | eat: what tells two reports' machines apart. */
export function machineLabel(report: BenchReport): string {
  const env = report.environment ?? {};
  const adapter = env.gpu?.adapter ? [env.gpu.adapter.vendor, env.gpu.adapter.description || env.gpu.adapter.architecture].filter(Boolean).join(' ') || 'adapter masked' : 'no GPU';
  return `${adapter} | ${env.runtime ?? 'unknown runtime'} | ${env.cpus ?? 'unknown CPU'} x${env.cores ?? '?'} | eat ${env.eat?.name ?? 'hash'}`;
}

function align(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/** The text: machines, then limits, models and break-evens with one column per machine. */
export function formatMachines(reports: readonly BenchReport[], names: readonly string[]): string {
  const columns = names.map((_, i) => `#${i + 1}`);
  const lines = ['Machines:', ...reports.map((r, i) => `  #${i + 1} ${names[i]}: ${machineLabel(r)}`), ''];
  const gb = (value?: number) => (value === undefined ? 'unknown' : `${value.toFixed(1)}`);
  lines.push('Limits:', ...align([
    ['', ...columns],
    ['memory GB/s (best memcpy, r+w)', ...reports.map((r) => gb(r.limits?.memory?.peakGbPerS))],
    ['cpu compute G slice-rounds/s', ...reports.map((r) => gb(r.limits?.cpuCompute && r.limits.cpuCompute.sliceRoundsPerS / 1e9))],
    ['gpu compute G slice-rounds/s', ...reports.map((r) => gb(r.limits?.gpuCompute && r.limits.gpuCompute.sliceRoundsPerS / 1e9))],
  ]).map((line) => `  ${line}`), '');
  const strategies = [...new Set(reports.flatMap((r) => (r.models ?? []).map((m) => m.strategy)))];
  lines.push('Cost models (fixed ms / ns per byte / ns per slice-round, fit rms error):', ...align([
    ['strategy', ...columns],
    ...strategies.map((strategy) => [strategy, ...reports.map((r) => {
      const m = r.models?.find((model) => model.strategy === strategy);
      return m ? `${m.fixedMs.toPrecision(2)} / ${m.nsPerByte.toPrecision(2)} / ${m.nsPerSliceRound.toPrecision(2)} (${m.rmsErrorPercent.toFixed(0)} %)` : 'not measured';
    })]),
  ]).map((line) => `  ${line}`), '');
  const keys = [...new Map(reports.flatMap((r) => (r.breakEven ?? []).map((e) => [`${e.strategy}/${e.rounds}`, e] as const))).values()];
  lines.push('Break-even vs loop, measured (predicted):', ...align([
    ['strategy', 'cost', ...columns],
    ...keys.map(({ strategy, rounds }) => [strategy, roundsLabel(rounds), ...reports.map((r) => {
      const e = r.breakEven?.find((entry) => entry.strategy === strategy && entry.rounds === rounds);
      if (!e) return 'not measured';
      const measured = e.measuredN !== undefined ? formatSize(e.measuredN).split(' ')[0]! : e.measured;
      const predicted = e.predictedN !== undefined ? `${e.predicted === 'until' ? 'until ' : ''}${formatSize(e.predictedN).split(' ')[0]}` : e.predicted;
      return `${measured} (${predicted})`;
    })]),
  ]).map((line) => `  ${line}`));
  return lines.join('\n');
}
