// Renders a bench report as an HTML table: the same records and numbers as the CLI's table.
import type { BenchReport } from '../record/record.ts';
import { ms } from '../format/records.ts';

function cell(tag: 'td' | 'th' | 'p', text: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

const maxOpenRecords = 12;

function folded(content: HTMLElement, summary: string): HTMLElement {
  const details = document.createElement('details');
  details.append(Object.assign(document.createElement('summary'), { textContent: summary }), content);
  return details;
}

export function renderResults(container: HTMLElement, report: BenchReport): void {
  const table = document.createElement('table');
  const header = ['strategy', 'n', 'rounds', 'median ms', 'p10-p90 ms', 'ns/slice-round', 'vs loop', 'phases (ms)', 'runs', 'checksum'];
  const headerRow = document.createElement('tr');
  headerRow.append(...header.map((text) => cell('th', text)));
  table.append(headerRow);
  for (const record of report.results) {
    const loop = report.results.find((r) => r.strategy === 'loop' && r.n === record.n && r.rounds === record.rounds);
    const phases = Object.entries(record.phasesMs).map(([name, value]) => `${name} ${ms(value)}`).join(', ');
    const row = document.createElement('tr');
    row.dataset.strategy = record.strategy;
    row.append(
      cell('td', record.strategy),
      cell('td', String(record.n)),
      cell('td', String(record.rounds)),
      cell('td', ms(record.medianMs)),
      cell('td', `${ms(record.p10Ms)}-${ms(record.p90Ms)}`),
      cell('td', record.nsPerSliceRound.toPrecision(3)),
      cell('td', loop ? `${(loop.medianMs / record.medianMs).toFixed(2)}x` : '-'),
      cell('td', phases),
      cell('td', String(record.runs)),
      cell('td', `${record.checksum} verified`, 'ok'),
    );
    table.append(row);
  }
  const environment = report.environment;
  const footer = document.createElement('p');
  footer.textContent =
    `${environment.runtime}, ${environment.cores} cores; wall clock performance.now (step ${ms(environment.hostClock.resolutionMs)} ms: ` +
    'browsers coarsen it on purpose). Every run verified slice by slice.';
  const failures = report.failures.map((f) => cell('p', `FAILED ${f.strategy} n=${f.n} rounds=${f.rounds}: ${f.error}`));
  // A sweep's many records fold away, so the break-even and charts below stay in view.
  const records = report.results.length > maxOpenRecords ? folded(table, `${report.results.length} records, every one verified (table)`) : table;
  container.replaceChildren(records, footer, ...failures);
}
