// Runs a plan (strategies x sizes x rounds) and collects the report. Never prints: progress is an event.
import { bake, bytesPerSlice, type CakeOrder } from '../cake.ts';
import { comparisonOf, eatHash, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, StrategyEntry } from '../strategy.ts';
import type { BenchRecord, BenchReport, EatSummary, Environment, StartupRecord } from '../record/record.ts';
import { schema } from '../record/record.ts';
import { measure, type StopRule } from './run.ts';
import { referenceEaten } from './reference.ts';
import { scheduleName, staticSchedule, type Schedule } from '../pool/schedule.ts';

export interface Plan {
  /** What eating a slice means, for every strategy in the plan. */
  eat: Eat;
  strategies: StrategyEntry[];
  sizes: number[];
  rounds: number[];
  order: CakeOrder;
  poolSize: number;
  /** Pools whose entry takesSchedule: one record per schedule (default: static only). */
  schedules?: Schedule[];
  stop: StopRule;
  /** GPU options passed to every strategy (the others ignore them). */
  gpu?: Pick<EatOptions, 'workgroupSize' | 'uploadRoute' | 'wait' | 'kernelClock' | 'gpuLimits' | 'chunkBytes' | 'inFlight' | 'deviceMemoryBytes'>;
}

export type Progress =
  | { kind: 'reference'; n: number; rounds: number }
  | { kind: 'start'; strategy: string; n: number; rounds: number; done: number; total: number }
  | { kind: 'record'; record: BenchRecord; done: number; total: number }
  | { kind: 'failure'; strategy: string; n: number; rounds: number; error: string };

/**
 * Cakes held at once while one record is measured: the cake, the CPU twin's expected cake, the strategy's
 * eaten cake, and up to two more in flight (copies to friends and back, shared-memory twins).
 */
export const cakesInFlight = 5;

/** Bytes one record at n slices holds at its peak (see cakesInFlight). */
export function peakBytes(n: number): number {
  return cakesInFlight * n * bytesPerSlice;
}

/** Measures one cell (strategy, n, rounds) into a record; throws when the strategy fails or ate wrong. */
export async function measureRecord(
  entry: StrategyEntry,
  host: Host,
  cake: Cake,
  expected: Cake,
  rounds: number,
  plan: Pick<Plan, 'eat' | 'order' | 'poolSize' | 'stop' | 'gpu'>,
  interrupt?: AbortSignal,
  schedule?: Schedule,
): Promise<{ record: BenchRecord; startup: StartupRecord[] }> {
  const n = cake.length;
  const { eat } = plan;
  const options = { eat, rounds, poolSize: plan.poolSize, ...plan.gpu, ...(schedule ? { schedule } : {}) };
  const { startup, settings, largestError, ...measured } = await measure(entry, host, cake, expected, options, plan.stop, interrupt);
  const record: BenchRecord = {
    strategy: entry.name,
    n,
    rounds,
    cake: plan.order,
    ...eatFields(eat),
    ...settings,
    ...measured,
    ...(eat.element === 'f32' ? { largestError } : {}),
    runs: measured.samplesMs.length,
    nsPerSliceRound: (measured.medianMs * 1e6) / (n * rounds),
  };
  return { record, startup: startup.map((cost) => ({ strategy: entry.name, ...cost })) };
}

/** The eat function as the report's environment names it. */
export function eatSummary(eat: Eat): EatSummary {
  return { name: eat.name, element: eat.element, eatHash: eatHash(eat), comparison: comparisonOf(eat), summary: eat.summary, from: 'builtin' in eat.source ? 'built in' : eat.wgsl.file.replace(/ \(wgsl string\)$/, ''), ...intensityOf(eat) };
}

/** The eat's declared work and bytes, where it declares both: the roofline needs the two together. */
function intensityOf(eat: Eat): Pick<EatSummary, 'opsPerSliceRound' | 'bytesPerSlice'> {
  return eat.opsPerSliceRound && eat.bytesPerSlice ? { opsPerSliceRound: eat.opsPerSliceRound, bytesPerSlice: eat.bytesPerSlice } : {};
}

/** What a record says of its eat function: name, element, a hash of its sources, and how results were compared. */
export function eatFields(eat: Eat): Pick<BenchRecord, 'eat' | 'element' | 'eatHash' | 'comparison'> {
  return { eat: eat.name, element: eat.element, eatHash: eatHash(eat), comparison: comparisonOf(eat) };
}

/**
 * Measures one cell into `report`: its record and start-up costs, or its failure (nothing is dropped). Returns the
 * record, or undefined when the cell failed. `done` counts this cell.
 */
export async function measureInto(
  report: BenchReport,
  measureCell: () => Promise<{ record: BenchRecord; startup: StartupRecord[] }>,
  cell: { strategy: string; n: number; rounds: number },
  onProgress: (progress: Progress) => void,
  done: number,
  total: number,
): Promise<BenchRecord | undefined> {
  try {
    const { record, startup } = await measureCell();
    report.results.push(record);
    report.startup.push(...startup);
    onProgress({ kind: 'record', record, done, total });
    return record;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.failures.push({ ...cell, error: message });
    onProgress({ kind: 'failure', ...cell, error: message });
    return undefined;
  }
}

/** Runs the plan in order; once `stop` is aborted (Ctrl-C), it ends after the record in flight. */
export async function runPlan(
  plan: Plan,
  host: Host,
  environment: Environment,
  onProgress: (progress: Progress) => void = () => {},
  stop?: AbortSignal,
): Promise<BenchReport> {
  const report: BenchReport = { schema, environment: { ...environment, eat: eatSummary(plan.eat) }, results: [], startup: [], failures: [] };
  const schedules = plan.schedules ?? [staticSchedule];
  const cells = plan.strategies.flatMap((entry): { entry: StrategyEntry; schedule?: Schedule }[] => (entry.takesSchedule ? schedules.map((schedule) => ({ entry, schedule })) : [{ entry, schedule: undefined }]));
  const total = plan.sizes.length * plan.rounds.length * cells.length;
  let done = 0;
  for (const n of plan.sizes) {
    const cake = bake(n, { order: plan.order, eat: plan.eat });
    for (const rounds of plan.rounds) {
      if (stop?.aborted) break;
      onProgress({ kind: 'reference', n, rounds });
      const expected = await referenceEaten(plan.eat, cake, rounds, stop); // in turns, so a signal is heard during it
      if (!expected) break;
      for (const { entry, schedule } of cells) {
        if (stop?.aborted) break;
        const strategy = schedule && schedules.length > 1 ? `${entry.name} (${scheduleName(schedule)})` : entry.name; // progress and failures only
        onProgress({ kind: 'start', strategy, n, rounds, done, total });
        await measureInto(report, () => measureRecord(entry, host, cake, expected, rounds, plan, stop, schedule), { strategy, n, rounds }, onProgress, ++done, total);
      }
    }
  }
  if (stop?.aborted) report.interrupted = { cellsNotMeasured: total - done };
  return report;
}
