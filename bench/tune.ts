// `cake tune`: parses its arguments (bench/tune-args.ts: one-line UsageErrors, exit 2), opens the adapter, runs
// a tune or a replay from the cache, prints progress on stderr and the tables on stdout. No tuning logic here.
import { writeFileSync } from 'node:fs';
import { openGpu, type Gpu } from '../src/gpu/device.ts';
import { TuneCache } from '../src/tune/cache.ts';
import { defaultReplay, landscapeFlatness, replay } from '../src/tune/replay.ts';
import { formatReplay, formatTune } from '../src/tune/report.ts';
import { searchStrategyNames } from '../src/tune/search.ts';
import { buildSpace } from '../src/tune/space.ts';
import { entryKey, landscapeOf, tune as runTune } from '../src/tune/tune.ts';
import { UsageError } from './args.ts';
import { checkGpu } from './node-gpu.ts';
import { nodeHost } from './node-host.ts';
import { dawnRuntime, defaultCachePath, fileStore } from './node-tune-cache.ts';
import { checkCreatable, checkDistinct, checkWritableFile, PathError } from './outputs.ts';
import { signalExitCodes, stopOnSignals } from './interrupt.ts';
import { checkWorkgroupSizes, parseTuneArgs } from './tune-args.ts';
import { checkEatCompiles, readEat } from './eat-file.ts';
import { checkTuneEstimate } from './tune-estimate.ts';
import { checkOwnTuneJson } from './output-ownership.ts';

export const tuneUsage = `usage: cake tune [options]
  --adapter lavapipe|swiftshader|NAME (default: Dawn's)   --n 2^20 (slices, one size)
  --eat NAME|FILE (default hash: the eat function whose kernel is tuned; see cake bench --help)
  --rounds light|medium|heavy|N (default light)   --strategy ${searchStrategyNames.join('|')} (default exhaustive)
  --budget SHARE (of the space, default 1; 0.3 for hill and halving; exhaustive measures every shape: only 1)
  --samples N (per evaluation, default 5)   --max-samples N (to confirm and separate leaders, default 20)   --seed N (default 1)
  --workgroup-sizes 32,64,128 (narrow that axis, up to the adapter's maxComputeInvocationsPerWorkgroup)
  --cache FILE (default .cake/tune-<adapter>.json, named after the adapter opened: lavapipe, swiftshader, ...)
  --yes (start a tune estimated at over 30 minutes; the estimate is printed first either way)
  --json FILE   --replay: replay every strategy (or only the --strategy given) over the cached exhaustive
                landscape, no device time   --seeds N (with --replay: replays per strategy, default ${defaultReplay.seeds})`;

/** The default cache lives under the current folder: where that cannot be written, say how to move it. */
function checkDefaultCache(cachePath: string): void {
  try {
    checkCreatable('--cache', cachePath, cachePath);
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    throw new UsageError(`tune: cannot keep the tune cache at ${cachePath} in this folder (${error.why}); run cake tune from a folder you can write to, or give --cache FILE. Example: cake tune --cache /tmp/tune.json`);
  }
}

/** A cache that cannot be used (not JSON, another adapter's, a device) is the user's to fix: exit 2, one line. */
function openCache(cachePath: string, gpu: Gpu, isGiven: boolean): TuneCache {
  try {
    return TuneCache.open(fileStore(cachePath), gpu.adapterSummary, gpu.device.limits);
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof Error)) throw error;
    throw new UsageError(`${isGiven ? '--cache' : 'tune'}: ${error.message.split('\n')[0]}`);
  }
}

const progress = (line: string) => void process.stderr.write(`cake tune: ${line}\n`);

