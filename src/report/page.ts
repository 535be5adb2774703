// The report page's script: draws a bench report's charts and break-even table into the page. The HTML
// report embeds the report and runs this on load; the browser demo can call drawReport() with its own.
import { describeBreakEven } from '../record/crossover.ts';
import type { BenchReport } from '../record/record.ts';
import { formatSkippedCells, formatSweepSummary, roundsLabel } from '../format/map.ts';
import { reportCharts } from './charts.ts';
import type { StrategyLook } from './colours.ts';
import { looksElementId, reportElementId } from './html.ts';
import { environmentRows } from './environment-rows.ts';
import { recordsSection } from './records-table.ts';
import { crossovers } from './report-data.ts';
import { formatLimits, formatPredictedBreakEven } from '../format/explain.ts';
import { formatMachines, machineLabel } from '../format/machines.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** The n* table: one row per strategy, one column per rounds value. */
function breakEvenTable(report: BenchReport): HTMLTableElement {
  const found = crossovers(report);
  const roundsValues = [...new Set(found.map((c) => c.rounds))].sort((a, b) => a - b);
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const title of ['beats loop from n* =', ...roundsValues.map(roundsLabel)]) head.appendChild(element('th', title));
  const body = table.createTBody();
  for (const strategy of [...new Set(found.map((c) => c.strategy))]) {
    const row = body.insertRow();
    row.appendChild(element('th', strategy));
    for (const rounds of roundsValues) {
      const crossover = found.find((c) => c.strategy === strategy && c.rounds === rounds);
      row.insertCell().textContent = crossover ? describeBreakEven(crossover.breakEven) : 'not measured';
    }
  }
  return table;
}

/** Runtime, CPU, clocks, adapter and wait as a definition list: which machine and clock every figure below comes from. */
function environmentList(report: BenchReport): HTMLDListElement {
  const list = element('dl', undefined, 'environment');
  for (const { label, value } of environmentRows(report)) list.append(element('dt', label), element('dd', value));
  return list;
}

/** Draws everything into `root`, strategies in their registry colours (`looks`); returns how many charts were drawn. */
export function drawReport(report: BenchReport, root: HTMLElement, looks: readonly StrategyLook[]): number {
  const env = report.environment;
  root.appendChild(element('p', `${env.runtime}, ${env.cpus} x${env.cores}. ${report.results.length} records, every run verified slice by slice against the CPU twin.`, 'environment'));
  const [headline, ...counts] = formatSweepSummary(report).split('\n');
  if (headline) root.appendChild(element('p', headline, 'sweep-summary'));
  const skippedCells = formatSkippedCells(report);
  if (counts.length > 0 || skippedCells) {
    // The terminal prints the counts only; here every skipped cell is listed with its reason, folded away.
    const more = element('details');
    more.appendChild(element('summary', `${report.skipped?.length ?? 0} cells skipped, and why`));
    const byWhy = counts.filter((line) => !line.startsWith('Skipped ')); // the <summary> says how many
    more.appendChild(element('pre', [...byWhy, ...(skippedCells ? ['', 'Every skipped cell:', skippedCells] : [])].join('\n'), 'skipped-cells'));
    root.appendChild(more);
  }
  root.appendChild(element('h2', 'Where it was measured'));
  root.appendChild(environmentList(report));
  root.appendChild(element('h2', 'Break-even vs loop'));
  root.appendChild(element('p', 'n* is the cake size from which a strategy beats the for loop, log-interpolated between measured sizes.'));
  root.appendChild(breakEvenTable(report));
  const explained = [formatPredictedBreakEven(report), formatLimits(report)].filter(Boolean).join('\n\n');
  if (explained) {
    root.appendChild(element('h2', 'Why it pays: predicted break-even, limits, cost models, and what does not fit'));
    root.appendChild(element('pre', explained, 'explained'));
  }
  let drawn = 0;
  for (const chart of reportCharts(report, looks)) {
    const figure = element('figure');
    figure.dataset.chart = chart.id;
    figure.appendChild(element('h2', chart.title));
    for (const plot of chart.render()) figure.appendChild(plot);
    figure.appendChild(element('figcaption', chart.caption));
    root.appendChild(figure);
    drawn++;
  }
  return drawn;
}

const embedded = typeof document === 'undefined' ? null : document.getElementById(reportElementId);
if (embedded?.textContent) {
  const parsed = JSON.parse(embedded.textContent) as BenchReport | BenchReport[];
  const looks = JSON.parse(document.getElementById(looksElementId)?.textContent || '[]') as StrategyLook[];
  const root = document.getElementById('charts') ?? document.body;
  let chartCount = 0;
  if (Array.isArray(parsed)) {
    // cake compare: the machines side by side, then each machine's own report in a section.
    root.appendChild(element('h2', 'Machines side by side'));
    root.appendChild(element('pre', formatMachines(parsed, parsed.map((_, i) => `report ${i + 1}`)), 'machines'));
    parsed.forEach((report, i) => {
      const section = element('section');
      section.dataset.machine = String(i + 1);
      section.appendChild(element('h2', `#${i + 1}: ${machineLabel(report)}`));
      root.appendChild(section);
      chartCount += drawReport(report, section, looks);
    });
  } else {
    chartCount = drawReport(parsed, root, looks);
    root.appendChild(recordsSection(parsed)); // the report page only: the demo has its own results table
  }
  document.body.dataset.charts = String(chartCount);
  document.body.dataset.done = '1';
}
