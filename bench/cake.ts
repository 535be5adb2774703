#!/usr/bin/env node
// The `cake` command line: parses arguments, runs the library, prints. No measuring logic lives here.
import { compareReports } from '../src/record/compare.ts';
import { maxBaselineBytes, parseBaseline } from '../src/record/read-baseline.ts';
import { readRegularFile } from './read-file.ts';
import { describeEnvironment } from '../src/measure/environment.ts';
import { addGpuCosts, gpuCostSizes, measureGpuCosts } from '../src/measure/gpu-costs.ts';
import type { BenchReport } from '../src/record/record.ts';
import { formatTable } from '../src/format/records.ts';
import type { Host } from '../src/host.ts';
import { formatGpuCosts } from '../src/format/gpu.ts';
import { formatBreakEven, formatComparison, formatSweepSummary } from '../src/format/map.ts';
import { formatLimits, formatPredictedBreakEven } from '../src/format/explain.ts';
import { explain } from '../src/record/explain.ts';
import { runPlan, type Progress } from '../src/measure/suite.ts';
import { runSweep } from '../src/measure/sweep.ts';
import { nodeStrategies as strategies } from './node-strategies.ts';
import { defaults, parseBenchArgs, readBenchOptions, UsageError, type BenchArgs } from './args.ts';
import { signalExitCodes, stopOnSignals, type Interrupt } from './interrupt.ts';
import { runLessons } from './lessons.ts';
import { checkGpu, listAdapters } from './node-gpu.ts';
import { nodeHost } from './node-host.ts';
import { checkEstimate } from './estimate.ts';
import { checkOutputs, writeOutputs } from './outputs.ts';
import { progressPrinter } from './progress-bar.ts';
import { sweepDefaults } from './sweep-args.ts';
import { tune } from './tune.ts';
import { runPredict } from './predict.ts';
import { runCompare } from './compare-machines.ts';
import { checkEatCompiles, readEat } from './eat-file.ts';
import { comparisonOf } from '../src/eat.ts';
import { defaultEat, eats } from '../src/eats/index.ts';
import { turnEventLoop } from '../src/turn-event-loop.ts';

const leftOutNames = strategies.filter((entry) => entry.leftOutByDefault).map((entry) => entry.name).join(', ');
const usage = `usage: cake <command> [options]

commands:
  bench   eat cakes with each strategy, verify every run, print a table
          --eat NAME|FILE    (default hash; built in: ${eats.map((eat) => eat.name).join(', ')}; or your own module, see README)
          --strategies a,b   (default: all that run here but ${leftOutNames})     --sizes 2^16,2^20  (default ${defaults.sizes})
          --rounds light,medium,heavy|N  (default ${defaults.rounds})  --runs N  --min-time MS  --max-time MS
          --pool-size N (default: cores)  --cake ordered|shuffled|sorted  --json FILE  --csv FILE
          --schedule static,cyclic[:k],dynamic[:k],guided[:k]  how pools deal chunks (default static; each its own record)
          GPU: --adapter lavapipe|swiftshader|NAME  --workgroup-size auto|N (default auto: the tuned shape)
               --upload-route writeBuffer|mappedAtCreation|staging  --wait nap|spin  --kernel-clock auto|wall
          --sweep  sizes ${sweepDefaults.sizes.split(',')[0]}..${sweepDefaults.sizes.split(',').at(-1)} x light,medium,heavy x every strategy, within
                   --budget TIME (default ${sweepDefaults.budget}; 300, 90s, 5m); prints the break-even map
          --report DIR   self-contained HTML report with charts, plus report.json and report.csv
          --compare FILE  ratios to a baseline --json file, flagged beyond both p10-p90 spreads
          --fail-on-regression  with --compare: exit 1 when a record is slower beyond the noise
          --force  replace output files cake did not write   --yes  start work estimated far over what was asked
          Ctrl-C, SIGTERM, SIGHUP stop after the record in flight and write what was measured (exit 130, 143, 129)
  lessons the deck's story, each claim shown with a live, verified measurement (under 30 s)
  tune    find the eat kernel's best shape on this adapter (cake tune --help)
  predict times at sizes and costs not measured, from a sweep's cost models (cake predict --help)
  compare several machines' reports side by side: limits, models, break-evens (cake compare --help)
  info    runtime, CPU, cores, the strategies this machine can run, and its GPU adapters with limits
  help    this text`;

const gpuCostShare = 0.1; // of a sweep's budget, kept for the GPU's copy routes and overheads (1 s to 30 s)

function printProgress(progress: Progress): void {
  const at = (p: { n: number; rounds: number }) => `n=${p.n} rounds=${p.rounds}`;
  switch (progress.kind) {
    case 'reference':
      return void process.stderr.write(`cake: eating the reference cake on the CPU twin (${at(progress)})\n`);
    case 'start':
      return void process.stderr.write(`cake: [${progress.done + 1}/${progress.total}] ${progress.strategy} ${at(progress)} ...\n`);
    case 'record': {
      const { record } = progress;
      return void process.stderr.write(`cake:   ${record.strategy}: median ${record.medianMs.toFixed(3)} ms over ${record.runs} runs, verified ${record.checksum}\n`);
    }
    case 'failure':
      return void process.stderr.write(`cake:   ${progress.strategy} FAILED: ${progress.error}\n`);
  }
}

