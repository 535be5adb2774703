// The page's address is read with the CLI's own rules (src/measure/asked.ts): the same values pass and fail,
// only the spelling of the option and its example differ. No browser needed: the reading is pure.
import { describe, expect, it } from 'vitest';
import { parseSize } from '../bench/args.ts';
import { readPageOrder } from '../src/web/page-order.ts';

const names = ['loop', 'pool-shared', 'gpu'];
const read = (query: string) => readPageOrder(new URLSearchParams(query), names);

describe("the page's address", () => {
  it('takes what the CLI takes: sizes as 4099, 2^20 or 64Ki; rounds by name or number; budgets in s, m or h', () => {
    expect(read('strategies=loop,gpu&n=4099&rounds=heavy&budget=2m&run=1')).toEqual({ strategies: ['loop', 'gpu'], n: 4099, rounds: 1024, budgetMs: 120_000, run: true, problems: [] });
    expect(read('n=2^20&rounds=7&budget=8')).toMatchObject({ n: 2 ** 20, rounds: 7, budgetMs: 8000, run: false, problems: [] });
    expect(read('n=64Ki&run')).toMatchObject({ n: 65536, run: true, problems: [] });
  });

  it.each([
    ['n=abc', 'n', /^\?n: "abc" is not a size\. Use integers 1\.\.2\^22, /],
    ['n=1.5', 'n', /^\?n: 1\.5 is not a whole number of slices\. Example: \?n=1000000$/],
    ['n=0', 'n', /^\?n: 0 slices is too few/],
    ['n=', 'n', /^\?n: "" is not a size/],
    ['n=2^23', 'n', /over the limit of 2\^22/],
    ['rounds=-1', 'rounds', /^\?rounds: "-1" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\) or an integer 1\.\.1048576; example: \?rounds=heavy$/],
    ['rounds=1e9', 'rounds', /^\?rounds: "1e9" is not allowed/],
    ['rounds=2.5', 'rounds', /^\?rounds: "2\.5" is not allowed/],
    ['budget=0', 'budgetMs', /^\?budget: "0" is not a time budget.*example: \?budget=300 or \?budget=5m$/],
    ['budget=25h', 'budgetMs', /^\?budget: "25h" is not a time budget/],
    ['strategies=loop,fork', 'strategies', /^\?strategies: unknown strategy "fork"\. Known here: loop, pool-shared, gpu\./],
  ])('%s is refused, falls back to the default and does not run', (query, field, message) => {
    const order = read(`${query}&run=1`);
    expect(order.problems).toHaveLength(1);
    expect(order.problems[0]).toMatch(message);
    expect(order).not.toHaveProperty(field, expect.anything());
    expect(order.run).toBe(false);
  });

  it('refuses parameters it does not read, repeated ones, and ?run with a value other than 1', () => {
    expect(read('size=2^20').problems).toEqual([expect.stringMatching(/^\?size: the page reads no such parameter\./)]);
    expect(read('n=1&n=2').problems).toEqual([expect.stringMatching(/^\?n: given 2 times; give it once\./)]);
    expect(read('run=0').problems).toEqual([expect.stringMatching(/^\?run: "0" is not allowed/)]);
  });

  it('leaves the CLI its own messages and its own limit (2^32 - 1)', () => {
    expect(() => parseSize('1.5')).toThrow(/^--sizes: 1\.5 is not a whole number of slices\. Example: --sizes 2\^16,1000000$/);
    expect(() => parseSize('lots', '--n')).toThrow(/^--n: "lots" is not a size\. Use integers >= 1, powers like 2\^20, or 64k \/ 1Mi; example: cake tune --n 2\^20$/);
    expect(() => parseSize('2^40')).toThrow(/^--sizes: 2\^40 = 1099511627776 slices is over the limit of 2\^32 - 1 \(slices are u32-indexed\)\. Example: --sizes 2\^24$/);
    expect(parseSize('2^23')).toBe(2 ** 23);
  });
});
