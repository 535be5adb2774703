// Writes a bench's files: --json, --csv, and --report DIR (index.html with report.json and report.csv). Every
// path is checked before anything is measured, so a typo costs a second, not a sweep; and a file that still
// cannot be written at the end is saved elsewhere, so measured results are never lost.
import { closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BenchReport } from '../src/record/record.ts';
import { toCsv, toJson } from '../src/format/records.ts';
import { reportHtml } from '../src/report/html.ts';
import { UsageError } from './args.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { checkOwnFile, checkOwnReport, reportMarker, reportMarkerText } from './output-ownership.ts';
import { builtScript } from './built-script.ts';
import { nodeStrategies } from './node-strategies.ts';

export interface OutputPaths {
  json?: string;
  csv?: string;
  report?: string;
  /** --force: replace files cake did not write (see output-ownership.ts). */
  force?: boolean;
}

/** What a file system error means to someone choosing an output path. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the file system is read-only',
    ENOENT: 'a folder on the way does not exist', ENOTDIR: 'a part of the path is a file, not a folder', EISDIR: 'it is a folder',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** A path that cannot be written: the usage line, and the bare reason for callers that say it their own way. */
export class PathError extends UsageError {
  constructor(message: string, readonly why: string) {
    super(message);
  }
}

/** Refuses a file path that cannot be written, without leaving anything behind. */
export function checkWritableFile(option: string, path: string, example: string, what = 'a file in a folder'): void {
  const fail = (why: string) => {
    throw new PathError(`${option}: cannot write ${path}: ${why}. Choose ${what} you can write to. Example: ${option} ${example}`, why);
  };
  if (existsSync(path)) {
    const stat = statSync(path);
    if (stat.isDirectory()) fail('it is a folder');
    try {
      // opens for writing without changing it, and without blocking: a FIFO with no reader would wait for ever
      closeSync(openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK));
    } catch (error) {
      fail((error as NodeJS.ErrnoException).code === 'ENXIO' && stat.isFIFO() ? 'it is a FIFO (named pipe) with no reader' : reason(error));
    }
    return;
  }
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) fail(`the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) fail(`${folder} is not a folder`);
  try {
    closeSync(openSync(path, 'wx'));
    unlinkSync(path);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${folder} does not take new files` : reason(error));
  }
}

/** The folders from the nearest existing one down to `folder`, the missing ones only, outermost first. */
function missingFolders(folder: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let existing = resolve(folder);
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = dirname(existing);
  }
  return { existing, missing };
}

/**
 * Checks `path` could be written once its missing folders are made (a probe file where the first missing folder
 * would go proves that), changing nothing. For the --report folder and the tune cache, whose folders are made.
 */
export function checkCreatable(option: string, path: string, example: string, what = 'a path'): void {
  const { existing, missing } = missingFolders(dirname(resolve(path)));
  if (!statSync(existing).isDirectory()) {
    const why = `${existing} is a file, not a folder`;
    throw new PathError(`${option}: cannot write ${path}: ${why}. Choose ${what} you can write to. Example: ${option} ${example}`, why);
  }
  checkWritableFile(option, missing.length > 0 ? missing[0]! : path, example, what);
}

/** Makes the missing folders one level at a time: a recursive mkdir under /proc never returns on Node 20. */
export function makeFolder(folder: string): void {
  for (const level of missingFolders(folder).missing) mkdirSync(level);
}

/** Refuses two outputs that would land on one file, naming both options. */
export function checkDistinct(outputs: [option: string, path: string | undefined][]): void {
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    if (!path) continue;
    const earlier = seen.get(resolve(path));
    if (earlier) throw new UsageError(`${earlier} and ${option} both write ${path}: one would overwrite the other. Give each its own file.`);
    seen.set(resolve(path), option);
  }
}

/** Checks every output path before the bench measures anything; two outputs may not share a path. */
export function checkOutputs(paths: OutputPaths): void {
  const inReport = (file: string) => (paths.report ? join(paths.report, file) : undefined);
  checkDistinct([['--json', paths.json], ['--csv', paths.csv], ['--report', inReport('report.json')], ['--report', inReport('report.csv')], ['--report', inReport('index.html')]]);
  if (paths.json) checkOwnFile('--json', paths.json, paths.force === true);
  if (paths.csv) checkOwnFile('--csv', paths.csv, paths.force === true);
  if (paths.report) checkOwnReport(paths.report, paths.force === true);
  if (paths.json) checkWritableFile('--json', paths.json, 'out.json');
  if (paths.csv) checkWritableFile('--csv', paths.csv, 'out.csv');
  if (paths.report) checkCreatable('--report', join(paths.report, 'index.html'), 'report', 'a folder');
}

export interface Written {
  /** Paths written as asked. */
  written: string[];
  /** Lines saying which file could not be written, why, and where its content went instead. */
  failures: string[];
}

/** A fresh folder for files that could not be written where asked: the temp folder, else the current one. */
function rescueFolder(): string {
  const tried: string[] = [];
  for (const parent of [tmpdir(), process.cwd()]) {
    try {
      return mkdtempSync(join(parent, 'cake-unsaved-'));
    } catch (error) {
      tried.push(`${parent}: ${reason(error)}`);
    }
  }
  throw new Error(`no folder to save it in (${tried.join('; ')})`);
}

/**
 * Writes every output asked for, each whole or not at all (writeFileAtomic); a file that fails is saved in a
 * fresh temp folder instead, and said so. One failure never keeps the other outputs from being written.
 */
export function writeOutputs(report: BenchReport, paths: OutputPaths): Written {
  const result: Written = { written: [], failures: [] };
  let rescue: string | undefined;
  const write = (path: string, text: () => string) => {
    try {
      writeFileAtomic(path, text());
      result.written.push(path);
    } catch (error) {
      try {
        rescue ??= rescueFolder();
        const saved = join(rescue, `${result.failures.length + 1}-${path.split(/[\\/]/).at(-1) || 'out'}`);
        writeFileSync(saved, text());
        result.failures.push(`could not write ${path} (${reason(error)}); saved it as ${saved}`);
      } catch (rescueError) {
        result.failures.push(`could not write ${path} (${reason(error)}), nor save it elsewhere: ${rescueError instanceof Error ? rescueError.message : String(rescueError)}`);
      }
    }
  };
  if (paths.json) write(paths.json, () => toJson(report));
  if (paths.csv) write(paths.csv, () => toCsv(report));
  if (paths.report) {
    try {
      makeFolder(paths.report);
    } catch {
      // the writes below fail too, and are saved elsewhere
    }
    write(join(paths.report, reportMarker), () => reportMarkerText); // first: the files below are cake's from now on
    write(join(paths.report, 'report.json'), () => toJson(report));
    write(join(paths.report, 'report.csv'), () => toCsv(report));
    write(join(paths.report, 'index.html'), () => reportHtml(report, readFileSync(builtScript('report-page.js'), 'utf8'), nodeStrategies));
  }
  result.written = result.written.filter((path) => !path.endsWith(reportMarker));
  return result;
}