/** The adapter's limit, known before anything runs: a workgroup size over it is a usage error, not a failed run. */
async function checkWorkgroupSize(host: Host, args: BenchArgs): Promise<void> {
  const size = args.gpu.workgroupSize;
  if (size === 'auto' || size === undefined || !host.gpu || !args.strategies.some((entry) => entry.family === 'gpu')) return;
  const adapter = await host.gpu.requestAdapter();
  const limit = Math.min(adapter?.limits.maxComputeInvocationsPerWorkgroup ?? Infinity, adapter?.limits.maxComputeWorkgroupSizeX ?? Infinity);
  if (size > limit) throw new UsageError(`--workgroup-size: ${size} is over this adapter's limit of ${limit} invocations per workgroup (cake info lists the limits). Example: --workgroup-size 64`);
}

/** The --compare baseline, read before anything is measured: a bad file is a usage error, not a lost run. */
function readBaseline(path: string): BenchReport {
  let text: string;
  try {
    text = readRegularFile(path, maxBaselineBytes);
  } catch (error) {
    throw new UsageError(`--compare: ${error instanceof Error ? error.message : String(error)}. Example: --compare base.json`);
  }
  try {
    const { baseline, notes } = parseBaseline(text, path);
    for (const note of notes) process.stderr.write(`cake: ${note}\n`);
    return baseline;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function bench(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(usage + '\n'), 0;
  const options = readBenchOptions(argv);
  const adapter = options.get('--adapter');
  const unchecked = nodeHost({ adapter });
  const eat = await readEat(options.get('--eat'));
  checkOutputs(parseBenchArgs(options, unchecked, eat)); // every other mistake is reported before the GPU is asked for an adapter
  const host = await checkGpu(unchecked, adapter);
  if (adapter && !host.gpu) throw new UsageError(`--adapter: ${host.gpuMissing}`);
  const args = parseBenchArgs(options, host, eat);
  await checkWorkgroupSize(host, args);
  if (args.strategies.some((entry) => entry.family === 'gpu')) await checkEatCompiles(host, eat);
  checkEstimate(args); // a floor under the run's time: far over what was asked is refused unless --yes
  const baseline = args.compare ? readBaseline(args.compare) : undefined;
  if (!options.has('--strategies')) {
    if (!args.sweep) {
      for (const { name, leftOutByDefault } of strategies.filter((entry) => entry.leftOutByDefault)) {
        process.stderr.write(`cake: ${name} is left out by default (${leftOutByDefault}); add it with --strategies\n`);
      }
    }
    for (const entry of strategies) {
      const why = entry.unavailable?.(host, eat);
      if (why) process.stderr.write(`cake: ${entry.name} cannot run here: ${why}\n`);
    }
  }
  const interrupt = stopOnSignals(); // held until the outputs are written: see bench/interrupt.ts
  try {
    return await measureAndWrite(args, host, baseline, interrupt);
  } finally {
    interrupt.release();
  }
}

/** Marks the report with the signal that stopped it, if one came. */
function markInterrupted(report: BenchReport, interrupt: Interrupt, isGpuCostsLeftOut = false): void {
  const signal = interrupt.received();
  if (!signal) return;
  report.interrupted = { cellsNotMeasured: report.interrupted?.cellsNotMeasured ?? 0, signal, ...(isGpuCostsLeftOut ? { gpuCostsLeftOut: true } : {}) };
}

async function measureAndWrite(args: BenchArgs, host: Host, baseline: BenchReport | undefined, interrupt: Interrupt): Promise<number> {
  const environment = describeEnvironment(host);
  const hasGpu = host.gpu !== undefined && args.strategies.some((entry) => entry.family === 'gpu');
  // A sweep keeps part of its budget for the GPU's copy routes and overheads, measured after its cells.
  const gpuReserveMs = args.sweep && hasGpu ? Math.min(Math.max(args.sweep.budgetMs * gpuCostShare, 1000), 30_000) : 0;
  const report = args.sweep
    ? await runSweep({ ...args, budgetMs: args.sweep.budgetMs - gpuReserveMs }, host, environment, progressPrinter(), interrupt.signal)
    : await runPlan({ ...args }, host, environment, printProgress, interrupt.signal);
  markInterrupted(report, interrupt);
  if (hasGpu && !report.interrupted) {
    process.stderr.write('cake: measuring GPU copy routes, dispatch overhead and timestamps...\n');
    const costsStartMs = performance.now();
    const untilMs = args.sweep ? costsStartMs + args.sweep.budgetMs - report.sweep!.spentMs : Infinity;
    // the routes cannot stop between two of their measurements: a signal leaves them out and keeps the records
    const costs = await Promise.race([measureGpuCosts(host, gpuCostSizes(report, args.strategies), args.gpu.wait, untilMs), interrupt.stopped.then(() => undefined)]);
    if (costs) addGpuCosts(report, costs);
    else markInterrupted(report, interrupt, true);
    if (report.sweep) Object.assign(report.sweep, { budgetMs: args.sweep!.budgetMs, gpuCostsMs: performance.now() - costsStartMs, gpuCostSizesLeftOut: costs?.sizesLeftOut ?? gpuCostSizes(report, args.strategies) });
  }
  if (report.sweep) report.sweep.totalMs = performance.now(); // Node counts from the process's start: start-up is in it
  explain(report, (name) => strategies.find((entry) => entry.name === name)?.family);
  process.stdout.write(formatTable(report) + '\n');
  const gpuLines = formatGpuCosts(report);
  if (gpuLines) process.stdout.write(`\n${gpuLines}\n`);
  if (args.sweep) process.stdout.write(`\n${formatBreakEven(report)}\n`);
  for (const text of [formatLimits(report), args.sweep ? formatPredictedBreakEven(report) : '']) if (text) process.stdout.write(`\n${text}\n`);
  const summary = formatSweepSummary(report);
  if (summary) process.stdout.write(`\n${summary}\n`);
  const comparison = baseline ? compareReports(baseline, report) : undefined;
  if (comparison) process.stdout.write(`\n${formatComparison(comparison, args.compare!)}\n`);
  const { written, failures } = writeOutputs(report, args);
  if (written.length > 0) process.stderr.write(`cake: wrote ${written.join(', ')}\n`);
  for (const failure of failures) process.stderr.write(`cake: ${failure}\n`);
  await turnEventLoop(); // a signal that came during the (synchronous) writes is heard now
  const signal = interrupt.received();
  if (signal) {
    if (!report.interrupted) process.stderr.write(`cake: ${signal} came after the outputs were written: they are complete.\n`);
    process.exit(signalExitCodes[signal]); // GPU work left in flight by the signal must not keep the process alive
  }
  if (report.failures.length > 0 || failures.length > 0) return 1;
  if (args.failOnRegression && comparison?.comparisons.length === 0) {
    process.stderr.write(`cake: --fail-on-regression: no record of this run matches one in ${args.compare}, so nothing was checked; run the same strategies, sizes, rounds and settings as the baseline.\n`);
    return 1;
  }
  return args.failOnRegression && comparison && comparison.regressions > 0 ? 1 : 0;
}

async function info(argv: string[]): Promise<number> {
  if (argv.length === 1 && ['--help', '-h'].includes(argv[0]!)) return void process.stdout.write('usage: cake info\n  runtime, CPU, cores, clock, the strategies this machine can run, and its GPU adapters with features and limits\n'), 0;
  if (argv.length > 0) throw new UsageError(`cake info takes no options, got "${argv.join(' ')}". Example: cake info`);
  const host = nodeHost();
  const environment = describeEnvironment(host);
  const lines = [
    `runtime: ${environment.runtime}`,
    `cpu:     ${environment.cpus}`,
    `cores:   ${environment.cores} (the default pool size)`,
    `clock:   performance.now, step ${environment.hostClock.resolutionMs.toPrecision(2)} ms`,
    'strategies:',
    ...strategies.map((entry) => {
      const why = entry.unavailable?.(host, defaultEat);
      return `  ${entry.name.padEnd(14)} ${why ? `unavailable: ${why}` : entry.summary}`;
    }),
    'eat functions (--eat NAME, or --eat FILE for your own):',
    ...eats.map((eat) => `  ${eat.name.padEnd(14)} ${eat.element}, ${comparisonOf(eat)}: ${eat.summary}`),
  ];
  const adapters = await listAdapters();
  lines.push(adapters.length > 0 ? 'adapters (--adapter NAME):' : `adapters: none. ${host.gpuMissing ?? ''}`);
  for (const found of adapters) {
    lines.push(`  ${found.name.padEnd(20)} ${found.description} (${found.vendor}, ${found.architecture})${found.isDefault ? '; used when --adapter is not given' : ''}`);
    lines.push(`  ${''.padEnd(20)} limits: ${Object.entries(found.limits).map(([name, value]) => `${name} ${value}`).join(', ')}`);
    lines.push(`  ${''.padEnd(20)} features: ${found.features.join(', ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'bench':
      return bench(rest);
    case 'info':
      return info(rest);
    case 'lessons':
      return runLessons(rest);
    case 'tune':
      return tune(rest);
    case 'predict':
      return runPredict(rest);
    case 'compare':
      return runCompare(rest);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage + '\n');
      return 0;
    case undefined:
      process.stderr.write(usage + '\n');
      return 2;
    default:
      throw new UsageError(`unknown command "${command}". Commands: bench, tune, predict, compare, lessons, info, help. Example: cake bench --sizes 2^20`);
  }
}

// A closed stdout (cake bench | head -1) or stderr (a closed terminal) is not an error of the run: what is left
// to print has no reader, and the outputs are still written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED' && error.code !== 'EIO') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`cake: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`cake: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.CAKE_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
