// What the page's address asks for (?eat, ?strategies, ?n, ?rounds, ?budget, ?run), read with the CLI's own rules
// (src/measure/asked.ts). A bad value is named with what is allowed and an example, and is never eaten: the page
// keeps its default for it and does not start on its own, so a typo cannot start a run nobody asked for.
import { eats } from '../eats/index.ts';
import { parseBudget, parseRounds, parseSize, UsageError, type SizeLimit, type Spelling, quoted } from '../measure/asked.ts';

/** The largest cake the page offers: a tab should answer in seconds, and `cake bench` eats larger ones. */
export const pageSizeLimit: SizeLimit = { slices: 2 ** 22, written: '2^22', why: "the page's largest cake; cake bench eats larger ones", example: '2^22' };

export interface PageOrder {
  /** A built-in eat function's name (a user's own is written in the page's editor, never in the address). */
  eat?: string;
  strategies?: string[];
  n?: number;
  rounds?: number;
  budgetMs?: number;
  /** ?run: eat on load. False whenever anything in the address was refused. */
  run: boolean;
  /** One line per refused parameter: what was wrong, what is allowed, an example. */
  problems: string[];
}

const known = ['eat', 'strategies', 'n', 'rounds', 'budget', 'run'];
/** Text a message may show as it is: short, no control characters or quotes (else it is quoted, escaped). */
const isPlain = (text: string) => /^[\w.^,:+-]{0,40}$/.test(text);
const spelling = (name: string): Spelling => ({ option: `?${name}`, example: (value) => `?${name}=${value}` });

/** Reads `params`; `strategyNames` are those this page offers, for naming a mistyped one. */
export function readPageOrder(params: URLSearchParams, strategyNames: string[]): PageOrder {
  const problems: string[] = [];
  const read = <T>(name: string, parse: (text: string) => T): T | undefined => {
    const text = params.get(name);
    if (text === null) return undefined;
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const order: PageOrder = {
    eat: read('eat', parseEatName),
    strategies: read('strategies', (text) => parseStrategyNames(text, strategyNames)),
    n: read('n', (text) => parseSize(text, spelling('n'), pageSizeLimit)),
    rounds: read('rounds', (text) => parseRounds(text, spelling('rounds'))),
    budgetMs: read('budget', (text) => parseBudget(text, spelling('budget'))),
    run: params.has('run'),
    problems,
  };
  read('run', (text) => {
    if (text !== '' && text !== '1') throw new UsageError(`?run: ${quoted(text)} is not allowed; ?run takes no value (or 1) and eats on load. Example: ?n=2^16&run=1`);
  });
  for (const name of new Set(params.keys())) {
    if (!known.includes(name)) problems.push(`?${isPlain(name) ? name : quoted(name)}: the page reads no such parameter. It reads ${known.map((k) => `?${k}`).join(', ')}; example: ?strategies=loop,gpu&n=2^16&rounds=heavy&run=1`);
    else if (params.getAll(name).length > 1) problems.push(`?${name}: given ${params.getAll(name).length} times; give it once. Example: ?${name}=${isPlain(params.get(name) ?? '') ? params.get(name) : '...'}`);
  }
  if (problems.length > 0) order.run = false;
  return order;
}

function parseStrategyNames(text: string, strategyNames: string[]): string[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !strategyNames.includes(name));
  if (unknown !== undefined) throw new UsageError(`?strategies: unknown strategy ${quoted(unknown)}. Known here: ${strategyNames.join(', ')}. Example: ?strategies=loop,pool-shared`);
  return names;
}

function parseEatName(text: string): string {
  if (eats.some((eat) => eat.name === text)) return text;
  throw new UsageError(`?eat: unknown eat function "${text}". Built in: ${eats.map((eat) => eat.name).join(', ')} (your own is written in the page's editor, not the address). Example: ?eat=stream`);
}
