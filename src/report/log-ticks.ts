// Ticks for the charts' log axes. Labelling powers of ten only left an axis spanning less than a decade with one
// label ("10"), which reads no value; Plot's own labels write 0.1 ms as "100m", which reads as minutes. No DOM here.

const stepsPerDecade = [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]];
const enoughLabels = 3;

/**
 * The ticks for a log axis over `values`: each power of ten when they span three or more, else 1-2-5 steps, else
 * every step of each decade; with no such step inside (values within a few percent), their extremes.
 */
export function logTicks(values: readonly number[]): number[] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [];
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const inside = (tick: number) => tick >= low * (1 - 1e-9) && tick <= high * (1 + 1e-9);
  let ticks: number[] = [];
  for (const steps of stepsPerDecade) {
    ticks = [];
    for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
      for (const step of steps) if (inside(step * 10 ** power)) ticks.push(step * 10 ** power);
    }
    if (ticks.length >= enoughLabels) return ticks;
  }
  return ticks.length > 0 ? ticks : [...new Set([low, high])];
}

/** A tick as a plain number: 0.001, 20, 5000 (not 5e+3), and three digits for the extremes of a narrow axis. */
export function logTickLabel(value: number): string {
  return String(+value.toPrecision(3));
}
