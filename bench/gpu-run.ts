// The GPU run's helpers for scripts/gpu-run/run.sh, built beside the CLI so that they travel in its bundle:
// check that the adapter a run opened is the expected one, summarise a results folder, and lay several results
// folders side by side as a Markdown table (the README's "Results on other machines").
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BenchReport } from '../src/record/record.ts';
import { formatRunSummary, formatRunTable, type GpuRun, type RunStep } from '../src/format/run-summary.ts';
import { whyNotExpected } from '../src/gpu/expect-adapter.ts';
import type { TuneReport } from '../src/tune/tune.ts';

const usage = `usage: node dist/node/gpu-run.js <command>
  check-adapter REPORT.json EXPECTED   exit 0 when the report's adapter is EXPECTED (lavapipe, swiftshader, or a part
                                       of a real GPU's description: nvidia), else 1 with why; software only on purpose
  summary DIR                          a results folder of scripts/gpu-run/run.sh in a few lines
  table DIR...                         several results folders side by side, as Markdown`;

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** steps.tsv: one line per step, `name<TAB>status<TAB>seconds`. */
function readSteps(path: string): RunStep[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [name = '?', status = '?', seconds = 'NaN'] = line.split('\t');
    return { name, status, seconds: Number(seconds) };
  });
}

/** The folder run.sh writes: bench.json, large.json, sweep/report.json, tune.json, steps.tsv (any may be missing). */
function readRun(dir: string): GpuRun {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: give a results folder written by scripts/gpu-run/run.sh.`);
  return {
    name: basename(resolve(dir)),
    bench: readJson<BenchReport>(join(dir, 'bench.json')),
    large: readJson<BenchReport>(join(dir, 'large.json')),
    sweep: readJson<BenchReport>(join(dir, 'sweep', 'report.json')),
    tune: readJson<TuneReport>(join(dir, 'tune.json')),
    steps: readSteps(join(dir, 'steps.tsv')),
  };
}

function checkAdapter(reportPath: string, expected: string): number {
  const report = readJson<BenchReport>(reportPath);
  const adapter = report?.environment.gpu?.adapter;
  if (!adapter) {
    process.stderr.write(`gpu-run: ${reportPath} names no GPU adapter: the probe did not run a GPU strategy (see its log).\n`);
    return 1;
  }
  const why = whyNotExpected(adapter, expected);
  process.stdout.write(`gpu-run: adapter "${adapter.description}" (${adapter.vendor}, ${adapter.architecture}${adapter.isFallbackAdapter ? ', fallback' : ''}); expected ${expected}: ${why ? 'NO' : 'yes'}\n`);
  if (why) process.stderr.write(`gpu-run: ${why}\n`);
  return why ? 1 : 0;
}

function main([command, ...rest]: string[]): number {
  if (command === 'check-adapter' && rest.length === 2) return checkAdapter(rest[0]!, rest[1]!);
  if (command === 'summary' && rest.length === 1) return void process.stdout.write(formatRunSummary(readRun(rest[0]!)) + '\n'), 0;
  if (command === 'table' && rest.length > 0) return void process.stdout.write(formatRunTable(rest.map(readRun)) + '\n'), 0;
  process.stderr.write(usage + '\n');
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`gpu-run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
