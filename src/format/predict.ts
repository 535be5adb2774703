// Predictions from a sweep's cached cost models: time per strategy at sizes and costs the machine did not
// measure, with a range from the fit's own error, saying when it extrapolates past what was measured.
import { formatSize } from '../record/crossover.ts';
import { predictMs } from '../record/model.ts';
import type { StrategyModel } from '../record/explained.ts';
import { roundsLabel } from './map.ts';

export interface Prediction {
  strategy: string;
  n: number;
  rounds: number;
  ms: number;
  /** ms x (1 -+ the fit's worst relative error on its own records). */
  lowMs: number;
  highMs: number;
  /** Why this is past what was measured: sizes above maxN, rounds outside the range; empty when inside. */
  extrapolating: string[];
}

export function predict(model: StrategyModel, n: number, rounds: number): Prediction {
  const ms = predictMs(model, n, rounds, model.bytesPerSlice);
  const error = model.maxErrorPercent / 100;
  const extrapolating: string[] = [];
  if (n > model.maxN) extrapolating.push(`${(n / model.maxN).toPrecision(3)}x the largest cake measured (${formatSize(model.maxN)})`);
  if (n < model.minN) extrapolating.push(`below the smallest cake measured (${formatSize(model.minN)})`);
  if (rounds > model.maxRounds || rounds < model.minRounds) extrapolating.push(`rounds outside the ${model.minRounds}..${model.maxRounds} measured`);
  return { strategy: model.strategy, n, rounds, ms, lowMs: Math.max(0, ms * (1 - error)), highMs: ms * (1 + error), extrapolating };
}

const time = (ms: number) => (ms >= 7_200_000 ? `${(ms / 3_600_000).toPrecision(3)} h` : ms >= 120_000 ? `${(ms / 60_000).toPrecision(3)} min` : ms >= 1000 ? `${(ms / 1000).toPrecision(3)} s` : ms >= 1 ? `${ms.toPrecision(3)} ms` : `${(ms * 1000).toPrecision(3)} µs`);

/** A table per (n, rounds): strategies fastest first, each with its range, and what the prediction stands on. */
export function formatPredictions(predictions: readonly Prediction[], memoryBytes: number, bytesPerSlice: number): string {
  const lines = ['Predicted from the cost models (range: the fit\'s worst error on its own records; past the measured sizes it is a floor, not a bound):'];
  const cells = [...new Set(predictions.map((p) => `${p.n}/${p.rounds}`))];
  for (const cell of cells) {
    const own = predictions.filter((p) => `${p.n}/${p.rounds}` === cell).sort((a, b) => a.ms - b.ms);
    const { n, rounds } = own[0]!;
    const bytes = n * bytesPerSlice;
    const memory = bytes > memoryBytes ? `; the cake and its eaten copy need ${(bytes / 2 ** 30).toFixed(1)} GiB, more than this machine's ${(memoryBytes / 2 ** 30).toFixed(1)} GiB: only a strategy that streams it in chunks could eat it, at the cost per byte measured` : '';
    lines.push(`${formatSize(n)} slices x ${roundsLabel(rounds)}${memory}:`);
    for (const p of own) {
      const where = p.extrapolating.length > 0 ? `EXTRAPOLATING: ${p.extrapolating.join(', ')}` : 'inside the measured range';
      lines.push(`  ${p.strategy.padEnd(13)} ${time(p.ms).padStart(10)}  (${time(p.lowMs)} .. ${time(p.highMs)})  ${where}`);
    }
  }
  return lines.join('\n');
}