export async function tune(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(tuneUsage + '\n'), 0;
  const args = parseTuneArgs(argv);
  const eat = await readEat(args.eat);
  checkDistinct([['--json', args.json], ['--cache', args.cache]]);
  if (args.json) checkOwnTuneJson(args.json);
  if (args.json) checkWritableFile('--json', args.json, 'tune.json');
  if (args.cache) checkCreatable('--cache', args.cache, '.cake/tune.json', 'a file');
  const host = await checkGpu(nodeHost({ adapter: args.adapter }), args.adapter);
  // only an --adapter that was given is to blame; without one, the machine has no adapter at all
  if (!host.gpu) throw args.adapter ? new UsageError(`--adapter: ${host.gpuMissing}`) : new Error(`tune: ${host.gpuMissing}`);
  if (!args.isReplay) await checkEatCompiles(host, eat);
  const gpu = await openGpu(host.gpu);
  try {
    checkWorkgroupSizes(args.workgroupSizes, gpu.device.limits, gpu.adapterSummary.description);
    const cachePath = args.cache ?? defaultCachePath(gpu.adapterSummary);
    if (!args.cache) checkDefaultCache(cachePath);
    checkDistinct([['the tune cache', cachePath], ['--json', args.json]]);
    const cache = openCache(cachePath, gpu, args.cache !== undefined);
    for (const note of cache.notes) progress(note);
    const runtime = dawnRuntime();
    if (args.isReplay) {
      const space = buildSpace(gpu.device.limits, args.slices, args.workgroupSizes);
      const entry = cache.find(entryKey(runtime, eat, args.slices, args.rounds));
      const landscape = entry && landscapeOf(entry, space, args.fullSamples);
      if (!landscape) {
        const held = cache.held().map((e) => `--n ${e.slices} --rounds ${e.rounds}`);
        const has = held.length > 0 ? ` It holds tunings for: ${held.join('; ')} (a replay needs every shape measured).` : '';
        throw new Error(`${cachePath} has no exhaustive landscape of ${eat.name} for n=${args.slices} rounds=${args.rounds} on ${gpu.adapterSummary.description}.${has} Run cake tune --eat ${eat.name} --strategy exhaustive --n ${args.slices} --rounds ${args.rounds} first, or replay with the --n and --rounds of an exhaustive tune.`);
      }
      const options = { ...defaultReplay, seeds: args.seeds, fullSamples: args.fullSamples, confirmSamples: args.maxSamples };
      const stats = [];
      for (const strategy of args.replayStrategies) {
        progress(`replaying ${strategy} over ${args.seeds} seeds`);
        stats.push(await replay(strategy, landscape, options));
      }
      const flatness = landscapeFlatness(landscape, options.fullSamples);
      process.stdout.write(formatReplay(stats, { ...options, spaceSize: landscape.points.length, flatness }) + '\n');
      if (args.json) writeFileSync(args.json, JSON.stringify({ format: 'parallel-cake/tune-replay@1', adapter: gpu.adapterSummary.description, runtime, slices: args.slices, rounds: args.rounds, spaceSize: landscape.points.length, tolerance: options.tolerance, confirmSamples: options.confirmSamples, flatness, stats }, null, 2) + '\n');
      return 0;
    }
    const shapes = buildSpace(gpu.device.limits, args.slices, args.workgroupSizes).legal;
    const evaluations = Math.max(1, Math.round(shapes.length * args.budgetShare)); // as src/tune/tune.ts spends them
    const plan = { slices: args.slices, rounds: args.rounds, shapes, evaluations, fullSamples: args.fullSamples, entry: cache.find(entryKey(runtime, eat, args.slices, args.rounds)) };
    progress(await checkTuneEstimate(args, eat, gpu, plan));
    progress(`${args.strategy} of ${eat.name} on ${gpu.adapterSummary.description}, n=${args.slices} rounds=${args.rounds}, cache ${cachePath}`);
    const interrupt = stopOnSignals('stopping after the measurement in flight; every sample taken stays in the cache');
    let report;
    try {
      report = await runTune({ ...args, eat, gpu, cache, runtime, onProgress: progress, stop: interrupt.signal });
    } catch (error) {
      const signal = interrupt.received();
      if (!signal) throw error;
      progress(`stopped by ${signal}; every sample taken is kept in ${cachePath}, and the next tune resumes from it`);
      return signalExitCodes[signal];
    } finally {
      interrupt.release();
    }
    process.stdout.write(formatTune(report) + '\n');
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    return 0;
  } finally {
    gpu.destroy();
  }
}
