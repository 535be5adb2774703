// `cake tune`: parses its own arguments (one-line UsageErrors, exit 2), opens the adapter, runs a tune or a
// replay from the cache, prints progress on stderr and the tables on stdout. No tuning logic lives here.
import { writeFileSync } from 'node:fs';
import { openGpu } from '../src/gpu/device.ts';
import { TuneCache } from '../src/tune/cache.ts';
import { defaultReplay, replay } from '../src/tune/replay.ts';
import { formatReplay, formatTune } from '../src/tune/report.ts';
import { searchStrategyNames, type SearchStrategyName } from '../src/tune/search.ts';
import { buildSpace } from '../src/tune/space.ts';
import { entryKey, landscapeOf, tune as runTune } from '../src/tune/tune.ts';
import { namedRounds, parseSize, UsageError } from './args.ts';
import { checkGpu } from './node-gpu.ts';
import { nodeHost } from './node-host.ts';
import { dawnRuntime, defaultCachePath, fileStore } from './node-tune-cache.ts';

export const tuneUsage = `usage: cake tune [options]
  --adapter lavapipe|swiftshader   --n 2^20 (slices, one size)   --rounds light|heavy|N (default light)
  --strategy ${searchStrategyNames.join('|')} (default exhaustive)   --budget SHARE (of the space, default 1; 0.3 for hill and halving)
  --samples N (per evaluation, default 5)   --max-samples N (to separate leaders, default 20)   --seed N
  --workgroup-sizes 32,64,128 (narrow that axis)   --cache FILE (default .cake/tune-<adapter>.json, named after the adapter opened: lavapipe, swiftshader, ...)   --json FILE
  --replay   replay every strategy over the cached exhaustive landscape (no device time)   --seeds N (default ${defaultReplay.seeds})`;

const valueOptions = ['--adapter', '--n', '--rounds', '--strategy', '--budget', '--samples', '--max-samples', '--seed', '--workgroup-sizes', '--cache', '--json', '--seeds'];
const flagOptions = ['--replay'];
const smartBudgetShare = 0.3; // the target: within 5 % of the best after <= 30 % of the space

interface TuneArgs {
  adapter?: string;
  slices: number;
  rounds: number;
  strategy: SearchStrategyName;
  budgetShare: number;
  fullSamples: number;
  maxSamples: number;
  seed: number;
  workgroupSizes?: number[];
  /** --cache FILE; else the opened adapter's own file (defaultCachePath). */
  cache?: string;
  json?: string;
  isReplay: boolean;
  seeds: number;
}

function integer(option: string, text: string, min: number, example: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${option}: "${text}" is not allowed; use an integer >= ${min}. Example: cake tune ${option} ${example}`);
  return value;
}

export function parseTuneArgs(argv: string[]): TuneArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [option, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flagOptions.includes(option)) {
      values.set(option, 'yes');
      continue;
    }
    if (!valueOptions.includes(option)) throw new UsageError(`tune: unknown option "${argv[i]}". Options: ${[...valueOptions, ...flagOptions].join(', ')}. Example: cake tune --adapter lavapipe --rounds light`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`tune: ${option} needs a value. Example: cake tune ${option} ${option === '--strategy' ? 'hill' : '...'}`);
    values.set(option, value);
  }
  const strategy = (values.get('--strategy') ?? 'exhaustive') as SearchStrategyName;
  if (!searchStrategyNames.includes(strategy)) throw new UsageError(`--strategy: "${strategy}" is not allowed; use one of ${searchStrategyNames.join(', ')}. Example: cake tune --strategy hill`);
  const roundsText = values.get('--rounds') ?? 'light';
  const rounds = namedRounds[roundsText] ?? integer('--rounds', roundsText, 1, 'heavy');
  const budgetText = values.get('--budget');
  const budgetShare = budgetText === undefined ? (strategy === 'hill' || strategy === 'halving' ? smartBudgetShare : 1) : Number(budgetText);
  if (!(budgetShare > 0 && budgetShare <= 1)) throw new UsageError(`--budget: "${budgetText}" is not a share of the space; use a number in (0, 1]. Example: cake tune --strategy hill --budget 0.3`);
  let slices: number;
  try {
    slices = parseSize(values.get('--n') ?? '2^20');
  } catch (error) {
    throw new UsageError((error as Error).message.replace('--sizes', '--n').replaceAll('--sizes ', '--n '));
  }
  const fullSamples = integer('--samples', values.get('--samples') ?? '5', 1, '5');
  const adapter = values.get('--adapter');
  return {
    adapter,
    slices,
    rounds,
    strategy,
    budgetShare,
    fullSamples,
    maxSamples: Math.max(fullSamples, integer('--max-samples', values.get('--max-samples') ?? '20', 1, '20')),
    seed: integer('--seed', values.get('--seed') ?? '1', 0, '7'),
    workgroupSizes: values.get('--workgroup-sizes')?.split(',').map((text) => integer('--workgroup-sizes', text, 1, '32,64,128')),
    cache: values.get('--cache'),
    json: values.get('--json'),
    isReplay: values.has('--replay'),
    seeds: integer('--seeds', values.get('--seeds') ?? String(defaultReplay.seeds), 1, '200'),
  };
}

const progress = (line: string) => void process.stderr.write(`cake tune: ${line}\n`);

export async function tune(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(tuneUsage + '\n'), 0;
  const args = parseTuneArgs(argv);
  const host = await checkGpu(nodeHost({ adapter: args.adapter }), args.adapter);
  if (!host.gpu) throw new UsageError(`--adapter: ${host.gpuMissing}`);
  const gpu = await openGpu(host.gpu);
  try {
    const cachePath = args.cache ?? defaultCachePath(gpu.adapterSummary);
    const cache = TuneCache.open(fileStore(cachePath), gpu.adapterSummary, gpu.device.limits);
    const runtime = dawnRuntime();
    if (args.isReplay) {
      const space = buildSpace(gpu.device.limits, args.slices, args.workgroupSizes);
      const entry = cache.find(entryKey(runtime, args.slices, args.rounds));
      const landscape = entry && landscapeOf(entry, space, args.fullSamples);
      if (!landscape) throw new Error(`${cachePath} has no exhaustive landscape for n=${args.slices} rounds=${args.rounds} on ${gpu.adapterSummary.description}; run cake tune --strategy exhaustive with the same --n, --rounds and --adapter first.`);
      const options = { ...defaultReplay, seeds: args.seeds, fullSamples: args.fullSamples };
      const stats = [];
      for (const strategy of searchStrategyNames) {
        progress(`replaying ${strategy} over ${args.seeds} seeds`);
        stats.push(await replay(strategy, landscape, options));
      }
      process.stdout.write(formatReplay(stats, landscape.points.length, options.tolerance, options.fullSamples) + '\n');
      if (args.json) writeFileSync(args.json, JSON.stringify({ format: 'parallel-cake/tune-replay@1', adapter: gpu.adapterSummary.description, runtime, slices: args.slices, rounds: args.rounds, spaceSize: landscape.points.length, tolerance: options.tolerance, stats }, null, 2) + '\n');
      return 0;
    }
    progress(`${args.strategy} on ${gpu.adapterSummary.description}, n=${args.slices} rounds=${args.rounds}, cache ${cachePath}`);
    const report = await runTune({ ...args, gpu, cache, runtime, onProgress: progress });
    process.stdout.write(formatTune(report) + '\n');
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    return 0;
  } finally {
    gpu.destroy();
  }
}
