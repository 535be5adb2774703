// The report's charts as Observable Plot specs over a bench report. The HTML report and the browser demo both
// draw from here.
//
// Why Observable Plot (0.6.17, pinned): every chart here is a few declarative marks over report rows (log-log
// lines, stacked bars, a cell heat map with facets), which Plot gives directly; uPlot is time-series first
// (no heat map or stacked bars without drawing them by hand), Chart.js needs a plugin for heat maps. Plot is
// maintained by Observable, ships types, renders plain SVG (readable offline, crisp in screenshots) and needs
// no server.
import * as Plot from '@observablehq/plot';
import { baselineStrategy } from '../record/crossover.ts';
import type { BenchReport } from '../record/record.ts';
import { reportPalette, textOn, type Palette, type StrategyLook } from './colours.ts';
import { legend, type LegendEntry, type SwatchShape } from './legend.ts';
import { logTickLabel, logTicks } from './log-ticks.ts';
import { copyRateRows, heatCells, memoryRows, overheadRows, phaseCharts, phaseNames, roundsOrder, startupMedians, startupRows, timeRows } from './report-data.ts';
import { hasMemoryToDraw, memoryCaption, overheadCaption } from './data-captions.ts';
import { timelineChart, timelineRecords } from './timeline-chart.ts';
import { busyIdleChart, busyIdleRecords } from './busy-idle-chart.ts';
import { drawRoofline, rooflineDots } from './charts/roofline.ts';

import type { Chart } from './chart.ts';

const width = 860; // px: fits a laptop screen and an A4 print

/** Cake sizes on a log2 axis, ticked at powers of two as 2^k (every other one when there are many). */
function sizeAxis(sizes: readonly number[]) {
  const powers = [...new Set(sizes.map((n) => Math.round(Math.log2(n))))].sort((a, b) => a - b);
  const step = powers.length > 8 ? 2 : 1;
  return { type: 'log' as const, base: 2, label: 'cake size n (slices)', ticks: powers.filter((_, i) => i % step === 0).map((k) => 2 ** k), tickFormat: (n: number) => `2^${Math.round(Math.log2(n))}` };
}

/** A log axis over the values a chart draws on it, with enough labelled ticks to read a value (see log-ticks.ts). */
function logAxis(label: string, values: readonly number[]) {
  // inset: the extreme values' marks clear the axis line and its labels
  return { type: 'log' as const, label, grid: true, inset: 8, ticks: logTicks(values), tickFormat: logTickLabel };
}

/** Plot's colour scale for exactly these names, in their palette colours; our legend replaces Plot's. */
function colourScale(names: readonly string[], colourOf: (name: string) => string) {
  return { type: 'ordinal' as const, domain: names, range: names.map(colourOf), legend: false };
}

function strategyEntries(names: readonly string[], palette: Palette, shape: SwatchShape): LegendEntry[] {
  return names.map((label) => ({ label, colour: palette.strategy(label), shape, kind: 'strategy' as const }));
}

