// The result record (`cake bench --json`), schema parallel-cake/bench@1: this file is its definition, and the
// README's "The JSON report" section its summary. Field names are camelCase, as a browser's JSON.
import type { CakeOrder } from '../cake.ts';
import type { Phases } from '../strategy.ts';
import type { AdapterSummary } from '../gpu/device.ts';
import type { TimestampTrust } from '../gpu/timing.ts';
import type { WaitPolicy } from '../gpu/wait.ts';
import type { Timeline } from '../timeline.ts';
import type { BreakEvenEntry, Misfit } from './explained.ts';
import type { HeldOut } from './explained.ts';
import type { Limits, PercentOfLimit } from './explained.ts';
import type { StrategyModel } from './explained.ts';

export const schema = 'parallel-cake/bench@1';

/** An eat function as a report names it: enough to tell two apart and to say how slices were checked. */
export interface EatSummary {
  name: string;
  element: 'u32' | 'f32';
  eatHash: string;
  comparison: string;
  summary: string;
  /** Where it came from: a built-in's name, or the user's file. */
  from: string;
  /** The eat's arithmetic per slice and round, and bytes moved per slice (src/eat.ts); absent: unknown intensity. */
  opsPerSliceRound?: number;
  bytesPerSlice?: number;
}

export interface Environment {
  runtime: string;
  cpus: string;
  cores: number;
  platform?: string;
  /** Which clock timed CPU phases, and its step in ms (performance.now is coarsened in browsers). */
  hostClock: { name: 'performance.now'; resolutionMs: number };
  /** The adapter, its timestamps' trustworthiness and the wait policy, when a GPU strategy ran. */
  gpu?: GpuEnvironment;
  /** The eat function every record of the report ate (records say it too). */
  eat?: EatSummary;
  /** What peakRssGrowthBytes / peakArrayBufferGrowthBytes measure (see src/measure/memory.ts). */
  memoryMeasure?: string;
}

export interface BenchRecord {
  strategy: string;
  n: number;
  rounds: number;
  cake: CakeOrder;
  /** The eat function's name ('hash' in records from before eat functions were values, which lack these four). */
  eat?: string;
  element?: 'u32' | 'f32';
  /** A hash of the eat function's sources and behaviour (src/eat.ts eatHash): records of different ones never match. */
  eatHash?: string;
  /** How slices were checked against the CPU twin: 'bit-exact', or 'within 64 ulps or absolute 0.001'. */
  comparison?: string;
  /** f32 eat functions: the largest difference from the CPU twin seen in any run, warm-ups included. */
  largestError?: { ulps: number; relative: number; absolute: number };
  /** Pools: friends. GPU strategies add theirs (workgroupSize, upload route...). */
  poolSize?: number;
  /** Pools that deal chunks: how ('static', 'cyclic', 'dynamic', 'guided', with ':k' slices per chunk where given). */
  schedule?: string;
  /** Pools, of the median run: each friend's time spent eating, ms, timed by the friend. */
  friendsBusyMs?: number[];
  /** Pools: the slowest friend's busy time / the mean busy time (1 = evenly shared). */
  imbalance?: number;
  /** Pools: the share (0..1) of the friends' time (friends x wall) spent not eating. */
  idleShare?: number;
  /** Pools: total busy time / friends, ms: the wall time of a perfect share with nothing else to pay. */
  idealMs?: number;
  /** Pools: idealMs as a percentage of the median run's wall time. */
  percentOfIdeal?: number;
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
  /**
   * Strategies that eat their cake where it lies in their own memory (simd, pool-simd: WebAssembly memory;
   * pool-shared: a SharedArrayBuffer): the copy of the caller's cake there, measured apart from the eating (route
   * names the memory). The cost of passing, once per cake; the eatings timed do not pay it.
   */
  passing?: CopyRecord;
  /** Peak growth of process RSS while this record was measured (src/measure/memory.ts). */
  peakRssGrowthBytes?: number;
  /** Peak growth of the calling thread's ArrayBuffer memory while this record was measured. */
  peakArrayBufferGrowthBytes?: number;
  /** The median run's intervals per chunk (GPU: upload, kernel, readback rows; pools: one row per friend). */
  timeline?: Timeline;
  /** GPU timelines: every stage's bars added up, the wall time with no overlap (src/timeline.ts). */
  serialMs?: number;
  /** GPU timelines: the slowest stage's bars added up, the wall time with perfect overlap. */
  overlapBoundMs?: number;
  /** (serialMs - medianMs) / (serialMs - overlapBoundMs) of the median run: 0 no overlap, 1 the bound. */
  overlapEfficiency?: number;
  /** GPU timelines: per phase, the ms it ran while another phase ran too (hidden behind it). */
  hiddenMs?: Record<string, number>;
  /** Its share of the limit that binds it, and which (src/record/limits.ts); 'unknown intensity' for an eat that does not declare its work. */
  percentOfLimit?: PercentOfLimit;
}

