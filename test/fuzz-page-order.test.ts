// Fuzzed page address (src/web/page-order.ts): any query string reads without throwing; what it keeps obeys the
// CLI's limits (the page's largest cake 2^22), each problem is one line, and a refused address never runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxRounds } from '../src/measure/asked.ts';
import { readPageOrder } from '../src/web/page-order.ts';
import { fuzzParameters, value } from './fuzz-arbitraries.ts';

const names = ['loop', 'pool-shared', 'gpu'];
const parameter = fc.tuple(fc.constantFrom('strategies', 'n', 'rounds', 'budget', 'run', 'N', 'x', ''), value);
const query = fc.oneof(
  fc.array(parameter, { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs)),
  fc.string({ maxLength: 40 }).map((text) => new URLSearchParams(text)),
);

describe("the page's address, fuzzed", () => {
  it('reads any query: values within limits, one line per problem, no run when something was refused', () => {
    fc.assert(
      fc.property(query, (params) => {
        const order = readPageOrder(params, names);
        if (order.n !== undefined) expect(Number.isInteger(order.n) && order.n >= 1 && order.n <= 2 ** 22).toBe(true);
        if (order.rounds !== undefined) expect(Number.isInteger(order.rounds) && order.rounds >= 1 && order.rounds <= maxRounds).toBe(true);
        if (order.budgetMs !== undefined) expect(order.budgetMs > 0 && order.budgetMs <= 24 * 3600_000).toBe(true);
        for (const name of order.strategies ?? []) expect(names).toContain(name);
        for (const problem of order.problems) expect(problem).toMatch(/^\?[^\n\r]*$/);
        if (order.problems.length > 0) expect(order.run).toBe(false);
        if (order.run) expect(params.has('run')).toBe(true);
      }),
      fuzzParameters,
    );
  });
});

// counter-examples kept from the adversarial pass: a newline in a value split the message; a 5000-digit ?n
// was quoted whole
it('quotes a value with a newline escaped, and a long one cut to 60 characters', () => {
  const [problem] = readPageOrder(new URLSearchParams('budget=%0A'), names).problems;
  expect(problem).toBe('?budget: "\\n" is not a time budget. Use a number of seconds, or one with the unit s, m or h (not ms), more than 0 and at most 24h; example: ?budget=300 or ?budget=5m');
  const [long] = readPageOrder(new URLSearchParams(`n=${'9'.repeat(5000)}`), names).problems;
  expect(long!.length).toBeLessThan(300);
  expect(long).toMatch(/^\?n: "9{57}\.\.\." is not a size\./);
});
