// A tune: build the space from the device's limits, let a search strategy spend its budget through the
// runner, measure the default shape, then add samples to the leaders until each is told apart from the best
// or judged indistinguishable. Returns everything the report and the heat map need.
import type { Eat } from '../eat.ts';
import type { Gpu } from '../gpu/device.ts';
import type { TuneCache, TuneEntry } from './cache.ts';
import { kernelIdentity } from './kernel.ts';
import { isDistinguishable, medianOf } from './noise.ts';
import { TuneRunner } from './runner.ts';
import { search, seededRandom, type Point, type SearchStrategyName } from './search.ts';
import { axisNames, buildSpace, type ShapeSpace } from './space.ts';
import { defaultShape, parseShapeKey, shapeKey, type Shape } from '../gpu/shapes.ts';

export interface TuneOptions {
  gpu: Gpu;
  /** The eat function whose kernel is tuned: part of the cache key. */
  eat: Eat;
  cache: TuneCache;
  /** The WebGPU implementation and its version: part of the cache key. */
  runtime: string;
  slices: number;
  rounds: number;
  strategy: SearchStrategyName;
  /** Share of the legal space the search may spend (1 = all of it). */
  budgetShare: number;
  /** Samples in one full evaluation. */
  fullSamples: number;
  /** Most samples a leader gets while it is being told apart from the best. */
  maxSamples: number;
  seed: number;
  /** Narrows the workgroup-size axis (default: every size the limits allow). */
  workgroupSizes?: number[];
  onProgress?: (line: string) => void;
  /** Stops the tune between two measurements (the page's Stop button); the samples taken stay in the cache. */
  stop?: AbortSignal;
}

export interface RankedShape {
  shape: string;
  medianMs: number;
  samples: number;
  /** medianMs / best medianMs. */
  vsBest: number;
  /** False when its samples cannot be told apart from the best's at the 5 % level. */
  isDistinctFromBest: boolean;
}

export interface HeatMap {
  /** Rows: workgroup sizes; columns: slices per invocation; cells: the best median ms over the other axes (null: none measured). */
  workgroupSizes: number[];
  slicesPerInvocation: number[];
  ms: (number | null)[][];
}

export interface TuneReport {
  format: 'parallel-cake/tune@1';
  adapter: string;
  runtime: string;
  kernel: string;
  clock: string;
  slices: number;
  rounds: number;
  strategy: SearchStrategyName;
  seed: number;
  spaceSize: number;
  /** Full evaluations the search spent (of spaceSize). */
  evaluations: number;
  samplesTaken: number;
  /** Shapes eaten once and compared bit for bit with the CPU twin in this tune (before their first new sample). */
  verifiedShapes: number;
  samplesFromCache: number;
  best: RankedShape;
  default: RankedShape;
  worst: RankedShape;
  /** default / best and worst / best medians: how much tuning gains, and how much a bad shape loses. */
  speedupOverDefault: number;
  speedupOverWorst: number;
  /** The leaders, best first. */
  top: RankedShape[];
  illegal: { shape: string; reason: string }[];
  heatMap: HeatMap;
}

const leaders = 5; // shapes the report ranks and separates from noise

export function entryKey(runtime: string, eat: Eat, slices: number, rounds: number) {
  return { runtime, kernel: kernelIdentity(eat), rounds, slices };
}

/** The point (axis value indices) of a shape in `space`. */
export function pointOf(space: ShapeSpace, shape: Shape): Point {
  return axisNames.map((axis) => (space.axes[axis] as readonly unknown[]).indexOf(shape[axis]));
}

export async function tune(options: TuneOptions): Promise<TuneReport> {
  const { gpu, cache, slices, rounds, fullSamples } = options;
  const space = buildSpace(gpu.device.limits, slices, options.workgroupSizes);
  if (space.legal.length === 0) throw new Error(`No legal shape for a cake of ${slices} slices here: ${space.illegal[0]?.reason ?? 'empty space'}.`);
  const entry = cache.entry(entryKey(options.runtime, options.eat, slices, rounds));
  const cachedSamples = countSamples(entry);
  const runner = new TuneRunner(gpu, options.eat, entry, () => cache.save());
  const progress = options.onProgress ?? (() => {});
  try {
    const byPoint = new Map(space.legal.map((shape) => [pointOf(space, shape).join(','), shape]));
    const touched = new Set([shapeKey(defaultShape)]); // the report ranks only what this tune looked at
    const budget = Math.max(1, Math.round(space.legal.length * options.budgetShare));
    // Evaluations spent, counted as the search counts them (search.ts, Evaluator.estimate: it asks again only
    // for more samples, and pays for the new ones), so the progress line shows how much of the budget is gone.
    let spent = 0;
    const asked = new Map<string, number>();
    const measure = async (point: Point, samples: number) => {
      options.stop?.throwIfAborted();
      const shape = byPoint.get(point.join(','))!;
      const key = shapeKey(shape);
      touched.add(key);
      spent += (samples - (asked.get(key) ?? 0)) / fullSamples;
      asked.set(key, samples);
      const isNew = (entry.samplesMs[key]?.length ?? 0) < samples;
      const ms = await runner.measure(shape, samples);
      if (isNew) progress(`[${evaluations(spent)}/${budget}] ${key}: ${ms.toFixed(4)} ms (median of ${samples})`);
      return entry.samplesMs[key]!.slice(0, samples);
    };
    const legal = space.legal.map((shape) => pointOf(space, shape));
    const result = await search(options.strategy, { axisSizes: axisNames.map((axis) => space.axes[axis].length), legal }, measure, {
      budget,
      fullSamples,
      confirmSamples: options.maxSamples, // leaders are confirmed with as many samples as they get to be told apart
      random: seededRandom(options.seed),
    });
    options.stop?.throwIfAborted();
    await runner.measure(defaultShape, fullSamples);
    await separateLeaders(runner, entry, touched, options);
    const report = buildReport(options, space, entry, touched, runner, result.spent, cachedSamples);
    entry.tuned = { shape: report.best.shape, ms: report.best.medianMs, strategy: options.strategy, evaluations: result.spent, spaceSize: space.legal.length, at: new Date().toISOString() };
    cache.save();
    return report;
  } finally {
    runner.destroy();
  }
}

