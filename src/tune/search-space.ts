// What a search walks and what it returns: points of a space, the measure it asks, its options and its steps.
// Data shapes only, shared by the walks (search.ts) and the evaluator that keeps their books (evaluator.ts).

/** A point is one value index per axis. */
export type Point = readonly number[];

export interface SearchSpace {
  /** Number of values on each axis. */
  axisSizes: readonly number[];
  /** The legal points: illegal ones are never measured. */
  legal: readonly Point[];
}

/** The first `samples` samples (ms) of `point` (asking again for more costs only the new ones). */
export type Measure = (point: Point, samples: number) => Promise<readonly number[]>;

export interface SearchOptions {
  /** Most evaluations to spend. */
  budget: number;
  /** Samples in one full evaluation. */
  fullSamples: number;
  /** Samples a leader gets when it is confirmed (evaluator.ts); fullSamples or fewer turns confirmation off. */
  confirmSamples: number;
  /** Uniform in [0, 1); seeded by the caller so a search can be replayed. */
  random: () => number;
}

export interface Step {
  /** Evaluations spent so far, including this step. */
  spent: number;
  /** Index into space.legal of the leader so far (-1 before the first point is fully measured). */
  incumbent: number;
  incumbentMs: number;
}

export interface SearchResult {
  best: number;
  bestMs: number;
  spent: number;
  steps: Step[];
}
