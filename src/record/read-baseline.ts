// Reads a --compare baseline by a schema (valibot) before anything is measured: a file that is not a bench
// report is refused naming its path; a record that could not have been measured (no strategy, a median that
// is not a positive number, n or rounds out of range) is dropped with a note, never compared or printed as is.
// Only what comparing uses is checked: identity (strategy, n, rounds, settings) and the median with its p10-p90.
import * as v from 'valibot';
import { maxRounds } from '../measure/asked.ts';
import { printable } from '../format/printable.ts';
import { recordKey } from './compare.ts';
import { schema, type BenchRecord, type BenchReport } from './record.ts';

/** A baseline's size limit: a sweep with every sample is a few MiB; more is not a baseline. */
export const maxBaselineBytes = 64 * 2 ** 20;

const example = 'A baseline is the file cake bench --json FILE writes; example: cake bench --json base.json, then cake bench --compare base.json';
const ms = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(0, 'must not be negative'));
const count = (most: number) => v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'), v.maxValue(most, `must be at most ${most}`));

const recordSchema = v.pipe(
  v.looseObject({
    strategy: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is over 200 characters')),
    n: count(2 ** 32 - 1),
    rounds: count(maxRounds),
    medianMs: v.pipe(ms, v.gtValue(0, 'must be more than 0 (ratios divide by it)')),
    p10Ms: ms,
    p90Ms: ms,
  }, 'must be an object'),
  v.check((record) => record.p10Ms <= record.medianMs && record.medianMs <= record.p90Ms, 'p10Ms <= medianMs <= p90Ms does not hold'),
);

const reportSchema = v.looseObject({
  schema: v.literal(schema),
  results: v.array(v.unknown(), 'must be a list of records'),
});

const where = (issue: v.BaseIssue<unknown>) => v.getDotPath(issue) ?? 'the record';
/** The first issue, as 'medianMs must be a number (got "fast")'. */
function firstProblem(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  return printable(`${where(issue)} ${issue.message} (got ${JSON.stringify(issue.input) ?? String(issue.input)})`.slice(0, 300));
}

export interface Baseline {
  baseline: BenchReport;
  /** One line per record dropped, and why. */
  notes: string[];
}

/** Reads a baseline file's text, saying what is wrong with it (naming `path`) when it is not a bench report. */
export function parseBaseline(text: string, path: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`--compare: ${path} is not JSON (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')}). ${example}`);
  }
  const top = v.safeParse(reportSchema, parsed);
  if (!top.success) {
    const found = parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) ? `is ${Array.isArray(parsed) ? 'a list' : `a JSON ${parsed === null ? 'null' : typeof parsed}`}, not a report object`
      : !('schema' in parsed) ? 'has no schema field'
      : (parsed as { schema: unknown }).schema !== schema ? `has schema ${printable(JSON.stringify((parsed as { schema: unknown }).schema) ?? '')}`
      : `has no usable results list (${firstProblem(top.issues)})`;
    throw new Error(`--compare: ${path} ${found}, expected "${schema}" with a results list: it is not a cake bench --json file. ${example}`);
  }
  const notes: string[] = [];
  const kept: BenchRecord[] = [];
  const keys = new Map<string, number>();
  top.output.results.forEach((candidate, i) => {
    const record = v.safeParse(recordSchema, candidate);
    if (!record.success) return void notes.push(`record ${i + 1} dropped: ${firstProblem(record.issues)}`);
    const key = recordKey(record.output as BenchRecord);
    const earlier = keys.get(key);
    if (earlier !== undefined) return void notes.push(`record ${i + 1} dropped: it repeats record ${earlier + 1} (${printable(key)})`);
    keys.set(key, i);
    kept.push(record.output as BenchRecord);
  });
  const total = top.output.results.length;
  // nothing to compare with is not a comparison: the run would print ratios to nothing and pass --fail-on-regression's check of nothing
  if (total === 0) throw new Error(`--compare: ${path} has no records (its results list is empty); a baseline needs at least one. ${example}`);
  if (kept.length === 0) {
    throw new Error(`--compare: ${path}: none of its ${total} records can be compared; ${notes[0]}. ${example}`);
  }
  return { baseline: { ...(top.output as unknown as BenchReport), results: kept }, notes: notes.map((note) => `--compare: ${path}: ${note}`) };
}
