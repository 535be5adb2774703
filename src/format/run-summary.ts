// What a GPU run (scripts/gpu-run/run.sh) found, for people: a short summary of one run, and several runs side
// by side as a Markdown table for the README (dispatch overhead, copy GB/s against memcpy, the kernel against
// pool-simd, where n* lies). Takes parsed reports; reading the results folder is the Node host's job.
import type { TuneReport } from '../tune/tune.ts';
import { findBreakEven, formatSize, type BreakEven } from '../record/crossover.ts';
import type { BenchRecord, BenchReport, CopyRecord, Environment } from '../record/record.ts';
import { formatBreakEven, roundsLabel } from './map.ts';

/** One step of the run as run.sh wrote it in steps.tsv: `ok`, `failed (exit 1)`, `timed out`, `skipped: why`. */
export interface RunStep {
  name: string;
  status: string;
  seconds: number;
}

export interface GpuRun {
  /** The results folder's name, which names the machine: a column of the side-by-side table. */
  name: string;
  /** `cake bench` at its defaults. */
  bench?: BenchReport;
  /** pool-simd and the GPU strategies at the largest sizes. */
  large?: BenchReport;
  /** The break-even sweep. */
  sweep?: BenchReport;
  tune?: TuneReport;
  steps: RunStep[];
}

const reportsOf = (run: GpuRun) => [run.sweep, run.large, run.bench].filter((r): r is BenchReport => r !== undefined);
const recordsOf = (run: GpuRun): BenchRecord[] => reportsOf(run).flatMap((report) => report.results);

/** The environment of the report that used the GPU, else of any. */
function environmentOf(run: GpuRun): Environment | undefined {
  const reports = reportsOf(run);
  return (reports.find((report) => report.environment.gpu) ?? reports[0])?.environment;
}

function adapterWords(environment: Environment | undefined): string {
  const adapter = environment?.gpu?.adapter;
  if (!adapter) return 'no GPU adapter recorded';
  const kind = [adapter.vendor, adapter.architecture, adapter.isFallbackAdapter ? 'fallback' : ''].filter(Boolean).join(', ');
  return `${adapter.description} (${kind})`;
}

const machineWords = (environment: Environment | undefined) => (environment ? `${environment.cpus}, ${environment.cores} cores, ${environment.runtime}` : 'unknown machine');

/** Dispatch overheads from the sweep's GPU costs, else another report's. */
function overheadsOf(run: GpuRun) {
  return reportsOf(run).find((report) => report.overheads?.length)?.overheads ?? [];
}

interface Copies {
  n: number;
  memcpy?: CopyRecord;
  bestUpload?: CopyRecord;
  readback?: CopyRecord;
}

/** memcpy, the fastest upload route and the readback at the largest size any report measured GPU copies at. */
function copiesOf(run: GpuRun): Copies | undefined {
  const copies = reportsOf(run).flatMap((report) => report.copies ?? []);
  const gpuSizes = copies.filter((copy) => copy.route.startsWith('upload:')).map((copy) => copy.n);
  if (gpuSizes.length === 0) return undefined;
  const n = Math.max(...gpuSizes);
  const at = copies.filter((copy) => copy.n === n);
  const fastest = (list: CopyRecord[]) => list.sort((a, b) => b.gbPerS - a.gbPerS)[0];
  return {
    n,
    memcpy: fastest(at.filter((copy) => copy.route === 'memcpy')),
    bestUpload: fastest(at.filter((copy) => copy.route.startsWith('upload:'))),
    readback: fastest(at.filter((copy) => copy.route === 'readback')),
  };
}

interface KernelVsPool {
  rounds: number;
  n: number;
  /** pool-simd's median / gpu-resident's: above 1, the kernel alone beats every core's SIMD lanes. */
  residentSpeedUp: number;
  /** pool-simd's median / gpu's (upload, kernel, readback): the kernel with its copies. */
  gpuSpeedUp?: number;
}

/** The fastest median of (strategy, n, rounds) over all reports. */
function medianOf(records: BenchRecord[], strategy: string, n: number, rounds: number): number | undefined {
  const found = records.filter((r) => r.strategy === strategy && r.n === n && r.rounds === rounds).map((r) => r.medianMs);
  return found.length > 0 ? Math.min(...found) : undefined;
}

/** Per rounds value, at the largest size where both were measured: pool-simd against the GPU's kernel. */
function kernelVsPool(run: GpuRun): KernelVsPool[] {
  const records = recordsOf(run);
  const roundsValues = [...new Set(records.map((r) => r.rounds))].sort((a, b) => a - b);
  return roundsValues.flatMap((rounds) => {
    const sizes = records.filter((r) => r.rounds === rounds && r.strategy === 'gpu-resident').map((r) => r.n);
    const both = sizes.filter((n) => medianOf(records, 'pool-simd', n, rounds) !== undefined);
    if (both.length === 0) return [];
    const n = Math.max(...both);
    const pool = medianOf(records, 'pool-simd', n, rounds)!;
    const gpu = medianOf(records, 'gpu', n, rounds);
    return [{ rounds, n, residentSpeedUp: pool / medianOf(records, 'gpu-resident', n, rounds)!, ...(gpu ? { gpuSpeedUp: pool / gpu } : {}) }];
  });
}

const gbs = (copy: CopyRecord) => `${copy.gbPerS.toFixed(2)} GB/s${copy.percentOfMemcpy === undefined ? '' : ` (${copy.percentOfMemcpy.toFixed(0)}% of memcpy)`}`;
const times = (ratio: number) => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)}x`;
const us = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} us`;

function tuneWords(tune: TuneReport): string {
  return `best ${tune.best.shape} at n=${formatSize(tune.slices)} ${roundsLabel(tune.rounds)}: ${times(tune.speedupOverDefault)} faster than eat.wgsl at 64 (${tune.strategy}, ${Math.round(tune.evaluations)} evaluations of ${tune.spaceSize} shapes)`;
}

