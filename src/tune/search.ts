// Search strategies over a space of points that never touch a device: they ask measure(point, samples) for a
// median time and pay in evaluations (one evaluation = one point at full samples; fewer samples cost less).
// The same code runs a real tune (the runner measures on the GPU) and a replay (recorded samples).

/** A point is one value index per axis. */
export type Point = readonly number[];

export interface SearchSpace {
  /** Number of values on each axis. */
  axisSizes: readonly number[];
  /** The legal points: illegal ones are never measured. */
  legal: readonly Point[];
}

/** Median ms of the first `samples` samples of `point` (more samples of the same point cost only the new ones). */
export type Measure = (point: Point, samples: number) => Promise<number>;

export interface SearchOptions {
  /** Most evaluations to spend. */
  budget: number;
  /** Samples in one full evaluation. */
  fullSamples: number;
  /** Uniform in [0, 1); seeded by the caller so a search can be replayed. */
  random: () => number;
}

export interface Step {
  /** Evaluations spent so far, including this step. */
  spent: number;
  /** Index into space.legal of the best point so far (lowest estimate). */
  incumbent: number;
  incumbentMs: number;
}

export interface SearchResult {
  best: number;
  bestMs: number;
  spent: number;
  steps: Step[];
}

export const pointKey = (point: Point) => point.join(',');

class BudgetSpent extends Error {}

/** Counts evaluations, remembers estimates, tracks the incumbent; throws BudgetSpent when the budget is gone. */
class Evaluator {
  private readonly index = new Map<string, number>();
  private readonly taken = new Map<number, number>();
  readonly estimates = new Map<number, number>();
  spent = 0;
  incumbent = -1;
  incumbentMs = Infinity;
  readonly steps: Step[] = [];

  constructor(
    readonly space: SearchSpace,
    private readonly measure: Measure,
    readonly options: SearchOptions,
  ) {
    space.legal.forEach((point, i) => this.index.set(pointKey(point), i));
  }

  indexOf(point: Point): number | undefined {
    return this.index.get(pointKey(point));
  }

  isMeasured(i: number): boolean {
    return this.estimates.has(i);
  }

  /** The point's estimate from `samples` samples (default: a full evaluation). */
  async estimate(i: number, samples = this.options.fullSamples): Promise<number> {
    const taken = this.taken.get(i) ?? 0;
    if (samples <= taken) return this.estimates.get(i)!;
    const cost = (samples - taken) / this.options.fullSamples;
    if (this.spent + cost > this.options.budget + 1e-9) throw new BudgetSpent();
    const ms = await this.measure(this.space.legal[i]!, samples);
    this.spent += cost;
    this.taken.set(i, samples);
    this.estimates.set(i, ms);
    this.refreshIncumbent();
    this.steps.push({ spent: this.spent, incumbent: this.incumbent, incumbentMs: this.incumbentMs });
    return ms;
  }

  /** The lowest estimate so far (more samples can make the old incumbent's estimate worse). */
  private refreshIncumbent(): void {
    this.incumbentMs = Infinity;
    for (const [i, ms] of this.estimates) if (ms < this.incumbentMs) [this.incumbent, this.incumbentMs] = [i, ms];
  }

  /** Legal points not measured yet, in a random order. */
  unmeasuredShuffled(): number[] {
    const left = this.space.legal.map((_, i) => i).filter((i) => !this.isMeasured(i));
    return shuffle(left, this.options.random);
  }
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

type Walk = (evaluator: Evaluator) => Promise<void>;

/** Every legal point, in order. */
const exhaustive: Walk = async (evaluator) => {
  for (let i = 0; i < evaluator.space.legal.length; i++) await evaluator.estimate(i);
};

/** Legal points in a random order, until the budget is spent. */
const random: Walk = async (evaluator) => {
  for (const i of evaluator.unmeasuredShuffled()) await evaluator.estimate(i);
};

/**
 * Coordinate descent with restarts: from a random point, try every value of one axis at a time and move to the
 * best; at a point no axis improves, restart from a random unmeasured point.
 */
const hillClimb: Walk = async (evaluator) => {
  const { space, options } = evaluator;
  for (;;) {
    const start = evaluator.unmeasuredShuffled()[0];
    if (start === undefined) return;
    let here = start;
    let hereMs = await evaluator.estimate(here);
    for (let improved = true; improved; ) {
      improved = false;
      const axes = shuffle(space.axisSizes.map((_, axis) => axis), options.random);
      for (const axis of axes) {
        for (let value = 0; value < space.axisSizes[axis]!; value++) {
          const neighbour = [...space.legal[here]!];
          neighbour[axis] = value;
          const i = evaluator.indexOf(neighbour);
          if (i === undefined || i === here) continue;
          const ms = await evaluator.estimate(i);
          if (ms < hereMs) [here, hereMs, improved] = [i, ms, true];
        }
      }
    }
  }
};

const halvingBracketShare = 1 / 4; // each bracket starts with a quarter of the space, at one sample each

/**
 * Successive halving in brackets: measure a batch of random points with one sample, keep the better half and
 * double their samples, until one point has full samples; then start a bracket of fresh points.
 */
const successiveHalving: Walk = async (evaluator) => {
  const { space, options } = evaluator;
  const bracketSize = Math.max(4, Math.ceil(space.legal.length * halvingBracketShare));
  for (;;) {
    let alive = evaluator.unmeasuredShuffled().slice(0, bracketSize);
    if (alive.length === 0) return;
    for (let samples = 1; ; samples = Math.min(options.fullSamples, samples * 2)) {
      const ranked: [number, number][] = [];
      for (const i of alive) ranked.push([i, await evaluator.estimate(i, samples)]);
      ranked.sort((a, b) => a[1] - b[1]);
      if (samples >= options.fullSamples && alive.length === 1) break;
      alive = ranked.slice(0, Math.max(1, Math.ceil(ranked.length / 2))).map(([i]) => i);
      if (samples >= options.fullSamples && alive.length === 1) {
        await evaluator.estimate(alive[0]!);
        break;
      }
    }
  }
};

export const searchStrategies = { exhaustive, random, hill: hillClimb, halving: successiveHalving } as const;
export type SearchStrategyName = keyof typeof searchStrategies;
export const searchStrategyNames = Object.keys(searchStrategies) as SearchStrategyName[];
/** The strategies that try to need less than the whole space. */
export const smartStrategyNames: SearchStrategyName[] = ['hill', 'halving'];

/** Runs one strategy until it is done or its budget is spent. */
export async function search(name: SearchStrategyName, space: SearchSpace, measure: Measure, options: SearchOptions): Promise<SearchResult> {
  if (space.legal.length === 0) throw new Error('The search space has no legal points; nothing to tune.');
  const evaluator = new Evaluator(space, measure, options);
  try {
    await searchStrategies[name](evaluator);
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
  }
  return { best: evaluator.incumbent, bestMs: evaluator.incumbentMs, spent: evaluator.spent, steps: evaluator.steps };
}

/** mulberry32: a small seeded generator, so replays and tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
