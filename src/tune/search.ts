// Search strategies over a space of points that never touch a device: they ask measure(point, samples) for
// samples and pay in evaluations (one evaluation = one point at full samples; fewer samples cost less). The walks
// choose what to measure; the evaluator (evaluator.ts) keeps the books and confirms leaders before they stay best.
// The same code runs a real tune (the runner measures on the GPU) and a replay (recorded samples).
import { BudgetSpent, Evaluator, shuffle } from './evaluator.ts';

export { shuffle };

export type { Measure, Point, SearchOptions, SearchResult, SearchSpace, Step } from './search-space.ts';
import type { Measure, Point, SearchOptions, SearchResult, SearchSpace } from './search-space.ts';

type Walk = (evaluator: Evaluator) => Promise<void>;

/** How many axes two points differ on. */
const axesApart = (a: Point, b: Point) => a.reduce((count, value, axis) => count + (value === b[axis] ? 0 : 1), 0);

/** Every legal point, in order; its leaders are confirmed at the end, from what the budget has left. */
const exhaustive: Walk = async (evaluator) => {
  for (let i = 0; i < evaluator.space.legal.length; i++) await evaluator.estimate(i);
};

/** Legal points in a random order, until the budget is spent; each new leader is confirmed at once. */
const random: Walk = async (evaluator) => {
  for (const i of evaluator.unmeasuredShuffled()) {
    await evaluator.estimate(i);
    await evaluator.confirmLeaders();
  }
};

const restartAxes = 2; // a restart first tries points at most this many axes away from the leader

/**
 * Coordinate descent with restarts: from a point, try every value of one axis at a time and move to the fastest;
 * at a point no axis improves, confirm the leaders and restart from an unmeasured point near the leader (else
 * anywhere). Moves compare fastest samples: noise on a shared machine slows a kernel down, so a slowed sample
 * cannot lure a climb.
 */
const hillClimb: Walk = async (evaluator) => {
  const { space, options } = evaluator;
  for (;;) {
    const unmeasured = evaluator.unmeasuredShuffled();
    const leader = space.legal[evaluator.incumbent];
    const start = (leader && unmeasured.find((i) => axesApart(space.legal[i]!, leader) <= restartAxes)) ?? unmeasured[0];
    if (start === undefined) return;
    let here = start;
    await evaluator.estimate(here);
    let hereMs = evaluator.fastest(here);
    for (let improved = true; improved; ) {
      improved = false;
      const axes = shuffle(space.axisSizes.map((_, axis) => axis), options.random);
      for (const axis of axes) {
        for (let value = 0; value < space.axisSizes[axis]!; value++) {
          const neighbour = [...space.legal[here]!];
          neighbour[axis] = value;
          const i = evaluator.indexOf(neighbour);
          if (i === undefined || i === here) continue;
          await evaluator.estimate(i);
          if (evaluator.fastest(i) < hereMs) [here, hereMs, improved] = [i, evaluator.fastest(i), true];
        }
      }
    }
    await evaluator.confirmLeaders();
  }
};

const halvingBracketShare = 1 / 5; // each bracket starts with a fifth of the space, at one sample each

/**
 * Successive halving in brackets: give a batch of points one sample, keep the faster half and double their
 * samples, until one point has full samples; confirm the leaders; start the next bracket. After the first, a
 * bracket takes the points nearest the leader. A point dropped after a first look may come back in a later
 * bracket, as if one axis farther away, and gets one more sample: a single sample may be one of the slow ones.
 * Below full samples, points are ranked by their fastest sample.
 */
const successiveHalving: Walk = async (evaluator) => {
  const { space, options } = evaluator;
  const bracketSize = Math.max(4, Math.ceil(space.legal.length * halvingBracketShare));
  for (;;) {
    await evaluator.confirmLeaders();
    const leader = space.legal[evaluator.incumbent];
    const distance = (i: number) => (leader ? axesApart(space.legal[i]!, leader) : 0) + (evaluator.isMeasured(i) ? 1 : 0);
    const open = shuffle(space.legal.map((_, i) => i).filter((i) => evaluator.samplesTaken(i) < options.fullSamples), options.random);
    let alive = open.sort((a, b) => distance(a) - distance(b)).slice(0, bracketSize);
    if (alive.length === 0) return;
    for (let samples = 1; ; samples = Math.min(options.fullSamples, samples * 2)) {
      const ranked: [number, number][] = [];
      for (const i of alive) {
        const asked = samples < options.fullSamples ? Math.max(samples, Math.min(options.fullSamples, evaluator.samplesTaken(i) + 1)) : samples;
        const ms = await evaluator.estimate(i, asked);
        ranked.push([i, samples < options.fullSamples ? evaluator.fastest(i) : ms]);
      }
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
  await evaluator.confirmLeaders();
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
