// `cake compare a.json b.json ...`: several machines or adapters side by side, from their bench JSONs (the CLI's
// or a browser's export). Reports without limits or models (older files, the page's export) are explained here.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../src/measure/asked.ts';
import { maxBaselineBytes } from '../src/record/read-baseline.ts';
import { readRegularFile } from './read-file.ts';
import { formatMachines } from '../src/format/machines.ts';
import { explain } from '../src/record/explain.ts';
import type { BenchReport } from '../src/record/record.ts';
import { reportHtml } from '../src/report/html.ts';
import { builtScript } from './built-script.ts';
import { nodeStrategies } from './node-strategies.ts';
import { checkCreatable, makeFolder } from './outputs.ts';

const example = 'cake compare laptop.json desktop.json --report compared';
const usage = `usage: cake compare A.json B.json [...] [--report DIR]
  the limits, cost models and break-even maps of several machines or adapters side by side, keyed by adapter,
  runtime, eat function, strategy and cost; --report DIR writes one HTML page with every report's charts.
  Example: ${example}`;

function readReport(path: string): BenchReport {
  let text: string;
  try {
    text = readRegularFile(path, maxBaselineBytes); // a regular file under the cap: /dev/zero or a FIFO would never end
  } catch (error) {
    throw new UsageError(`compare: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Example: ${example}`);
  }
  let report: BenchReport;
  try {
    report = JSON.parse(text) as BenchReport;
  } catch {
    throw new UsageError(`compare: ${path} is not JSON; give files written by cake bench --json or the page's Export records. Example: ${example}`);
  }
  if (report?.schema !== 'parallel-cake/bench@1' || !Array.isArray(report.results)) throw new UsageError(`compare: ${path} is not a parallel-cake/bench@1 report. Example: ${example}`);
  return report;
}

export function runCompare(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(usage + '\n'), 0;
  const at = argv.indexOf('--report');
  const dir = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (!dir || dir.startsWith('--'))) throw new UsageError(`compare: --report needs a folder. Example: ${example}`);
  const files = argv.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const unknown = files.find((file) => file.startsWith('--'));
  if (unknown) throw new UsageError(`compare: unknown option "${unknown}". Options: --report DIR. Example: ${example}`);
  if (files.length < 2) throw new UsageError(`compare: give at least 2 report files, got ${files.length}. Example: ${example}`);
  if (dir) {
    checkCreatable('--report', join(dir, 'index.html'), 'compared', 'a folder'); // a file in the folder's place is named, not EEXIST
    makeFolder(dir);
  }
  const familyOf = (name: string) => nodeStrategies.find((entry) => entry.name === name)?.family;
  const reports = files.map((file) => {
    const report = readReport(file);
    return report.models ? report : explain(report, familyOf);
  });
  process.stdout.write(formatMachines(reports, files.map((file) => basename(file))) + '\n');
  if (dir) {
    writeFileSync(join(dir, 'index.html'), reportHtml(reports, readFileSync(builtScript('report-page.js'), 'utf8'), nodeStrategies));
    process.stderr.write(`cake: wrote ${join(dir, 'index.html')}\n`);
  }
  return 0;
}
