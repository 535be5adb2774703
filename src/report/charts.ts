// The report's charts as Observable Plot specs over a bench report. The HTML report and the browser demo both
// draw from here.
//
// Why Observable Plot (0.6.17, pinned): every chart here is a few declarative marks over report rows (log-log
// lines, stacked bars, a cell heat map with facets), which Plot gives directly; uPlot is time-series first
// (no heat map or stacked bars without drawing them by hand), Chart.js needs a plugin for heat maps. Plot is
// maintained by Observable, ships types, renders plain SVG (readable offline, crisp in screenshots) and needs
// no server.
import * as Plot from '@observablehq/plot';
import type { BenchReport } from '../bench/record.ts';
import { copyRateRows, heatCells, memoryRows, overheadRows, phaseCharts, phaseNames, roundsOrder, startupRows, timeRows } from './report-data.ts';
import { hasMemoryToDraw, memoryCaption, overheadCaption } from './data-captions.ts';

export interface Chart {
  id: string;
  title: string;
  /** One sentence under the chart: what to look at. */
  caption: string;
  render(): (SVGSVGElement | HTMLElement)[];
}

const width = 860; // px: fits a laptop screen and an A4 print

/** Cake sizes on a log2 axis, ticked at powers of two as 2^k (every other one when there are many). */
function sizeAxis(sizes: readonly number[]) {
  const powers = [...new Set(sizes.map((n) => Math.round(Math.log2(n))))].sort((a, b) => a - b);
  const step = powers.length > 8 ? 2 : 1;
  return { type: 'log' as const, base: 2, label: 'cake size n (slices)', ticks: powers.filter((_, i) => i % step === 0).map((k) => 2 ** k), tickFormat: (n: number) => `2^${Math.round(Math.log2(n))}` };
}

/** One colour per strategy (and copy route) in every chart, in the report's order, legend shown. */
function strategyColours(report: BenchReport) {
  const names = [...new Set([...report.results.map((r) => r.strategy), ...(report.copies ?? []).map((c) => c.route)])];
  return { legend: true, type: 'categorical' as const, scheme: 'tableau10' as const, domain: names };
}

/** A log axis labelled only at powers of ten (Plot's default writes 0.1 ms as "100m", which reads as minutes). */
function logAxis(label: string) {
  const isPowerOfTen = (value: number) => Math.abs(Math.log10(value) - Math.round(Math.log10(value))) < 1e-9;
  return { type: 'log' as const, label, grid: true, tickFormat: (value: number) => (isPowerOfTen(value) ? String(+value.toPrecision(1)) : '') };
}

