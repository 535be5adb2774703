// Every record of the report as a table: how noisy each median is (p10-p90, spread, runs) and that each run was
// verified (checksum ok), next to the charts that show only medians. The cells are the terminal table's own
// (src/format/records.ts), so the two never disagree. Only the report page adds it: the demo shows its own table.
import type { BenchReport } from '../record/record.ts';
import { recordCells, recordHeader } from '../format/records.ts';

/** More rows than this fold away under a <details>: a sweep's 200 records would bury the charts after them. */
const foldAfterRows = 40;
const firstNumberColumn = 3; // strategy, n and rounds read as names; the rest align right, as in the terminal

/**
 * The table with a clock column: each record's clock sentence is long and a report has a handful, so a cell
 * holds its number in the list under the table.
 */
export function recordsSection(report: BenchReport): HTMLElement {
  const clocks = [...new Set(report.results.map((r) => r.clock))];
  const table = document.createElement('table');
  table.className = 'records';
  const head = table.createTHead().insertRow();
  for (const title of [...recordHeader, 'clock']) head.appendChild(Object.assign(document.createElement('th'), { textContent: title }));
  const body = table.createTBody();
  for (const record of report.results) {
    const row = body.insertRow();
    for (const [column, text] of [...recordCells(report, record), `[${clocks.indexOf(record.clock) + 1}]`].entries()) {
      const cell = row.insertCell();
      cell.textContent = text;
      if (column >= firstNumberColumn) cell.className = 'number';
    }
  }
  const scroller = document.createElement('div');
  scroller.className = 'records';
  scroller.appendChild(table);
  const clockList = document.createElement('ol');
  clockList.className = 'clocks';
  for (const clock of clocks) clockList.appendChild(Object.assign(document.createElement('li'), { textContent: clock }));
  const note = document.createElement('p');
  note.textContent = 'Spread = (p90 - p10) / median of the timed runs; vs loop = loop\'s median / this one at the same n and rounds; checksum ok = every run matched the CPU twin slice by slice.';
  const clockNote = document.createElement('p');
  clockNote.textContent = 'The clock that timed each record:';

  const section = document.createElement('section');
  section.className = 'records';
  section.appendChild(Object.assign(document.createElement('h2'), { textContent: 'Every record' }));
  if (report.results.length <= foldAfterRows) {
    section.append(note, scroller, clockNote, clockList);
    return section;
  }
  const folded = document.createElement('details');
  folded.appendChild(Object.assign(document.createElement('summary'), { textContent: `${report.results.length} records: medians, p10-p90, spread, runs and checksums` }));
  folded.append(note, scroller, clockNote, clockList);
  section.appendChild(folded);
  return section;
}