/** The run in a few lines: where, each step, dispatch, copies, kernel against pool-simd, tune, failures, the map. */
export function formatRunSummary(run: GpuRun): string {
  const environment = environmentOf(run);
  const lines = [`GPU run ${run.name}: ${adapterWords(environment)}; ${machineWords(environment)}`];
  const stepWords = (step: RunStep) => `${step.name} ${step.status}${/^(ok|failed|timed out)/.test(step.status) ? ` ${step.seconds.toFixed(0)} s` : ''}`;
  lines.push(run.steps.length > 0 ? 'Steps:' : 'Steps: none recorded', ...run.steps.map((step) => `  ${stepWords(step)}`));
  const overheads = overheadsOf(run);
  if (overheads.length > 0) lines.push(`Dispatch: ${overheads.map((o) => `${o.name} ${us(o.medianUs)}`).join(', ')}`);
  const copies = copiesOf(run);
  if (copies) {
    const parts = [copies.memcpy && `memcpy ${copies.memcpy.gbPerS.toFixed(2)} GB/s`, copies.bestUpload && `best upload ${copies.bestUpload.route.slice('upload:'.length)} ${gbs(copies.bestUpload)}`, copies.readback && `readback ${gbs(copies.readback)}`];
    lines.push(`Copies at n=${formatSize(copies.n)}: ${parts.filter(Boolean).join('; ')}`);
  }
  const versus = kernelVsPool(run);
  if (versus.length > 0) {
    lines.push('Kernel vs pool-simd (pool-simd median / gpu-resident median; above 1x the GPU kernel is faster; gpu: with its copies):');
    for (const v of versus) lines.push(`  ${roundsLabel(v.rounds)} at ${formatSize(v.n)}: ${times(v.residentSpeedUp)}${v.gpuSpeedUp === undefined ? '' : ` (gpu ${times(v.gpuSpeedUp)})`}`);
  }
  if (run.tune) lines.push(`Tune: ${tuneWords(run.tune)}`);
  const failures = reportsOf(run).flatMap((report) => report.failures);
  lines.push(failures.length === 0 ? 'Failures: none (every record verified)' : `Failures: ${failures.length}: ${failures.map((f) => `${f.strategy} n=${f.n} rounds=${f.rounds}: ${f.error}`).join('; ')}`);
  if (run.sweep) lines.push('', formatBreakEven(run.sweep));
  return lines.join('\n');
}

/** n* in a table cell: '2^14.3', 'always', 'never <= 2^24'. */
function shortBreakEven(breakEven: BreakEven): string {
  if (breakEven.kind === 'always') return 'always';
  if (breakEven.kind === 'from') return `2^${Math.log2(breakEven.n).toFixed(1)}`;
  return `never <= 2^${Math.log2(breakEven.upToN).toFixed(0)}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** Several runs side by side, one column each, as a Markdown table: the README's "Results on other machines". */
export function formatRunTable(runs: GpuRun[]): string {
  const row = (label: string, values: string[]) => `| ${[label, ...values].map(cell).join(' | ')} |`;
  const each = (valueOf: (run: GpuRun) => string | undefined) => runs.map((run) => valueOf(run) ?? 'not measured');
  const lines = [row('', runs.map((run) => run.name)), `|${' --- |'.repeat(runs.length + 1)}`];
  lines.push(row('adapter', each((run) => adapterWords(environmentOf(run)))));
  lines.push(row('CPU', each((run) => machineWords(environmentOf(run)))));
  for (const name of ['round trip', 'per dispatch'] as const) {
    lines.push(row(`dispatch: ${name}`, each((run) => {
      const overhead = overheadsOf(run).find((o) => o.name === name);
      return overhead && us(overhead.medianUs);
    })));
  }
  const copies = runs.map(copiesOf);
  lines.push(row('memcpy', copies.map((c) => (c?.memcpy ? `${c.memcpy.gbPerS.toFixed(1)} GB/s at ${formatSize(c.n)}` : 'not measured'))));
  lines.push(row('best upload', copies.map((c) => (c?.bestUpload ? `${gbs(c.bestUpload)}, ${c.bestUpload.route.slice('upload:'.length)}` : 'not measured'))));
  lines.push(row('readback', copies.map((c) => (c?.readback ? gbs(c.readback) : 'not measured'))));
  const versus = runs.map(kernelVsPool);
  for (const rounds of [...new Set(versus.flat().map((v) => v.rounds))].sort((a, b) => a - b)) {
    lines.push(row(`pool-simd / gpu-resident, ${roundsLabel(rounds)}`, versus.map((list) => {
      const v = list.find((one) => one.rounds === rounds);
      return v ? `${times(v.residentSpeedUp)} at ${formatSize(v.n)}` : 'not measured';
    })));
  }
  lines.push(row('tune', each((run) => run.tune && tuneWords(run.tune))));
  const sweeps = runs.map((run) => run.sweep?.results ?? []);
  const roundsValues = [...new Set(sweeps.flat().map((r) => r.rounds))].sort((a, b) => a - b);
  const strategies = [...new Set(sweeps.flat().map((r) => r.strategy))].filter((name) => name !== 'loop');
  for (const strategy of strategies) {
    lines.push(row(`n* ${strategy} (${roundsValues.map((r) => roundsLabel(r).split(' ')[0]).join(' / ')})`, sweeps.map((records) =>
      roundsValues.map((rounds) => {
        const found = findBreakEven(records, strategy, rounds);
        return found ? shortBreakEven(found.breakEven) : '-';
      }).join(' / '),
    )));
  }
  return lines.join('\n');
}
