// The timeline chart: a Gantt of the median run, one row per stage (GPU) or per friend (pools), each chunk a bar.
// GPU timelines mark the two bounds of CUDA's simpleMultiCopy: no overlap (every stage one after the other) and
// full overlap (the slowest stage alone), beside the measured wall time.
import * as Plot from '@observablehq/plot';
import { formatSize } from '../record/crossover.ts';
import type { BenchRecord, BenchReport } from '../record/record.ts';
import { roundsLabel } from '../format/map.ts';
import type { Palette } from './colours.ts';
import { legend } from './legend.ts';
import type { Chart } from './chart.ts';

const width = 860;

/** Per strategy with a timeline, the record at its largest cake (the lightest eat cost there): the most chunks. */
export function timelineRecords(report: BenchReport): BenchRecord[] {
  const best = new Map<string, BenchRecord>();
  for (const record of report.results) {
    if (!record.timeline) continue;
    const held = best.get(record.strategy);
    if (!held || record.n > held.n || (record.n === held.n && record.rounds < held.rounds)) best.set(record.strategy, record);
  }
  return [...best.values()];
}

/** The median run's wall time: its phases add up to it (unattributed included). */
const wallOf = (record: BenchRecord) => Object.values(record.phasesMs).reduce((sum, ms) => sum + ms, 0);

function headingOf(record: BenchRecord): string {
  const where = `${record.strategy}, n = ${formatSize(record.n)}, ${roundsLabel(record.rounds)}`;
  if (record.overlapEfficiency === undefined) return `${where}: where each friend spends the median run`;
  return `${where}: overlap efficiency ${record.overlapEfficiency.toFixed(2)} (0 none, 1 the slowest stage alone)`;
}

export function timelineChart(report: BenchReport, palette: Palette): Chart {
  return {
    id: 'timeline',
    title: 'Timeline of the median run: who does what to which chunk, when',
    caption:
      'Each bar is one chunk in one stage (GPU: host writes, device copies, kernel, copy-outs; pools: each friend\'s send, eat, receive), on one clock (the label under each chart says which). ' +
      'GPU timelines mark the no-overlap bound (every stage added up), the full-overlap bound (the slowest stage alone) and the measured wall time; gaps are waiting.',
    render: () =>
      timelineRecords(report).flatMap((record) => {
        const timeline = record.timeline!;
        const stages = [...new Set(timeline.bars.map((bar) => bar.stage))];
        const wallMs = wallOf(record);
        const marks: { label: string; ms: number }[] = [{ label: 'measured', ms: wallMs }];
        if (record.serialMs !== undefined) marks.push({ label: 'no overlap', ms: record.serialMs }, { label: 'full overlap', ms: record.overlapBoundMs! });
        const heading = document.createElement('h3');
        heading.textContent = headingOf(record);
        const clock = document.createElement('p');
        clock.className = 'timeline-clock';
        clock.textContent = `Clock: ${timeline.clock}.`;
        return [
          heading,
          legend(stages.map((label) => ({ label, colour: palette.phase(label), shape: 'box' as const, kind: 'phase' as const }))),
          Plot.plot({
            width, height: 34 * timeline.rows.length + 70, marginLeft: 190, marginTop: 30,
            x: { label: 'ms from the start of the eating', grid: true, domain: [0, Math.max(wallMs, ...marks.map((m) => m.ms), ...timeline.bars.map((b) => b.endMs))] },
            y: { label: null, domain: timeline.rows },
            color: { type: 'ordinal', domain: stages, range: stages.map(palette.phase), legend: false },
            marks: [
              Plot.barX(timeline.bars, { x1: 'startMs', x2: 'endMs', y: 'row', fill: 'stage', stroke: 'white', strokeWidth: 0.5, title: (b: { stage: string; chunk: number; startMs: number; endMs: number }) => `chunk ${b.chunk} ${b.stage}: ${b.startMs.toFixed(3)}-${b.endMs.toFixed(3)} ms` }),
              Plot.ruleX(marks.slice(0, 1), { x: 'ms', stroke: '#222222', strokeWidth: 1.5 }),
              Plot.ruleX(marks.slice(1), { x: 'ms', stroke: '#888888', strokeDasharray: '4 3', strokeWidth: 1.5 }),
              // one label per line, each a line lower, so bounds close together stay readable; measured (the right edge) reads leftwards
              ...marks.map((mark, i) => Plot.text([mark], { x: 'ms', text: (m: { label: string; ms: number }) => `${m.label} ${m.ms.toFixed(2)} ms`, frameAnchor: 'top', dy: -26 + 9 * i, fontSize: 9, textAnchor: i === 1 ? 'start' : 'end', dx: i === 1 ? 3 : -3 })),
            ],
          }),
          clock,
        ];
      }),
  };
}
