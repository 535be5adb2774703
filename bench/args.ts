// Parses `cake bench` arguments. Every mistake becomes one UsageError line naming the argument, what is
// allowed and an example.
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { cakeOrders, orderUnavailable, type CakeOrder } from '../src/cake.ts';
import { parseSchedules } from './schedule-args.ts';
import { peakBytes, type Plan } from '../src/measure/suite.ts';
import { defaultStopRule } from '../src/measure/run.ts';
import { nodeStrategies as strategies } from './node-strategies.ts';
import type { Eat } from '../src/eat.ts';
import type { Host } from '../src/host.ts';
import type { EatOptions, StrategyEntry } from '../src/strategy.ts';
import { uploadRoutes } from '../src/gpu/buffers.ts';
import { waitPolicies } from '../src/gpu/wait.ts';
import { parseBudget, parseDecimal, parseRounds, parseSize as parseCakeSize, UsageError, type Spelling, quoted } from '../src/measure/asked.ts';
import { readOptions } from './read-options.ts';
import { sweepDefaults } from './sweep-args.ts';
import { parseStreamArgs } from './stream-args.ts';

// The rules on sizes, rounds and budgets live in src/measure/asked.ts: the page's URL obeys the same ones.
export { namedRounds, UsageError } from '../src/measure/asked.ts';
const maxPoolSize = 256; // friends, each a thread with its own heap: more is a typo on any machine this runs on
const maxRuns = 1_000_000;
const maxTimeMs = 24 * 3600_000; // a day
const memoryHeadroom = 0.8; // leave a fifth of free memory to the OS, the GPU driver and the workers

/** A plan (src/measure/suite.ts) plus what the CLI does with its report. */
export interface BenchArgs extends Plan {
  gpu: Pick<EatOptions, 'workgroupSize' | 'uploadRoute' | 'wait' | 'kernelClock' | 'chunkBytes' | 'inFlight' | 'deviceMemoryBytes'>;
  json?: string;
  csv?: string;
  /** --sweep: sizes x rounds x strategies within this budget. */
  sweep?: { budgetMs: number };
  /** --report DIR: the HTML report with its JSON and CSV. */
  report?: string;
  /** --compare FILE: a baseline report to compare with; --fail-on-regression makes a slower record exit 1. */
  compare?: string;
  failOnRegression: boolean;
  /** --force: replace output files cake did not write. */
  force: boolean;
  /** --yes: start work estimated to take far longer than asked. */
  yes: boolean;
}

const maxWorkgroupSize = 1024; // no WebGPU adapter allows more; the device refuses what its own limit does not

function parseWorkgroupSize(text: string): number | 'auto' {
  if (text === 'auto') return 'auto'; // the tuned size from `cake tune`'s cache, else 64
  const value = parseDecimal(text);
  if (!Number.isInteger(value) || value < 1 || value > maxWorkgroupSize) {
    throw new UsageError(`--workgroup-size: ${quoted(text)} is not allowed; use auto or an integer 1..${maxWorkgroupSize} within your adapter's maxComputeInvocationsPerWorkgroup (see cake info). Example: --workgroup-size 64`);
  }
  return value;
}

export const defaults = { sizes: '2^20', rounds: 'medium' };

/** How the CLI writes its options in messages; the page writes the same rules as `?n=2^20`. */
const cliSpellings: Record<'--sizes' | '--n' | '--rounds' | '--budget', Spelling> = {
  '--sizes': { option: '--sizes', example: (value) => `--sizes ${value}`, takesList: true },
  '--n': { option: '--n', example: (value) => `cake tune --n ${value}` },
  '--rounds': { option: '--rounds', example: (value) => `--rounds ${value}`, takesList: true },
  '--budget': { option: '--budget', example: (value) => `--budget ${value}` },
};

/** A cake size as bench's --sizes (one of a list) or tune's --n (one size) takes it: see src/measure/asked.ts. */
export function parseSize(text: string, option: '--sizes' | '--n' = '--sizes'): number {
  return parseCakeSize(text, cliSpellings[option]);
}

