// Summary statistics of timing samples.

/** The q-quantile (0..1) of ascending `sorted` samples, linearly interpolated (type 7, like numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export interface Summary {
  medianMs: number;
  minMs: number;
  p10Ms: number;
  p90Ms: number;
  /** (p90 - p10) / median: the noise a change must beat to be real. */
  spread: number;
}

/** Summarizes samples in ms (any order). */
export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const medianMs = quantile(sorted, 0.5);
  const p10Ms = quantile(sorted, 0.1);
  const p90Ms = quantile(sorted, 0.9);
  return { medianMs, minMs: sorted[0] ?? NaN, p10Ms, p90Ms, spread: (p90Ms - p10Ms) / medianMs };
}