/** 12, or 12.4 while a search such as halving spends partial evaluations (fewer samples). */
const evaluations = (spent: number) => String(Math.round(spent * 10) / 10); // 0.2 * 5 sums to 1.0000000000000002

function countSamples(entry: TuneEntry): number {
  return Object.values(entry.samplesMs).reduce((sum, samples) => sum + samples.length, 0);
}

/** Shapes this tune fully measured, fastest first. */
function ranked(entry: TuneEntry, touched: Set<string>, fullSamples: number): [string, number[]][] {
  return Object.entries(entry.samplesMs)
    .filter(([key, samples]) => touched.has(key) && samples.length >= fullSamples)
    .sort((a, b) => medianOf(a[1]) - medianOf(b[1]));
}

/** Adds samples to the best and each leader it cannot yet tell apart from the best, up to maxSamples. */
async function separateLeaders(runner: TuneRunner, entry: TuneEntry, touched: Set<string>, options: TuneOptions): Promise<void> {
  for (let samples = options.fullSamples * 2; samples <= options.maxSamples; samples = Math.min(options.maxSamples, samples * 2)) {
    const top = ranked(entry, touched, options.fullSamples).slice(0, leaders);
    const [best, ...rest] = top;
    if (!best) return;
    const unclear = rest.filter(([, other]) => !isDistinguishable(best[1], other));
    if (unclear.length === 0) return;
    for (const [key] of [best, ...unclear]) await runner.measure(parseShapeKey(key), samples);
    if (samples === options.maxSamples) return;
  }
}

function buildReport(options: TuneOptions, space: ShapeSpace, entry: TuneEntry, touched: Set<string>, runner: TuneRunner, spent: number, cached: number): TuneReport {
  const order = ranked(entry, touched, options.fullSamples);
  const [bestKey, bestSamples] = order[0]!;
  const bestMs = medianOf(bestSamples);
  const rank = ([key, samples]: [string, number[]]): RankedShape => ({
    shape: key,
    medianMs: medianOf(samples),
    samples: samples.length,
    vsBest: medianOf(samples) / bestMs,
    isDistinctFromBest: key === bestKey ? false : isDistinguishable(bestSamples, samples),
  });
  const defaultKey = shapeKey(defaultShape);
  const best = rank(order[0]!);
  const fallback = rank(order.find(([key]) => key === defaultKey) ?? order[0]!);
  const worst = rank(order.at(-1)!);
  return {
    format: 'parallel-cake/tune@1',
    adapter: options.gpu.adapterSummary.description,
    runtime: options.runtime,
    kernel: kernelIdentity(options.eat),
    clock: runner.clock,
    slices: options.slices,
    rounds: options.rounds,
    strategy: options.strategy,
    seed: options.seed,
    spaceSize: space.legal.length,
    evaluations: spent,
    samplesTaken: runner.samplesTaken,
    verifiedShapes: runner.verifiedShapes,
    samplesFromCache: cached,
    best,
    default: fallback,
    worst,
    speedupOverDefault: fallback.medianMs / best.medianMs,
    speedupOverWorst: worst.medianMs / best.medianMs,
    top: order.slice(0, leaders).map(rank),
    illegal: space.illegal.map(({ shape, reason }) => ({ shape: shapeKey(shape), reason })),
    heatMap: heatMapOf(space, order),
  };
}

function heatMapOf(space: ShapeSpace, order: [string, number[]][]): HeatMap {
  const { workgroupSize: workgroupSizes, slicesPerInvocation } = space.axes;
  const ms = workgroupSizes.map(() => slicesPerInvocation.map((): number | null => null));
  for (const [key, samples] of order) {
    const shape = parseShapeKey(key);
    const row = workgroupSizes.indexOf(shape.workgroupSize);
    const column = slicesPerInvocation.indexOf(shape.slicesPerInvocation);
    const median = medianOf(samples);
    if (row >= 0 && column >= 0 && (ms[row]![column] === null || median < ms[row]![column]!)) ms[row]![column] = median;
  }
  return { workgroupSizes, slicesPerInvocation, ms };
}

/** The recorded landscape of an exhaustive tune (every legal shape fully measured), for replay; undefined when incomplete. */
export function landscapeOf(entry: TuneEntry, space: ShapeSpace, fullSamples: number) {
  const points: Point[] = [];
  const samplesMs: number[][] = [];
  for (const shape of space.legal) {
    const samples = entry.samplesMs[shapeKey(shape)];
    if (!samples || samples.length < fullSamples) return undefined;
    points.push(pointOf(space, shape));
    samplesMs.push(samples);
  }
  return { axisSizes: axisNames.map((axis) => space.axes[axis].length), points, samplesMs };
}
