// What a bench may be asked for (cake sizes, eat costs, sweep budgets) and the limits on each: one set of
// rules for the CLI's options and the page's URL, so `?n=1.5` is refused as `--sizes 1.5` is. No Node, no DOM.

/**
 * A value as a one-line message quotes it: in double quotes, control characters escaped (a newline or a terminal
 * escape in an argument or a URL stays visible and harmless), at most 60 characters.
 */
export function quoted(value: string | undefined): string {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** A mistake in what was asked: one line naming the option, what is allowed and an example. */
export class UsageError extends Error {}

/** How a host writes an option in its messages: the CLI `--sizes 2^16,2^20`, the page `?n=2^20`. */
export interface Spelling {
  /** As the visitor wrote it: '--sizes', '?n'. */
  option: string;
  /** A whole example that works, around a value. */
  example(value: string): string;
  /** Whether the option takes a list, so its examples show one. */
  takesList?: boolean;
}

/** The largest cake a host eats, and why: the CLI's is the GPU's u32 index, the page's what a tab answers in seconds. */
export interface SizeLimit {
  slices: number;
  /** How messages write it: '2^32 - 1'. */
  written: string;
  why: string;
  /** A large size that is allowed. */
  example: string;
}

export const namedRounds: Record<string, number> = { light: 1, medium: 64, heavy: 1024 };
export const maxRounds = 1 << 20; // one slice then costs ~3 ms on the CPU: anything more is a typo
export const u32Slices: SizeLimit = { slices: 2 ** 32 - 1, written: '2^32 - 1', why: 'slices are u32-indexed', example: '2^24' };
const maxBudgetMs = 24 * 3600_000; // a day: anything longer is a typo

/**
 * A number as people write it in decimal: digits, an optional fraction and exponent. The one number reader of
 * every option: Number() alone would take hex (0x10), octal (0o17), binary (0b11), blanks and Infinity, which
 * some options refused and others did not. NaN for anything else.
 */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  const value = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isFinite(value) ? value : NaN; // 1e999 is Infinity, which this reader refuses as it refuses 'Infinity'
}

const examples = (spelling: Spelling) => (list: string, one: string) => spelling.example(spelling.takesList ? list : one);

/**
 * 65536, 2^16, 64k (x1000) or 64Ki (x1024): an integer number of slices from 1 to `limit`. `spelling` names the
 * option in messages and picks the examples.
 */
export function parseSize(text: string, spelling: Spelling, limit: SizeLimit = u32Slices): number {
  const { option } = spelling;
  const example = examples(spelling);
  const match = /^(?:(\d+)\^(\d+)|(-?\d+(?:\.\d+)?(?:e\d+)?)(k|Ki|M|Mi)?)$/.exec(text.trim());
  const scale: Record<string, number> = { k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2 };
  const value = !match ? NaN : match[1] ? Number(match[1]) ** Number(match[2]) : Number(match[3]) * (scale[match[4] ?? ''] ?? 1);
  const allowed = limit === u32Slices ? 'integers >= 1' : `integers 1..${limit.written}`;
  if (!Number.isFinite(value)) throw new UsageError(`${option}: ${quoted(text)} is not a size. Use ${allowed}, powers like 2^20, or 64k / 1Mi; example: ${example('2^16,2^20,1000000', '2^20')}`);
  if (!Number.isInteger(value)) throw new UsageError(`${option}: ${text} is not a whole number of slices. Example: ${example('2^16,1000000', '1000000')}`);
  if (value < 1) throw new UsageError(`${option}: ${text} slices is too few; a cake has at least 1 slice. Example: ${example('1,2^20', '2^20')}`);
  if (value > limit.slices) throw new UsageError(`${option}: ${text} = ${value} slices is over the limit of ${limit.written} (${limit.why}). Example: ${example(limit.example, limit.example)}`);
  return value;
}

/** light, medium, heavy or an integer 1..2^20. */
export function parseRounds(text: string, spelling: Spelling): number {
  const value = namedRounds[text.trim()] ?? parseDecimal(text);
  if (!Number.isInteger(value) || value < 1 || value > maxRounds) {
    throw new UsageError(`${spelling.option}: ${quoted(text)} is not allowed. Use light (1), medium (64), heavy (1024) or an integer 1..${maxRounds}; example: ${examples(spelling)('1,64,heavy', 'heavy')}`);
  }
  return value;
}

/** '300', '300s', '5m', '1.5h' -> ms, more than 0 and at most a day. A bare number is seconds. */
export function parseBudget(text: string, spelling: Spelling): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000 };
  const budgetMs = match ? parseDecimal(match[1]!) * unitMs[match[2] ?? 's']! : NaN;
  if (!(budgetMs > 0) || budgetMs > maxBudgetMs) {
    throw new UsageError(`${spelling.option}: ${quoted(text)} is not a time budget. Use a number of seconds, or one with the unit s, m or h (not ms), more than 0 and at most 24h; example: ${spelling.example('300')} or ${spelling.example('5m')}`);
  }
  return budgetMs;
}
