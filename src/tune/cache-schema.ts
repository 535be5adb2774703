// Reads a tune cache's text by a schema (valibot) before it is used: a cache is a file anyone can hand us (a
// cloned repo can ship one), so nothing in it is trusted. A file that is not a cache is refused naming where it
// is; an entry of the wrong shape, a shape the tuner itself would call illegal here (whyIllegal: workgroup size
// 0, over the limits, vec4 on a cake that is not a multiple of 4) and samples that are not positive finite
// milliseconds are dropped with a note, so they are never ranked, printed or saved back as tuned.
import * as v from 'valibot';
import type { AdapterSummary } from '../gpu/device.ts';
import { maxRounds } from '../measure/asked.ts';
import { printable } from '../format/printable.ts';
import { parseShapeKey, whyIllegal, type ShapeLimits } from '../gpu/shapes.ts';

export const cacheFormat = 'parallel-cake/tune-cache@1';
/** A cache's size limit: an exhaustive landscape with 20 samples a shape is tens of KiB; more is not a cache. */
export const maxCacheBytes = 16 * 2 ** 20;

const text = v.pipe(v.string('must be a string'), v.maxLength(500, 'is over 500 characters'));
const positiveInteger = (most: number) => v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'), v.maxValue(most, `must be at most ${most}`));

const tunedSchema = v.object({
  shape: text,
  ms: v.pipe(v.number('must be a number'), v.finite('must be finite'), v.gtValue(0, 'must be more than 0')),
  strategy: text,
  evaluations: v.number('must be a number'),
  spaceSize: v.number('must be a number'),
  at: text,
}, 'must be an object');

const entrySchema = v.object({
  runtime: text,
  kernel: text,
  rounds: positiveInteger(maxRounds),
  slices: positiveInteger(2 ** 32 - 1),
  samplesMs: v.record(v.string(), v.array(v.unknown(), 'must be a list of samples'), 'must be an object of shape keys'),
  tuned: v.optional(v.unknown()),
}, 'must be an object');

const fileSchema = v.object({
  format: v.literal(cacheFormat),
  adapter: v.object({ vendor: text, architecture: text, description: text }, 'must be an object'),
  limits: v.record(v.string(), v.number('must be a number'), 'must be an object of numbers'),
  entries: v.array(v.unknown(), 'must be a list'),
}, 'must be an object');

export type TunedChoice = v.InferOutput<typeof tunedSchema>;
export interface TuneEntry extends Omit<v.InferOutput<typeof entrySchema>, 'samplesMs' | 'tuned'> {
  /** Every sample taken so far, per shape key, in the order taken. */
  samplesMs: Record<string, number[]>;
  /** The best shape of the last finished tune, for --workgroup-size auto. */
  tuned?: TunedChoice;
}
export interface CacheFile {
  format: typeof cacheFormat;
  adapter: AdapterSummary;
  limits: Record<string, number>;
  entries: TuneEntry[];
}

function problem(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  return printable(`${v.getDotPath(issue) ?? 'it'} ${issue.message} (got ${JSON.stringify(issue.input) ?? String(issue.input)})`.slice(0, 300));
}

const isSample = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms > 0;

/** One entry as read, or a note saying why it was dropped; impossible shapes and samples are left out, noted. */
function readEntry(candidate: unknown, at: number, limits: ShapeLimits, notes: string[]): TuneEntry | undefined {
  const parsed = v.safeParse(entrySchema, candidate);
  if (!parsed.success) return void notes.push(`entry ${at + 1} dropped: ${problem(parsed.issues)}`);
  const { tuned, samplesMs, ...key } = parsed.output;
  const name = printable(`entry ${at + 1} (n=${key.slices} rounds=${key.rounds})`);
  const entry: TuneEntry = { ...key, samplesMs: {} };
  for (const [shapeKey, samples] of Object.entries(samplesMs)) {
    let why: string | undefined;
    try {
      why = whyIllegal(parseShapeKey(shapeKey), key.slices, limits);
    } catch (error) {
      why = (error as Error).message;
    }
    if (why) {
      notes.push(`${name}: shape ${printable(shapeKey)} dropped: ${printable(why)}`);
      continue;
    }
    const kept = samples.filter(isSample);
    if (kept.length < samples.length) notes.push(`${name}: ${samples.length - kept.length} of ${shapeKey}'s samples dropped: a sample is a positive, finite number of ms`);
    if (kept.length > 0) entry.samplesMs[shapeKey] = kept;
  }
  if (tuned !== undefined) {
    const choice = v.safeParse(tunedSchema, tuned);
    if (!choice.success) notes.push(`${name}: its tuned choice dropped: ${problem(choice.issues)}`);
    else if (!entry.samplesMs[choice.output.shape]) notes.push(`${name}: its tuned choice ${printable(choice.output.shape)} dropped: the entry holds no legal samples of that shape`);
    else entry.tuned = choice.output;
  }
  return entry;
}

/**
 * The cache file in `text`, its entries checked against `limits` (the device's); throws, naming `where`, when
 * the text is not a tune cache at all. `notes` says what was dropped.
 */
export function readCacheText(text: string, where: string, limits: ShapeLimits): { file: CacheFile; notes: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message}); delete it or pass another --cache FILE.`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== cacheFormat) throw new Error(`${where} is not a tune cache (format ${printable(JSON.stringify(format) ?? 'missing')}, expected "${cacheFormat}"); pass another --cache FILE.`);
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) throw new Error(`${where} is not a usable tune cache: ${problem(parsed.issues)}; delete it or pass another --cache FILE.`);
  const notes: string[] = [];
  const entries = parsed.output.entries.flatMap((candidate, at) => readEntry(candidate, at, limits, notes) ?? []);
  return { file: { ...parsed.output, entries }, notes: notes.map((note) => `${where}: ${note}`) };
}
