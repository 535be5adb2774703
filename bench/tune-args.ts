// Parses `cake tune` arguments. Every mistake becomes one UsageError line naming the option, what is allowed
// and an example; options that conflict or do nothing in this run are refused, never silently ignored.
import { defaultReplay } from '../src/tune/replay.ts';
import { searchStrategyNames, type SearchStrategyName } from '../src/tune/search.ts';
import type { ShapeLimits } from '../src/gpu/shapes.ts';
import type { TuneOptions } from '../src/tune/tune.ts';
import { parseDecimal, parseRounds, quoted } from '../src/measure/asked.ts';
import { parseSize, UsageError } from './args.ts';
import { readOptions } from './read-options.ts';

const smartBudgetShare = 0.3; // the target: within 5 % of the best after <= 30 % of the space

/** A real value for every option, so each message can show one that works. */
const examples: Record<string, string> = {
  '--adapter': '--adapter lavapipe',
  '--eat': '--eat stream',
  '--n': '--n 2^20',
  '--rounds': '--rounds heavy',
  '--strategy': '--strategy hill',
  '--budget': '--strategy halving --budget 0.3',
  '--samples': '--samples 5',
  '--max-samples': '--max-samples 20',
  '--seed': '--seed 7',
  '--workgroup-sizes': '--workgroup-sizes 32,64,128',
  '--cache': '--cache .cake/tune-lavapipe.json',
  '--json': '--json tune.json',
  '--seeds': '--replay --seeds 200',
  '--replay': '--replay',
  '--yes': '--yes',
};
const flagOptions = ['--replay', '--yes'];
const valueOptions = Object.keys(examples).filter((option) => !flagOptions.includes(option));
const example = (option: string) => `Example: cake tune ${examples[option]}`;

/** Options a replay has no use for, and why: refused rather than ignored. */
const notForReplay: Record<string, string> = {
  '--budget': 'a replay gives every strategy the whole space and counts what it needs',
  '--seed': 'a replay runs seeds 1..N, set by --seeds',
  '--yes': 'a replay measures nothing, so there is no long run to agree to',
};

/** What the search itself takes (src/tune/tune.ts), plus what the CLI does around it. */
export interface TuneArgs extends Pick<TuneOptions, 'slices' | 'rounds' | 'strategy' | 'budgetShare' | 'fullSamples' | 'maxSamples' | 'seed' | 'workgroupSizes'> {
  adapter?: string;
  /** --eat NAME|FILE, read by bench/eat-file.ts. */
  eat?: string;
  /** --cache FILE; else the opened adapter's own file (defaultCachePath). */
  cache?: string;
  json?: string;
  isReplay: boolean;
  /** What --replay replays: the --strategy named, else every strategy. */
  replayStrategies: SearchStrategyName[];
  seeds: number;
  /** --yes: start a tune estimated to take far longer than reasonable. */
  yes: boolean;
}

