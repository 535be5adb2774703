// Telling two configurations apart from noise: a two-sided Mann-Whitney U test on their samples. On a shared
// 2-core machine differences under about 10 % vanish into noise without many samples, so the tuner reports
// "indistinguishable" rather than pretending to rank them.
import { quantile } from '../measure/stats.ts';

const zFor95 = 1.96; // two-sided 5 % level

export function medianOf(samplesMs: readonly number[]): number {
  return quantile([...samplesMs].sort((a, b) => a - b), 0.5);
}

/** Whether samples `a` and `b` come from different distributions at the 5 % level (Mann-Whitney U, normal approximation with ties). */
export function isDistinguishable(a: readonly number[], b: readonly number[]): boolean {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 < 3 || n2 < 3) return false; // too few samples to tell anything apart
  const all = [...a.map((ms) => ({ ms, fromA: true })), ...b.map((ms) => ({ ms, fromA: false }))].sort((x, y) => x.ms - y.ms);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.ms === all[i]!.ms) j++;
    const rank = (i + 1 + j) / 2; // average rank of a run of ties
    for (let k = i; k < j; k++) if (all[k]!.fromA) rankSumA += rank;
    const ties = j - i;
    tieTerm += ties ** 3 - ties;
    i = j;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (sigma === 0) return false;
  return Math.abs(u - (n1 * n2) / 2) / sigma > zFor95;
}

export interface Flatness {
  /** Half the p10-p90 width of a full evaluation's median, relative to the shape's median over all its samples. */
  noise: number;
  /** Shapes with at least two evaluations' samples, whose medians of fullSamples draws measured the noise. */
  shapesSampled: number;
  /** Shapes whose median is within `noise` of the best median (the best included). */
  withinNoise: number;
}

const draws = 200; // medians drawn per resampled shape: enough for a stable p10 and p90

/**
 * How much a full evaluation's median wanders on this landscape, measured on the shapes that hold at least two
 * evaluations' samples (the leaders a tune resampled): medians of `fullSamples` samples drawn without
 * replacement, 200 per shape, in a seeded order. Undefined when no shape has that many samples.
 */
export function flatnessOf(samplesMs: readonly (readonly number[])[], fullSamples: number, random: () => number): Flatness | undefined {
  const widths: number[] = [];
  for (const samples of samplesMs) {
    if (samples.length < 2 * fullSamples) continue;
    const medians: number[] = [];
    for (let d = 0; d < draws; d++) medians.push(medianOf(drawWithout(samples, fullSamples, random)));
    medians.sort((a, b) => a - b);
    widths.push((quantile(medians, 0.9) - quantile(medians, 0.1)) / 2 / medianOf(samples));
  }
  if (widths.length === 0) return undefined;
  const noise = medianOf(widths);
  const medians = samplesMs.map((samples) => medianOf(samples));
  const bestMs = Math.min(...medians);
  return { noise, shapesSampled: widths.length, withinNoise: medians.filter((ms) => ms <= bestMs * (1 + noise)).length };
}

function drawWithout(samples: readonly number[], count: number, random: () => number): number[] {
  const pool = [...samples];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}
