// Writes a bench's files: --json, --csv, and --report DIR (index.html with report.json and report.csv).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../src/bench/record.ts';
import { toCsv, toJson } from '../src/bench/report.ts';
import { reportHtml } from '../src/report/html.ts';
import { builtScript } from './node-host.ts';

export interface OutputPaths {
  json?: string;
  csv?: string;
  report?: string;
}

/** Writes every output asked for; returns the paths written, for the closing message. */
export function writeOutputs(report: BenchReport, paths: OutputPaths): string[] {
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    written.push(path);
  };
  if (paths.json) write(paths.json, toJson(report));
  if (paths.csv) write(paths.csv, toCsv(report));
  if (paths.report) {
    mkdirSync(paths.report, { recursive: true });
    write(join(paths.report, 'report.json'), toJson(report));
    write(join(paths.report, 'report.csv'), toCsv(report));
    write(join(paths.report, 'index.html'), reportHtml(report, readFileSync(builtScript('report-page.js'), 'utf8')));
  }
  return written;
}