/** The charts a report has data for, in reading order; `looks`: the registry's strategies, for their colours and order. */
export function reportCharts(report: BenchReport, looks: readonly StrategyLook[]): Chart[] {
  const palette = reportPalette(report, looks);
  const { inStrategyOrder } = palette;
  const charts: Chart[] = [
    {
      id: 'break-even-map',
      title: 'The break-even map: who wins each cell',
      caption: 'Each cell is a cake size and an eating cost; its colour is the fastest strategy, its label the speed-up over loop (none where loop was skipped). Blank: not measured.',
      render: () => {
        const cells = heatCells(report);
        const sizes = [...new Set(cells.map((c) => c.n))].sort((a, b) => a - b).map((n) => cells.find((c) => c.n === n)!.size);
        const winners = inStrategyOrder(cells.map((c) => c.strategy));
        return [legend(strategyEntries(winners, palette, 'box')), Plot.plot({
          width, marginLeft: 110, padding: 0.04,
          x: { domain: sizes, label: 'cake size n (slices)' },
          y: { label: 'eat cost (rounds)', domain: roundsOrder(report) },
          color: colourScale(winners, palette.strategy),
          marks: [
            Plot.cell(cells, { x: 'size', y: 'roundsName', fill: 'strategy', inset: 0.5, tip: true }),
            Plot.text(cells, { x: 'size', y: 'roundsName', text: 'label', fill: (c: { strategy: string }) => textOn(palette.strategy(c.strategy)), fontSize: 10 }),
          ],
        })];
      },
    },
    {
      id: 'time-vs-n',
      title: 'Time to eat the cake vs its size',
      caption: 'Median wall time per strategy (log-log), one panel per eat cost; whiskers span p10-p90; loop, the baseline, is the thick line. Flat lines at the left are fixed overheads.',
      render: () => {
        const rows = timeRows(report);
        const strategies = inStrategyOrder(rows.map((r) => r.strategy));
        const isBaseline = (r: { strategy: string }) => r.strategy === baselineStrategy;
        // z: one line per strategy and panel, said outright; left implicit, Plot warns of its high cardinality.
        const line = { x: 'n', y: 'medianMs', z: 'strategy', stroke: 'strategy', fy: 'rounds', sort: 'n' } as const;
        return [legend(strategyEntries(strategies, palette, 'line')), Plot.plot({
          width, height: 200 * new Set(rows.map((r) => r.rounds)).size + 60, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('median ms', rows.flatMap((r) => [r.p10Ms, r.medianMs, r.p90Ms])),
          fy: { label: null, domain: roundsOrder(report) },
          color: colourScale(strategies, palette.strategy),
          marks: [
            Plot.ruleX(rows, { x: 'n', y1: 'p10Ms', y2: 'p90Ms', stroke: 'strategy', fy: 'rounds', strokeOpacity: 0.5 }),
            Plot.line(rows.filter((r) => !isBaseline(r)), { ...line, strokeWidth: 1.5 }),
            Plot.line(rows.filter(isBaseline), { ...line, strokeWidth: 3 }),
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
        phaseCharts(report).flatMap(({ title, rows }) => {
          const phases = phaseNames(report).filter((phase) => rows.some((r) => r.phase === phase));
          // Our own heading, not Plot's title: Plot puts its title inside its figure, under the legend we draw.
          const heading = document.createElement('h3');
          heading.textContent = title;
          return [
            heading,
            legend(phases.map((label) => ({ label, colour: palette.phase(label), shape: 'box' as const, kind: 'phase' as const }))),
            Plot.plot({
              width, height: 240, marginLeft: 60,
              x: { label: null, domain: inStrategyOrder(rows.map((r) => r.strategy)) },
              y: { label: 'ms', grid: true },
              color: colourScale(phases, palette.phase),
              marks: [Plot.barY(rows, { x: 'strategy', y: 'ms', fill: 'phase', tip: true }), Plot.ruleY([0])],
            }),
          ];
        }),
    },
    timelineChart(report, palette),
    busyIdleChart(report, palette),
    {
      id: 'copy-rate',
      title: 'Copy speed per route vs size, with memcpy as the limit',
      caption: "GB/s = bytes a strategy copies to and from its eaters / time in its copy phases (lightest eat cost; solid lines in the strategy's colour). Dotted: the GPU's upload and readback routes measured alone. The dashed line is memcpy on this host: no route can beat it.",
      render: () => {
        const rows = copyRateRows(report);
        const limit = rows.filter((r) => r.kind === 'limit');
        const strategies = inStrategyOrder(rows.filter((r) => r.kind === 'strategy').map((r) => r.route));
        const routes = [...new Set(rows.filter((r) => r.kind === 'route').map((r) => r.route))];
        const colourOf = (name: string) => (strategies.includes(name) ? palette.strategy(name) : palette.route(name));
        const entries: LegendEntry[] = [
          ...strategyEntries(strategies, palette, 'line'),
          ...routes.map((label) => ({ label, colour: palette.route(label), shape: 'dotted' as const, kind: 'route' as const })),
          ...(limit.length > 0 ? [{ label: `${limit[0]!.route} (limit)`, colour: palette.route(limit[0]!.route), shape: 'dashed' as const, kind: 'route' as const }] : []),
        ];
        const line = { x: 'n', y: 'gbPerS', z: 'route', stroke: 'route', sort: 'n' } as const;
        return [legend(entries), Plot.plot({
          width, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('GB/s', rows.map((r) => r.gbPerS)),
          color: colourScale([...strategies, ...routes, ...limit.slice(0, 1).map((r) => r.route)], colourOf),
          marks: [
            Plot.line(limit, { ...line, strokeDasharray: '6 3', strokeWidth: 2 }),
            Plot.text(limit.slice(-1), { x: 'n', y: 'gbPerS', text: () => 'memcpy (limit)', dx: 8, textAnchor: 'start' }),
            Plot.line(rows.filter((r) => r.kind === 'route'), { ...line, strokeDasharray: '2 2', strokeWidth: 2 }),
            Plot.line(rows.filter((r) => r.kind === 'strategy'), { ...line, strokeWidth: 1.5 }),
            Plot.dot(rows.filter((r) => r.kind !== 'limit'), { x: 'n', y: 'gbPerS', fill: 'route', r: 2, tip: true }),
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
        const copied = rows.filter((r) => r.megabytesCopied > 0);
        const grown = rows.filter((r) => r.peakRssGrowthMB > 0);
        const strategies = inStrategyOrder([...copied, ...grown].map((r) => r.strategy));
        return [legend(strategyEntries(strategies, palette, 'line')), Plot.plot({
          width, marginRight: 110,
          x: sizeAxis(rows.map((r) => r.n)),
          y: logAxis('MiB', [...copied.map((r) => r.megabytesCopied), ...grown.map((r) => r.peakRssGrowthMB)]),
          color: colourScale(strategies, palette.strategy),
          marks: [
            Plot.line(copied, { x: 'n', y: 'megabytesCopied', z: 'strategy', stroke: 'strategy', sort: 'n' }),
            Plot.dot(grown, { x: 'n', y: 'peakRssGrowthMB', stroke: 'strategy', symbol: 'circle', tip: true }),
          ],
        })];
      },
    },
    {
      id: 'dispatch-overhead',
      title: 'Dispatch overhead: eating almost nothing',
      caption: overheadCaption(report), // names the cell plotted, or says there is no small cake yet
      render: () => {
        const rows = overheadRows(report);
        if (rows.length === 0) return [];
        return [Plot.plot({
          width, marginLeft: 110, marginRight: 80,
          x: logAxis('ms per eating', rows.map((r) => r.ms)),
          y: { label: null },
          color: colourScale(inStrategyOrder(rows.map((r) => r.strategy)), palette.strategy), // the y axis names them: no legend
          marks: [
            Plot.dot(rows, { x: 'ms', y: 'strategy', fill: 'strategy', r: 5, tip: true, sort: { y: 'x' } }),
            Plot.text(rows, { x: 'ms', y: 'strategy', text: (d: { ms: number }) => `${d.ms.toPrecision(2)} ms`, dx: 10, textAnchor: 'start' }),
          ],
        })];
      },
    },
    {
      id: 'roofline',
      title: 'The roofline: each record under the limits this machine measured',
      caption: "Each dot is a record: x its intensity (the eat's operations per slice-round x rounds / bytes per slice), y the operations per second it reached. Grey: the ceilings, min(compute, intensity x memory); solid with memcpy's best rate, dashed with its rate at the largest cake. Hover a dot for its % of limit.",
      render: () => {
        const strategies = inStrategyOrder(rooflineDots(report).map((d) => d.strategy));
        return [legend(strategyEntries(strategies, palette, 'box')), drawRoofline(report, width, palette.strategy, strategies)];
      },
    },
    {
      id: 'startup',
      title: 'Start-up costs, paid once before eating',
      caption: 'Every start-up measured (each cell starts its own friends), one row per strategy and kind of cost (a GPU asks for its adapter, builds its pipeline, dispatches once and checks its timestamps), log scale; the black tick is the median of the row.',
      render: () => {
        const rows = startupRows(report);
        const medians = startupMedians(report);
        const order = inStrategyOrder(rows.map((r) => r.strategy)).flatMap((strategy) => [...new Set(rows.filter((r) => r.strategy === strategy).map((r) => r.what))]);
        const longest = Math.max(...order.map((what) => what.length));
        return [Plot.plot({
          width, height: 22 * order.length + 60, marginLeft: Math.min(420, 6 * longest + 16),
          x: logAxis('ms', rows.map((r) => r.ms)),
          y: { label: null, domain: order },
          color: colourScale(inStrategyOrder(rows.map((r) => r.strategy)), palette.strategy), // the y axis names them: no legend
          marks: [
            Plot.dot(rows, { x: 'ms', y: 'what', stroke: 'strategy', r: 3, tip: true }),
            Plot.tickX(medians, { x: 'ms', y: 'what', stroke: 'black', strokeWidth: 3 }),
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
    case 'timeline':
      return timelineRecords(report).length > 0;
    case 'busy-idle':
      return busyIdleRecords(report).length > 0;
    case 'roofline':
      return rooflineDots(report).length > 0 && report.limits?.memory !== undefined;
    default:
      return report.results.length > 0;
  }
}
