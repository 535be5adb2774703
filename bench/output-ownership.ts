// Outputs never clobber silently: a file is only replaced when cake wrote it (a bench JSON or CSV by its first
// bytes; a --report folder by the marker file cake leaves in it), or with --force. A symbolic link in an output's
// place is never followed: writes rename a new file over the link itself, and without --force a link is refused.
import { closeSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../src/record/record.ts';
import { UsageError } from './args.ts';

/** Left in every --report folder cake writes: its files may be replaced by the next report. */
export const reportMarker = '.cake-report';
export const reportMarkerText = 'This folder holds a parallel-cake report (cake bench --report); cake replaces its index.html, report.json and report.csv.\n';
export const reportFiles = ['index.html', 'report.json', 'report.csv'];

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function firstBytes(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(200);
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Whether `path`'s first bytes are a bench JSON or CSV that cake writes. */
function isOurs(path: string, kind: 'json' | 'csv'): boolean {
  try {
    const head = firstBytes(path);
    return kind === 'json' ? head.replace(/\s/g, '').startsWith(`{"schema":"${schema}"`) : head.startsWith('strategy,n,rounds,');
  } catch {
    return false;
  }
}

const forceHint = (option: string, example: string) => `choose another path, or add --force to replace it. Example: cake bench ${option} ${example}`;

/** Refuses to replace a file cake did not write, or a symbolic link, at a --json or --csv path, unless `force`. */
export function checkOwnFile(option: '--json' | '--csv', path: string, force: boolean): void {
  const stat = lstatOrUndefined(path);
  if (!stat || force) return;
  if (stat.isSymbolicLink()) throw new UsageError(`${option}: ${path} is a symbolic link; cake would replace the link with its file; ${forceHint(option, `out.${option.slice(2)}`)}`);
  if (stat.isFile() && stat.size > 0 && !isOurs(path, option === '--json' ? 'json' : 'csv')) {
    throw new UsageError(`${option}: ${path} exists and is not a cake bench ${option.slice(2).toUpperCase()} file; ${forceHint(option, `out.${option.slice(2)}`)}`);
  }
}

/** Refuses a --report folder that holds report files cake did not write (no marker), or links, unless `force`. */
export function checkOwnReport(folder: string, force: boolean): void {
  if (force || !lstatOrUndefined(folder)) return;
  const marker = lstatOrUndefined(join(folder, reportMarker));
  const isMarked = marker?.isFile() === true; // a link posing as the marker does not count
  for (const file of reportFiles) {
    const stat = lstatOrUndefined(join(folder, file));
    if (!stat) continue;
    if (stat.isSymbolicLink()) throw new UsageError(`--report: ${join(folder, file)} is a symbolic link, which cake never follows; ${forceHint('--report', 'report')}`);
    if (!isMarked) throw new UsageError(`--report: ${folder} already holds ${file}, which cake did not write (no ${reportMarker} marker there); ${forceHint('--report', 'report')}`);
  }
}

/** Refuses to replace, at tune's --json path, a link or a file that is not a tune (or replay) JSON: tune has no --force. */
export function checkOwnTuneJson(path: string): void {
  const stat = lstatOrUndefined(path);
  if (!stat) return;
  const isTuneJson = () => firstBytes(path).replace(/\s/g, '').startsWith('{"format":"parallel-cake/tune');
  if (stat.isSymbolicLink() || (stat.isFile() && stat.size > 0 && !isTuneJson())) {
    throw new UsageError(`--json: ${path} ${stat.isSymbolicLink() ? 'is a symbolic link' : 'exists and is not a cake tune JSON file'}; cake tune replaces only its own. Choose another path, or remove it first. Example: cake tune --json tune.json`);
  }
}