/** The charts a report has data for, in reading order. */
export function reportCharts(report: BenchReport): Chart[] {
  const charts: Chart[] = [
    {
      id: 'break-even-map',
      title: 'The break-even map: who wins each cell',
      caption: 'Each cell is a cake size and an eating cost; its colour is the fastest strategy, its label the speed-up over loop (none where loop was skipped). Blank: not measured.',
      render: () => {
        const cells = heatCells(report);
        const sizes = [...new Set(cells.map((c) => c.n))].sort((a, b) => a - b).map((n) => cells.find((c) => c.n === n)!.size);
        return [Plot.plot({
          width, marginLeft: 110, padding: 0.04,
          x: { domain: sizes, label: 'cake size n (slices)' },
          y: { label: 'eat cost (rounds)', domain: roundsOrder(report) },
          color: strategyColours(report),
          marks: [
            Plot.cell(cells, { x: 'size', y: 'roundsName', fill: 'strategy', inset: 0.5, tip: true }),
            Plot.text(cells, { x: 'size', y: 'roundsName', text: 'label', fill: 'white', fontSize: 10 }),
          ],
        })];
      },
    },
    {
      id: 'time-vs-n',
      title: 'Time to eat the cake vs its size',
      caption: 'Median wall time per strategy (log-log), one panel per eat cost; whiskers span p10-p90. Flat lines at the left are fixed overheads.',
      render: () => {
        const rows = timeRows(report);
        return [Plot.plot({
          width, height: 200 * new Set(rows.map((r) => r.rounds)).size + 60, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('median ms'),
          fy: { label: null, domain: roundsOrder(report) },
          color: strategyColours(report),
          marks: [
            Plot.ruleX(rows, { x: 'n', y1: 'p10Ms', y2: 'p90Ms', stroke: 'strategy', fy: 'rounds', strokeOpacity: 0.5 }),
            Plot.line(rows, { x: 'n', y: 'medianMs', stroke: 'strategy', fy: 'rounds', sort: 'n' }),
            Plot.dot(rows, { x: 'n', y: 'medianMs', fill: 'strategy', fy: 'rounds', r: 2, tip: true }),
          ],
        })];
      },
    },
    {
      id: 'phases',
      title: 'Where the time goes: phases of the median run',
      caption: 'Stacked phases per strategy at the largest size measured by loop and at least half the strategies, one chart per eat cost. Wall-clock phases are never negative; negative unattributed is their overlap (pools send while friends eat; a GPU kernel timed by timestamp-query may run during encode).',
      render: () =>
        phaseCharts(report).map(({ title, rows }) =>
          Plot.plot({
            width, height: 240, marginLeft: 60, title,
            x: { label: null },
            y: { label: 'ms', grid: true },
            color: { legend: true, scheme: 'set2', domain: phaseNames(report) },
            marks: [Plot.barY(rows, { x: 'strategy', y: 'ms', fill: 'phase', tip: true }), Plot.ruleY([0])],
          }),
        ),
    },
    {
      id: 'copy-rate',
      title: 'Copy speed per route vs size, with memcpy as the limit',
      caption: 'GB/s = bytes a strategy copies to and from its eaters / time in its copy phases (lightest eat cost). The dashed line is memcpy on this host: no route can beat it.',
      render: () => {
        const rows = copyRateRows(report);
        return [Plot.plot({
          width, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('GB/s'),
          color: strategyColours(report),
          marks: [
            Plot.line(rows.filter((r) => r.isLimit), { x: 'n', y: 'gbPerS', stroke: 'black', strokeDasharray: '6 4', strokeWidth: 2 }),
            Plot.text(rows.filter((r) => r.isLimit).slice(-1), { x: 'n', y: 'gbPerS', text: () => 'memcpy (limit)', dx: 8, textAnchor: 'start' }),
            Plot.line(rows.filter((r) => !r.isLimit), { x: 'n', y: 'gbPerS', stroke: 'route', sort: 'n' }),
            Plot.dot(rows.filter((r) => !r.isLimit), { x: 'n', y: 'gbPerS', fill: 'route', r: 2, tip: true }),
          ],
        })];
      },
    },
    {
      id: 'memory',
      title: 'Memory can be expensive: bytes copied and peak memory growth',
      caption: memoryCaption(report), // says why when there is nothing to draw
      render: () => {
        const rows = memoryRows(report);
        if (!hasMemoryToDraw(report)) return []; // no empty frame: the caption says why
        return [Plot.plot({
          width, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('MiB'),
          color: strategyColours(report),
          marks: [
            Plot.line(rows.filter((r) => r.megabytesCopied > 0), { x: 'n', y: 'megabytesCopied', stroke: 'strategy', sort: 'n' }),
            Plot.dot(rows.filter((r) => r.peakRssGrowthMB > 0), { x: 'n', y: 'peakRssGrowthMB', stroke: 'strategy', symbol: 'circle', tip: true }),
          ],
        })];
      },
    },
    {
      id: 'dispatch-overhead',
      title: 'Dispatch overhead: eating almost nothing',
      caption: overheadCaption(report), // names the cell plotted, or says there is no small cake yet
      render: () => overheadRows(report).length === 0 ? [] : [Plot.plot({
        width, marginLeft: 110, marginRight: 80,
        x: logAxis('ms per eating'),
        y: { label: null },
        marks: [
          Plot.dot(overheadRows(report), { x: 'ms', y: 'strategy', fill: 'steelblue', r: 5, tip: true, sort: { y: 'x' } }),
          Plot.text(overheadRows(report), { x: 'ms', y: 'strategy', text: (d: { ms: number }) => `${d.ms.toPrecision(2)} ms`, dx: 10, textAnchor: 'start' }),
        ],
      })],
    },
    {
      id: 'startup',
      title: 'Start-up costs, paid once before eating',
      caption: 'Every start-up measured (each cell starts its own friends); the red tick is the median.',
      render: () => {
        const rows = startupRows(report);
        const medians = [...new Set(rows.map((r) => r.strategy))].map((strategy) => {
          const sorted = rows.filter((r) => r.strategy === strategy).map((r) => r.ms).sort((a, b) => a - b);
          return { strategy, ms: sorted[Math.floor((sorted.length - 1) / 2)]! };
        });
        return [Plot.plot({
          width, marginLeft: 110,
          x: { label: 'ms', grid: true },
          y: { label: null },
          marks: [
            Plot.dot(rows, { x: 'ms', y: 'strategy', stroke: 'gray', r: 3, tip: true }),
            Plot.tickX(medians, { x: 'ms', y: 'strategy', stroke: 'red', strokeWidth: 3 }),
          ],
        })];
      },
    },
  ];
  return charts.filter((chart) => hasData(chart.id, report));
}

function hasData(id: string, report: BenchReport): boolean {
  switch (id) {
    case 'copy-rate':
      return copyRateRows(report).length > 0;
    case 'startup':
      return report.startup.length > 0;
    default:
      return report.results.length > 0;
  }
}