function parseCount(option: string, text: string, min: number, max: number, example: string): number {
  const value = parseDecimal(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${option}: ${quoted(text)} is not allowed; use an integer ${min}..${max}. Example: ${option} ${example}`);
  }
  return value;
}

/** A list option's items, each once: a repeated item would measure the same record twice under one identity. */
function listOf(option: string, text: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  const repeated = items.find((item, i) => items.indexOf(item) !== i);
  if (repeated !== undefined) throw new UsageError(`${option}: ${quoted(repeated)} is listed twice; list each once. Example: ${option} ${exampleOf(option)}`);
  return items;
}

/** Items whose values are equal (2^10 and 1024, light and 1) are the same record too. */
function parsedList<T>(option: string, text: string, parse: (item: string) => T): T[] {
  const texts = listOf(option, text);
  const values = texts.map(parse);
  const i = values.findIndex((value, at) => values.indexOf(value) !== at);
  if (i >= 0) throw new UsageError(`${option}: ${quoted(texts[i])} repeats ${quoted(texts[values.indexOf(values[i]!)])} (both ${String(values[i])}); list each once. Example: ${option} ${exampleOf(option)}`);
  return values;
}

function parseStrategies(text: string, host: Host, eat: Eat): StrategyEntry[] {
  const known = strategies.map((entry) => entry.name);
  return listOf('--strategies', text).map((name) => {
    const entry = strategies.find((candidate) => candidate.name === name.trim());
    if (!entry) throw new UsageError(`--strategies: unknown strategy ${quoted(name)}. Known: ${known.join(', ')}. Example: --strategies loop,pool-shared`);
    const why = entry.unavailable?.(host, eat);
    if (why) throw new UsageError(`--strategies: ${entry.name} cannot run here: ${why}`);
    return entry;
  });
}

const valueOptions = [
  '--eat', '--strategies', '--sizes', '--rounds', '--runs', '--min-time', '--max-time', '--pool-size', '--cake', '--json', '--csv',
  '--adapter', '--workgroup-size', '--schedule', '--upload-route', '--wait', '--kernel-clock', '--chunk', '--in-flight', '--device-memory', '--budget', '--report', '--compare',
];
const flagOptions = ['--sweep', '--fail-on-regression', '--force', '--yes'];

/** Reads `cake bench` options (after the word bench) by the rules every command shares. */
export function readBenchOptions(argv: string[]): Map<string, string> {
  const example = (option: string) => (option ? ['cake bench', option, exampleOf(option)].filter(Boolean).join(' ') : 'cake bench --sizes 2^20 --rounds heavy');
  return readOptions(argv, { command: 'bench', valueOptions, flagOptions, example });
}

function parseChoice<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if (!allowed.includes(text as T)) throw new UsageError(`${option}: ${quoted(text)} is not allowed; use one of ${allowed.join(', ')}. Example: ${option} ${allowed[0]}`);
  return text as T;
}

/** Parses `cake bench` options for `host` (whose GPU has been checked for --adapter) and `eat` (read from --eat). */
export function parseBenchArgs(values: Map<string, string>, host: Host, eat: Eat): BenchArgs {
  const get = (option: string, fallback: string) => values.get(option) ?? fallback;
  const isSweep = values.has('--sweep');
  if (values.has('--budget') && !isSweep) throw new UsageError('--budget applies to sweeps only. Example: cake bench --sweep --budget 5m');
  const stopDefaults = isSweep ? sweepDefaults.stop : defaultStopRule;
  const order = get('--cake', 'ordered');
  if (!cakeOrders.includes(order as CakeOrder)) throw new UsageError(`--cake: ${quoted(order)} is not allowed; use ${cakeOrders.join(', ')}. Example: --cake shuffled`);
  const whyNotOrder = orderUnavailable(order as CakeOrder, eat);
  if (whyNotOrder) throw new UsageError(`--cake: ${whyNotOrder}. Example: --eat lumpy --cake sorted`);
  const chosen = values.has('--strategies')
    ? parseStrategies(get('--strategies', ''), host, eat)
    : strategies.filter((entry) => !entry.unavailable?.(host, eat) && (isSweep || !entry.leftOutByDefault));
  const args: BenchArgs = {
    eat,
    strategies: chosen,
    sizes: parsedList('--sizes', get('--sizes', isSweep ? sweepDefaults.sizes : defaults.sizes), (text) => parseSize(text)),
    rounds: parsedList('--rounds', get('--rounds', isSweep ? sweepDefaults.rounds : defaults.rounds), (text) => parseRounds(text, cliSpellings['--rounds'])),
    order: order as CakeOrder,
    schedules: parseSchedules(get('--schedule', 'static')),
    poolSize: parseCount('--pool-size', get('--pool-size', String(host.cores)), 1, maxPoolSize, '4'),
    stop: {
      ...stopDefaults,
      minRuns: parseCount('--runs', get('--runs', String(stopDefaults.minRuns)), 1, maxRuns, '10'),
      minTimeMs: parseCount('--min-time', get('--min-time', String(stopDefaults.minTimeMs)), 0, maxTimeMs, '500'),
      maxTimeMs: parseCount('--max-time', get('--max-time', String(stopDefaults.maxTimeMs)), 0, maxTimeMs, '10000'),
    },
    gpu: {
      workgroupSize: parseWorkgroupSize(get('--workgroup-size', 'auto')),
      uploadRoute: parseChoice('--upload-route', get('--upload-route', 'writeBuffer'), uploadRoutes),
      wait: parseChoice('--wait', get('--wait', 'nap'), waitPolicies),
      kernelClock: parseChoice('--kernel-clock', get('--kernel-clock', 'auto'), ['auto', 'wall'] as const),
      ...parseStreamArgs(values, chosen.map((entry) => entry.name)),
    },
    json: values.get('--json'),
    csv: values.get('--csv'),
    ...(isSweep ? { sweep: { budgetMs: parseBudget(get('--budget', sweepDefaults.budget), cliSpellings['--budget']) } } : {}),
    report: values.get('--report'),
    compare: values.get('--compare'),
    failOnRegression: values.has('--fail-on-regression'),
    force: values.has('--force'),
    yes: values.has('--yes'),
  };
  if (values.has('--min-time') && values.has('--max-time') && args.stop.minTimeMs > args.stop.maxTimeMs) {
    throw new UsageError(`--min-time ${args.stop.minTimeMs} is over --max-time ${args.stop.maxTimeMs}: a record samples for at least --min-time ms and stops at --max-time ms. Example: --min-time 500 --max-time 10000`);
  }
  if (args.compare && !existsSync(args.compare)) throw new UsageError(`--compare: ${args.compare} does not exist. Write a baseline first with cake bench --json ${args.compare}`);
  if (args.compare && !statSync(args.compare).isFile()) throw new UsageError(`--compare: ${args.compare} is not a file. Give the file cake bench --json FILE wrote. Example: --compare base.json`);
  if (args.failOnRegression && !args.compare) throw new UsageError('--fail-on-regression needs --compare FILE. Example: cake bench --compare base.json --fail-on-regression');
  checkMemory(Math.max(...args.sizes));
  return args;
}

/** Refuses cakes whose copies would not fit in free memory, before anything is allocated. */
function checkMemory(slices: number): void {
  const needBytes = peakBytes(slices);
  const freeBytes = os.freemem() * memoryHeadroom;
  if (needBytes > freeBytes) {
    const fits = Math.floor(freeBytes / peakBytes(1));
    throw new UsageError(
      `--sizes: a cake of ${slices} slices needs about ${gib(needBytes)} GiB (the cake, its expected twin and copies in flight), ` +
        `but ${gib(freeBytes)} GiB of memory is free to use. Use n <= ${fits} (about 2^${Math.floor(Math.log2(fits))}).`,
    );
  }
}

const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);

function exampleOf(option: string): string {
  const examples: Record<string, string> = {
    '--eat': 'stream', '--strategies': 'loop,pool-shared', '--sizes': '2^16,2^20', '--rounds': 'light,heavy', '--runs': '10',
    '--min-time': '500', '--max-time': '10000', '--pool-size': '4', '--cake': 'shuffled', '--json': 'out.json', '--csv': 'out.csv',
    '--adapter': 'lavapipe', '--workgroup-size': '64', '--schedule': 'static,dynamic', '--upload-route': 'mappedAtCreation', '--wait': 'spin', '--kernel-clock': 'wall',
    '--budget': '5m', '--report': 'report', '--compare': 'baseline.json', '--chunk': '1MiB', '--in-flight': '3', '--device-memory': '4MiB',
  };
  return examples[option] ?? '';
}
