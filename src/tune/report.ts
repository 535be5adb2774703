// Text for `cake tune`: the leaders with their ratios and whether noise separates them, the default and the
// worst shape, a text heat map (workgroup size x slices per invocation), and the replay table.
import type { Flatness } from './noise.ts';
import type { ReplayStats } from './replay.ts';
import type { RankedShape, TuneReport } from './tune.ts';

const ms = (value: number) => value.toPrecision(4);
const times = (value: number) => `${value.toFixed(2)}x`;

function row(label: string, shape: RankedShape): string {
  const verdict = label === '1' ? 'best' : shape.isDistinctFromBest ? '' : 'indistinguishable from best (5 % level)';
  return [label.padEnd(8), shape.shape.padEnd(34), ms(shape.medianMs).padStart(10), String(shape.samples).padStart(8), times(shape.vsBest).padStart(8), ' ' + verdict].join(' ').trimEnd();
}

export function formatTune(report: TuneReport): string {
  const lines = [
    `tune: ${report.adapter} · n=${report.slices} rounds=${report.rounds} · ${report.strategy} spent ${report.evaluations.toFixed(1)} of ${report.spaceSize} evaluations (seed ${report.seed}) · kernel time: ${report.clock}`,
    `samples: ${report.samplesTaken} taken now, ${report.samplesFromCache} from the cache; ${report.verifiedShapes} shapes verified bit-exact against the CPU twin; ${report.illegal.length} illegal shapes left out`,
    '',
    ['rank'.padEnd(8), 'shape'.padEnd(34), 'median ms'.padStart(10), 'samples'.padStart(8), 'vs best'.padStart(8)].join(' '),
    ...report.top.map((shape, i) => row(String(i + 1), shape)),
    row('default', report.default),
    row('worst', report.worst),
    '',
    `best ${report.best.shape}: ${times(report.speedupOverDefault)} faster than the default (64, scalar, one slice per invocation), ${times(report.speedupOverWorst)} faster than the worst shape measured`,
    '',
    'heat map: best median ms over the other axes (rows: workgroup size, columns: slices per invocation; - = not fully measured: fewer than --samples samples, as halving leaves the shapes it drops after a first look)',
    ['wg'.padStart(6), ...report.heatMap.slicesPerInvocation.map((s) => String(s).padStart(10))].join(''),
    ...report.heatMap.workgroupSizes.map((size, r) => [String(size).padStart(6), ...report.heatMap.ms[r]!.map((cell) => (cell === null ? '-' : ms(cell)).padStart(10))].join('')),
  ];
  return lines.join('\n');
}

export interface ReplayContext {
  spaceSize: number;
  tolerance: number;
  fullSamples: number;
  confirmSamples: number;
  /** How much a full evaluation's median wanders on the landscape (noise.ts); undefined when no shape was resampled. */
  flatness?: Flatness;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function formatReplay(stats: ReplayStats[], context: ReplayContext): string {
  const { spaceSize, tolerance, fullSamples, confirmSamples, flatness } = context;
  const within = `${tolerance * 100} %`;
  const budget = stats[0]?.budget ?? spaceSize;
  const confirming = confirmSamples > fullSamples ? `leaders confirmed with ${confirmSamples} samples` : 'no confirmation';
  const lines = [
    `replay: evaluations until the leader is within ${within} of the exhaustive best and stays there (space: ${spaceSize} legal shapes, ${stats[0]?.seeds ?? 0} seeds each, ${confirming})`,
    ['strategy'.padEnd(12), 'median'.padStart(8), 'share'.padStart(8), 'p90'.padStart(8), 'share'.padStart(8), 'missed'.padStart(8)].join(' '),
    ...stats.map((s) =>
      [s.strategy.padEnd(12), s.medianEvaluations.toFixed(1).padStart(8), percent(s.medianShare).padStart(8), s.p90Evaluations.toFixed(1).padStart(8), percent(s.p90Share).padStart(8), String(s.missed).padStart(8)].join(' '),
    ),
    `missed: seeds whose final answer was not within ${within}, though each strategy may spend ${budget} evaluations (a miss counts as ${budget} above).`,
    // Every strategy may spend more than the space, so a miss (even exhaustive's) is noise, not budget.
    `A search ranks shapes by the median of ${fullSamples} of their samples; ${confirmSamples > fullSamples ? `a leader is re-measured with ${confirmSamples} before it stays best, and those evaluations count` : 'its leaders are never re-measured, so a lucky median can stay best'}. The best is judged by all the samples the cache recorded (leaders have more).`,
  ];
  if (flatness && isFlatterThan(flatness, tolerance)) {
    const wander = `${Math.round(flatness.noise * 100)} %`;
    lines.push(
      `landscape flatter than the noise: ${flatness.withinNoise} shapes within ${wander} of the best, and a median of ${fullSamples} samples wanders +-${wander} here (p10-p90 of draws from the ${flatness.shapesSampled} shapes with ${2 * fullSamples}+ samples); a ${within} verdict is finer than these samples can tell.`,
    );
  }
  return lines.join('\n');
}

/** More than one shape within the noise of the best, and the noise wider than the tolerance. */
export function isFlatterThan(flatness: Flatness, tolerance: number): boolean {
  return flatness.noise > tolerance && flatness.withinNoise > 1;
}