function integer(option: string, text: string, min: number): number {
  const value = parseDecimal(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${option}: ${quoted(text)} is not allowed; use an integer >= ${min}. ${example(option)}`);
  return value;
}

function parseBudget(text: string | undefined, strategy: SearchStrategyName, isStrategyGiven: boolean): number {
  const isSmart = strategy === 'hill' || strategy === 'halving';
  const share = text === undefined ? (isSmart ? smartBudgetShare : 1) : parseDecimal(text);
  if (!(share > 0 && share <= 1)) throw new UsageError(`--budget: ${quoted(text)} is not a share of the space; use a number in (0, 1]. ${example('--budget')}`);
  if (strategy === 'exhaustive' && share < 1) {
    // exhaustive walks the space in order: part of it is the smallest workgroup sizes, not a search
    const which = isStrategyGiven ? 'exhaustive' : 'exhaustive (the default strategy)';
    throw new UsageError(`--budget: ${text} is not allowed with ${which}, which measures every shape (budget 1); to measure part of the space use a search. ${example('--budget')}`);
  }
  return share;
}

function parseSlices(text: string): number {
  if (text.includes(',')) throw new UsageError(`--n: ${quoted(text)} is a list; tune takes one size (use cake bench --sizes for several). ${example('--n')}`);
  return parseSize(text, '--n');
}

function parseWorkgroupSizes(text: string): number[] {
  const sizes = text.split(',').map((size) => integer('--workgroup-sizes', size, 1));
  const repeated = sizes.find((size, i) => sizes.indexOf(size) !== i);
  if (repeated !== undefined) throw new UsageError(`--workgroup-sizes: ${repeated} is given twice; list each size once. ${example('--workgroup-sizes')}`);
  return sizes;
}

export function parseTuneArgs(argv: string[]): TuneArgs {
  const values = readOptions(argv, { command: 'tune', valueOptions, flagOptions, example: (option) => `cake tune ${examples[option] ?? '--adapter lavapipe --rounds light'}` });
  const isReplay = values.has('--replay');
  if (values.has('--seeds') && !isReplay) throw new UsageError(`--seeds applies to --replay only (a tune runs one search, seeded by --seed). ${example('--seeds')}`);
  if (isReplay) {
    const needless = Object.keys(notForReplay).find((option) => values.has(option));
    if (needless) throw new UsageError(`${needless} does not apply to --replay: ${notForReplay[needless]}. Example: cake tune --replay --strategy hill --seeds 200`);
  }
  const isStrategyGiven = values.has('--strategy');
  const strategy = (values.get('--strategy') ?? 'exhaustive') as SearchStrategyName;
  if (!searchStrategyNames.includes(strategy)) throw new UsageError(`--strategy: ${quoted(strategy)} is not allowed; use one of ${searchStrategyNames.join(', ')}. ${example('--strategy')}`);
  const rounds = parseRounds(values.get('--rounds') ?? 'light', { option: '--rounds', example: (value) => `cake tune --rounds ${value}` });
  const fullSamples = integer('--samples', values.get('--samples') ?? String(defaultReplay.fullSamples), 1);
  const maxSamplesText = values.get('--max-samples');
  const maxSamples = integer('--max-samples', maxSamplesText ?? '20', 1);
  if (maxSamplesText !== undefined && maxSamples < fullSamples) {
    throw new UsageError(`--max-samples: ${maxSamples} is fewer than --samples ${fullSamples}; a leader gets at least the samples of one evaluation. Example: cake tune --samples 5 --max-samples 20`);
  }
  const workgroupSizesText = values.get('--workgroup-sizes');
  return {
    adapter: values.get('--adapter'),
    eat: values.get('--eat'),
    slices: parseSlices(values.get('--n') ?? '2^20'),
    rounds,
    strategy,
    budgetShare: parseBudget(values.get('--budget'), strategy, isStrategyGiven),
    fullSamples,
    maxSamples: Math.max(fullSamples, maxSamples),
    seed: integer('--seed', values.get('--seed') ?? '1', 0),
    workgroupSizes: workgroupSizesText === undefined ? undefined : parseWorkgroupSizes(workgroupSizesText),
    cache: values.get('--cache'),
    json: values.get('--json'),
    isReplay,
    replayStrategies: isStrategyGiven ? [strategy] : searchStrategyNames,
    seeds: integer('--seeds', values.get('--seeds') ?? String(defaultReplay.seeds), 1),
    yes: values.has('--yes'),
  };
}

/**
 * Refuses --workgroup-sizes over the opened device's limit before any tuning: such a size is a typo, not a
 * shape to list as illegal (the space keeps illegal shapes for reasons the user cannot see coming).
 */
export function checkWorkgroupSizes(sizes: number[] | undefined, limits: ShapeLimits, adapter: string): void {
  const [limit, most] =
    limits.maxComputeWorkgroupSizeX < limits.maxComputeInvocationsPerWorkgroup
      ? ['maxComputeWorkgroupSizeX', limits.maxComputeWorkgroupSizeX]
      : ['maxComputeInvocationsPerWorkgroup', limits.maxComputeInvocationsPerWorkgroup];
  const over = sizes?.filter((size) => size > most) ?? [];
  if (over.length === 0) return;
  throw new UsageError(`--workgroup-sizes: ${over.join(', ')} ${over.length === 1 ? 'is' : 'are'} over ${limit} (${most}) of ${adapter}; use sizes 1..${most}. ${example('--workgroup-sizes')}`);
}