/** One measured copy route at one size: memcpy (the limit), and later GPU upload/readback routes. */
export interface CopyRecord {
  route: string;
  n: number;
  bytes: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  gbPerS: number;
  /** gbPerS as a percentage of memcpy at the same n, measured in the same run. */
  percentOfMemcpy?: number;
  verified: true;
}

/** A cell a sweep did not measure, and why: nothing is dropped silently. */
export interface SkippedCell {
  strategy: string;
  n: number;
  rounds: number;
  reason: string;
  /** What the predicted cost was over: the budget left, or the share of the budget one cell may take. */
  limit?: 'budget left' | 'cell cap';
  /** Whose prediction: the CPU twin's reference eating (the whole row is skipped) or the strategy's own cells. */
  predictedFrom?: 'reference' | 'strategy';
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
  /** Measured copy rates: memcpy (sweeps, GPU runs) and the GPU's upload and readback routes. */
  copies?: CopyRecord[];
  /**
   * Sweeps: memory rates at each size as a light eat moves bytes, a cake streamed in place by one core
   * (`stream:simd`) and by all cores (`stream:pool-simd` or `stream:pool-shared`); bytes one side, as memcpy's.
   * The memory limit takes the largest of these and memcpy (src/measure/in-place-memory.ts).
   */
  inPlaceMemory?: CopyRecord[];
  /** The GPU's dispatch overhead, two ways, when a GPU strategy ran. */
  overheads?: OverheadRecord[];
  /** Sweeps: cells left out to stay within the budget. */
  skipped?: SkippedCell[];
  /**
   * Sweeps, in ms: the budget and what the sweep spent of it; the CLI adds what ran outside the budget (the GPU
   * cost measurements after the sweep) and the whole command's wall time, start-up included.
   */
  sweep?: { budgetMs: number; spentMs: number; gpuCostsMs?: number; gpuCostSizesLeftOut?: number[]; totalMs?: number };
  /**
   * Set when a signal stopped the run (the CLI: SIGINT, SIGTERM or SIGHUP; the page: Stop): what was measured is
   * kept, the rest is counted here. `gpuCostsLeftOut`: the signal came while the GPU's copy routes were measured.
   */
  interrupted?: { cellsNotMeasured: number; signal?: string; gpuCostsLeftOut?: boolean };
  /** The machine's limits this run measured (src/record/limits.ts). */
  limits?: Limits;
  /** A cost model per strategy fitted to its records: what `cake predict` reads (src/record/model.ts). */
  models?: StrategyModel[];
  /** Every crossover: measured n* beside the model's, with the reason's numbers (src/record/break-even-model.ts). */
  breakEven?: BreakEvenEntry[];
  /** Records more than `misfitFactor` off their strategy's model. */
  misfits?: Misfit[];
  misfitFactor?: number;
  /** Each model fitted without its strategy's largest size, asked for that size (src/record/held-out.ts). */
  heldOut?: HeldOut[];
  /** The error, in %, a held-out prediction should stay within (issue 14: 25). */
  heldOutTargetPercent?: number;
}

export interface OverheadRecord {
  name: 'round trip' | 'per dispatch';
  /** What was timed, in words, and with which clock. */
  measures: string;
  medianUs: number;
  p10Us: number;
  p90Us: number;
  samples: number;
}

export interface GpuEnvironment {
  adapter: AdapterSummary;
  timestampQuery: boolean;
  /** Present when timestamp-query is: the probe's findings. */
  timestamps?: TimestampTrust & { quantization: string };
  wait: WaitPolicy | 'await';
}
