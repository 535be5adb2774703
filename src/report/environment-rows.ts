// Where a report was measured, as label/value rows for the HTML report and the demo: runtime, CPU, clocks,
// adapter and how the host waited. A figure means little without the machine and clock behind it. No DOM here.
import type { BenchRecord, BenchReport } from '../record/record.ts';
import { kernelClockOf } from '../gpu/kernel-clock.ts';
import { waitWords } from '../gpu/wait.ts';

export interface EnvironmentRow {
  label: string;
  value: string;
}

/** '70 ns', '5.0 us', '0.10 ms': a clock's step in the unit that shows it. */
function step(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toFixed(1)} us`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}


/** The distinct values over the records that have one, each with the strategies that used it when they differ. */
function distinctValues(records: readonly BenchRecord[], valueOf: (record: BenchRecord) => unknown): string[] {
  const users = new Map<string, Set<string>>();
  for (const r of records) {
    const value = valueOf(r);
    if (value === undefined || value === '') continue;
    users.set(String(value), (users.get(String(value)) ?? new Set()).add(r.strategy));
  }
  if (users.size <= 1) return [...users.keys()];
  return [...users].map(([value, strategies]) => `${value} (${[...strategies].join(', ')})`);
}

/** The kernel clock the records used and, where the report probed it, how fine and trustworthy it is. */
function kernelClock(report: BenchReport): string | undefined {
  const gpu = report.environment.gpu;
  const used = distinctValues(report.results, kernelClockOf);
  if (used.length === 0 && !gpu) return undefined;
  const clocks = used.length > 0 ? used.join(', ') : gpu?.timestamps ? 'timestamp-query' : 'wall';
  const parts: string[] = [];
  if (gpu?.timestamps) {
    const { smallestStepNs, zeroOrNegativeShare, passes, quantization } = gpu.timestamps;
    const probe = `smallest step ${step(smallestStepNs / 1e6)}, ${(100 * zeroOrNegativeShare).toFixed(0)}% of ${passes} one-workgroup passes read zero or negative; quantization ${quantization}`;
    parts.push(clocks === 'timestamp-query' ? `timestamp-query, the GPU's own clock: ${probe}` : `${clocks}; timestamp-query, the GPU's own clock: ${probe}`);
  } else {
    parts.push(gpu ? `${clocks} (this adapter has no timestamp-query)` : clocks);
  }
  if (clocks.includes('wall')) parts.push('wall: submit to onSubmittedWorkDone on performance.now');
  return parts.join('; ');
}

/** Every fact the report has about where it ran, in reading order. */
export function environmentRows(report: BenchReport): EnvironmentRow[] {
  const env = report.environment;
  const rows: EnvironmentRow[] = [
    { label: 'Runtime', value: env.platform ? `${env.runtime} on ${env.platform}` : env.runtime },
    { label: 'CPU', value: env.cpus },
    { label: 'Cores', value: String(env.cores) },
    { label: 'Host clock', value: `${env.hostClock.name}, smallest step ${step(env.hostClock.resolutionMs)} (every wall time and CPU phase)` },
  ];
  const eat = env.eat ?? (report.results[0]?.eat ? undefined : { name: 'hash', element: 'u32', comparison: 'bit-exact', eatHash: '', summary: '', from: 'built in' });
  if (eat) rows.push({ label: 'Eat function', value: `${eat.name} (${eat.element}, ${eat.from}${eat.eatHash ? `, sources #${eat.eatHash}` : ''}): ${eat.summary ? `${eat.summary}; ` : ''}every run checked against its CPU twin, ${eat.comparison}` });
  const setting = (name: string) => (record: BenchRecord) => record[name];
  const adapter = env.gpu ? `${env.gpu.adapter.description} (vendor ${env.gpu.adapter.vendor || 'unknown'}, architecture ${env.gpu.adapter.architecture || 'unknown'})` : distinctValues(report.results, setting('adapter')).join('; ');
  if (adapter) rows.push({ label: 'GPU adapter', value: adapter });
  const clock = kernelClock(report);
  if (clock) rows.push({ label: 'Kernel clock', value: clock });
  const waits = env.gpu ? [env.gpu.wait] : distinctValues(report.results, setting('wait'));
  if (waits.length > 0) rows.push({ label: 'Host wait', value: waits.map((wait) => waitWords[wait as keyof typeof waitWords] ?? wait).join('; ') });
  const shapes = [...distinctValues(report.results, setting('kernel')), ...distinctValues(report.results, setting('workgroupSize')).map((size) => `workgroup size ${size}`)];
  if (shapes.length > 0) rows.push({ label: 'GPU kernel', value: shapes.join('; ') });
  if (env.memoryMeasure) rows.push({ label: 'Peak memory', value: env.memoryMeasure });
  return rows;
}
