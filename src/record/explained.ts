// The shapes of a report's explanation (src/record/model.ts, limits.ts, break-even-model.ts, held-out.ts fill them):
// data types only, so the record (record.ts) can hold them and the code that makes them can read records.

export interface Costs {
  /** Paid once per eating whatever the cake: dispatch, messages, start of the friends' work. */
  fixedMs: number;
  /** Per byte moved (read and written, copies included): memory and copy routes. */
  nsPerByte: number;
  /** Per slice and round eaten: the eating itself, across all the strategy's lanes, friends or GPU threads. */
  nsPerSliceRound: number;
}

export interface Fit extends Costs {
  /** Records the fit used. */
  points: number;
  /** Root mean square of (predicted - measured) / measured, in %. */
  rmsErrorPercent: number;
  /** The largest |predicted - measured| / measured, in %. */
  maxErrorPercent: number;
}

export interface StrategyModel extends Fit {
  strategy: string;
  bytesPerSlice: number;
  /** Measured range: sizes and rounds the fit saw (a prediction outside them extrapolates). */
  minN: number;
  maxN: number;
  minRounds: number;
  maxRounds: number;
  /** The same split per phase the strategy measured (unattributed left out). */
  phases: Record<string, Fit>;
}

export interface ComputeLimit {
  /** Slice-rounds per second, and the same in operations per second (when the eat declares its operations). */
  sliceRoundsPerS: number;
  opsPerS?: number;
  /** The record that reached it. */
  strategy: string;
  n: number;
  rounds: number;
}

export interface Limits {
  /**
   * Host memory, read + write, as a light eat moves it: memcpy reads and writes each byte once; a sweep also has
   * all cores streaming at once, and the larger is the limit (`by` names it). GB/s per size.
   */
  memory?: { peakGbPerS: number; bySize: { n: number; gbPerS: number; by?: string }[]; measuredBy: string };
  /** All cores: the fastest CPU-side record (the SIMD kernels where the eat has them) at its heaviest rounds. */
  cpuCompute?: ComputeLimit & { measuredBy: string };
  /** The GPU kernel's peak on this adapter: a GPU record's slice-rounds over its kernel phase, at its heaviest rounds. */
  gpuCompute?: ComputeLimit & { measuredBy: string };
}

export type PercentOfLimit =
  | { limit: 'memory' | 'cpu compute' | 'gpu compute'; percent: number; intensityOpsPerByte: number; achieved: number; ceiling: number; unit: 'GB/s' | 'Gop/s' }
  | { limit: 'unknown intensity' };

export type PredictedKind = 'from' | 'always' | 'never' | 'until';

export interface BreakEvenEntry {
  strategy: string;
  rounds: number;
  /** The measured break-even's kind, and its n* where it has one (the 'from' kind). */
  measured: 'always' | 'from' | 'never'; // crossover.ts's BreakEven kinds
  measuredN?: number;
  predicted: PredictedKind;
  predictedN?: number;
  /** The reason's numbers: each side's fixed cost per eating and cost per slice at these rounds. */
  fixedMs: number;
  loopFixedMs: number;
  nsPerSlice: number;
  loopNsPerSlice: number;
  loopNsPerSliceRound: number;
  /** Measured sizes bracket n* (a losing and a winning size on each side): the crossovers the target counts. */
  isBracketed: boolean;
  /** predictedN / measuredN, where both exist. */
  ratio?: number;
}

export interface Misfit {
  strategy: string;
  n: number;
  rounds: number;
  measuredMs: number;
  predictedMs: number;
  /** measured / predicted. */
  ratio: number;
}

export interface HeldOut {
  strategy: string;
  /** The size left out of the fit (the strategy's largest), and the rounds of this record. */
  n: number;
  rounds: number;
  predictedMs: number;
  measuredMs: number;
  /** (predicted - measured) / measured, in %: positive where the model guessed slower than it ran. */
  errorPercent: number;
  /** Records the fit without the left-out size used. */
  fittedOn: number;
}

