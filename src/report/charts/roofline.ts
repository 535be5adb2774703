// The roofline: each record placed by its intensity (the eat's operations per byte moved, at its rounds) and the
// operations per second it reached, under the ceilings this run measured: memory (memcpy, the diagonal) and
// compute (the fastest CPU and GPU eating, the flat lines). A dot far under its roof is time spent elsewhere.
import * as Plot from '@observablehq/plot';
import type { BenchReport } from '../../record/record.ts';

export interface RooflineDot {
  strategy: string;
  n: number;
  rounds: number;
  intensity: number;
  gopPerS: number;
  percent: number;
  limit: string;
}

export interface CeilingPoint {
  ceiling: string;
  intensity: number;
  gopPerS: number;
}

/** Records whose eat declared its work, as roofline dots. */
export function rooflineDots(report: BenchReport): RooflineDot[] {
  const ops = report.environment.eat?.opsPerSliceRound;
  if (!ops) return [];
  return report.results.flatMap((r) => {
    const p = r.percentOfLimit;
    if (!p || p.limit === 'unknown intensity') return [];
    const gopPerS = (r.n * r.rounds * ops) / (r.medianMs / 1000) / 1e9;
    return [{ strategy: r.strategy, n: r.n, rounds: r.rounds, intensity: p.intensityOpsPerByte, gopPerS, percent: p.percent, limit: p.limit }];
  });
}

/** The ceilings as lines over the dots' intensities: min(compute, intensity x memory), for the best and the largest cake's memory. */
export function rooflineCeilings(report: BenchReport, dots: readonly RooflineDot[]): CeilingPoint[] {
  const limits = report.limits;
  if (!limits?.memory || dots.length === 0) return [];
  // down to a quarter of the lowest ridge (compute / memory), so the memory diagonal shows even when no dot is under it
  const ridges = [limits.cpuCompute?.opsPerS, limits.gpuCompute?.opsPerS].flatMap((ops) => (ops ? [ops / 1e9 / limits.memory!.peakGbPerS] : []));
  const low = Math.min(...dots.map((d) => d.intensity), ...ridges.map((r) => r / 4)) / 2;
  const high = Math.max(...dots.map((d) => d.intensity)) * 2;
  const xs = Array.from({ length: 41 }, (_, i) => low * (high / low) ** (i / 40));
  const largest = limits.memory.bySize.at(-1)!;
  const memories = [{ name: `memcpy best, ${limits.memory.peakGbPerS.toFixed(0)} GB/s`, gbPerS: limits.memory.peakGbPerS }, { name: `memcpy at 2^${Math.log2(largest.n)}, ${largest.gbPerS.toFixed(0)} GB/s`, gbPerS: largest.gbPerS }];
  const computes = [['cpu', limits.cpuCompute?.opsPerS], ['gpu', limits.gpuCompute?.opsPerS]] as const;
  return computes.flatMap(([who, opsPerS]) =>
    opsPerS ? memories.map((m) => xs.map((x) => ({ ceiling: `${who} ${(opsPerS / 1e9).toFixed(1)} Gop/s, ${m.name}`, intensity: x, gopPerS: Math.min(opsPerS / 1e9, x * m.gbPerS) }))).flat() : [],
  );
}

/** The chart: dots in their strategy's colour, ceilings in grey (dashed: the largest cake's memory). */
export function drawRoofline(report: BenchReport, width: number, colourOf: (name: string) => string, strategies: readonly string[]): SVGSVGElement | HTMLElement {
  const dots = rooflineDots(report);
  const ceilings = rooflineCeilings(report, dots);
  return Plot.plot({
    width, height: 360, marginRight: 20,
    x: { type: 'log', label: 'intensity (operations per byte moved)', grid: true },
    y: { type: 'log', label: 'achieved Gop/s', grid: true },
    color: { type: 'ordinal', domain: strategies, range: strategies.map(colourOf), legend: false },
    marks: [
      Plot.line(ceilings.filter((d) => d.ceiling.includes('best')), { x: 'intensity', y: 'gopPerS', z: 'ceiling', stroke: '#777', strokeWidth: 1.5 }),
      Plot.line(ceilings.filter((d) => !d.ceiling.includes('best')), { x: 'intensity', y: 'gopPerS', z: 'ceiling', stroke: '#777', strokeWidth: 1.5, strokeDasharray: '5 3' }),
      Plot.text(ceilings.filter((d, i) => i % 41 === 40 && d.ceiling.includes('best')), { x: 'intensity', y: 'gopPerS', text: 'ceiling', textAnchor: 'end', dy: -6, fontSize: 9, fill: '#555' }),
      Plot.dot(dots, { x: 'intensity', y: 'gopPerS', fill: 'strategy', r: 3, tip: true, title: (d: RooflineDot) => `${d.strategy} 2^${Math.log2(d.n)} x ${d.rounds}: ${d.percent.toFixed(0)} % of ${d.limit}` }),
    ],
  });
}
