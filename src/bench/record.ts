// The result record (`cake bench --json`): schema parallel-cake/bench@1, see DESIGN.md.
import type { CakeOrder } from '../cake.ts';
import type { Phases } from '../strategy.ts';

export const schema = 'parallel-cake/bench@1';

export interface Environment {
  runtime: string;
  cpus: string;
  cores: number;
  platform?: string;
  /** Which clock timed CPU phases, and its step in ms (performance.now is coarsened in browsers). */
  hostClock: { name: 'performance.now'; resolutionMs: number };
}

export interface BenchRecord {
  strategy: string;
  n: number;
  rounds: number;
  cake: CakeOrder;
  /** Pools: friends. GPU strategies add theirs (workgroupSize, upload route...). */
  poolSize?: number;
  [setting: string]: unknown;
  medianMs: number;
  minMs: number;
  p10Ms: number;
  p90Ms: number;
  /** (p90 - p10) / median. */
  spread: number;
  runs: number;
  samplesMs: number[];
  phasesMs: Phases;
  clock: string;
  checksum: string;
  verified: true;
  /** median wall time per slice per round, in ns. */
  nsPerSliceRound: number;
  bytesCopied?: number;
}

export interface StartupRecord {
  strategy: string;
  name: string;
  ms: number;
}

export interface BenchReport {
  schema: typeof schema;
  environment: Environment;
  results: BenchRecord[];
  startup: StartupRecord[];
  /** Runs that failed (verification or a crashed friend): nothing is dropped silently. */
  failures: { strategy: string; n: number; rounds: number; error: string }[];
  /** Present when the run was stopped early: what it kept. */
  stopped?: string;
}
