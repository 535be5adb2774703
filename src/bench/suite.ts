// Runs a plan (strategies x sizes x rounds) and collects the report. Never prints: progress is an event.
import { bake, bytesPerSlice, type CakeOrder } from '../cake.ts';
import type { Host } from '../host.ts';
import type { EatOptions, StrategyEntry } from '../strategy.ts';
import type { BenchRecord, BenchReport, Environment } from './record.ts';
import { schema } from './record.ts';
import { measure, type StopRule } from './run.ts';
import { expectedEaten } from './verify.ts';

export interface Plan {
  strategies: StrategyEntry[];
  sizes: number[];
  rounds: number[];
  order: CakeOrder;
  poolSize: number;
  stop: StopRule;
  /** GPU options passed to every strategy (the others ignore them). */
  gpu?: Pick<EatOptions, 'workgroupSize' | 'uploadRoute' | 'wait' | 'gpuLimits'>;
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

export async function runPlan(
  plan: Plan,
  host: Host,
  environment: Environment,
  onProgress: (progress: Progress) => void = () => {},
  signal?: AbortSignal,
): Promise<BenchReport> {
  const report: BenchReport = { schema, environment, results: [], startup: [], failures: [] };
  const total = plan.sizes.length * plan.rounds.length * plan.strategies.length;
  let done = 0;
  for (const n of plan.sizes) {
    const cake = bake(n, { order: plan.order });
    for (const rounds of plan.rounds) {
      onProgress({ kind: 'reference', n, rounds });
      const expected = expectedEaten(cake, rounds);
      for (const entry of plan.strategies) {
        if (signal?.aborted) return { ...report, stopped: `stopped after ${done} of ${total} records` };
        onProgress({ kind: 'start', strategy: entry.name, n, rounds, done, total });
        try {
          const { startup, settings, ...measured } = await measure(entry, host, cake, expected, { rounds, poolSize: plan.poolSize, ...plan.gpu }, plan.stop);
          const record: BenchRecord = {
            strategy: entry.name,
            n,
            rounds,
            cake: plan.order,
            ...settings,
            ...measured,
            runs: measured.samplesMs.length,
            nsPerSliceRound: (measured.medianMs * 1e6) / (n * rounds),
          };
          report.results.push(record);
          report.startup.push(...startup.map((cost) => ({ strategy: entry.name, ...cost })));
          onProgress({ kind: 'record', record, done: ++done, total });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          report.failures.push({ strategy: entry.name, n, rounds, error: message });
          onProgress({ kind: 'failure', strategy: entry.name, n, rounds, error: message });
          done++;
        }
      }
    }
  }
  return report;
}
