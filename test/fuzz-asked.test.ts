// Fuzzed number rules (src/measure/asked.ts), shared by the CLI's options and the page's address: any text is
// a finite number within the rule's limits or one UsageError line naming the option.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxRounds, parseBudget, parseDecimal, parseRounds, parseSize, UsageError, type Spelling } from '../src/measure/asked.ts';
import { pageSizeLimit } from '../src/web/page-order.ts';
import { fuzzParameters, value } from './fuzz-arbitraries.ts';

const spelling: Spelling = { option: '--fuzzed', example: (text) => `--fuzzed ${text}` };

function expectWithin(read: () => number, min: number, max: number): void {
  let number: number;
  try {
    number = read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    expect(error.message).toMatch(/^--fuzzed: [^\n\r]*$/);
    return;
  }
  expect(Number.isFinite(number) && number >= min && number <= max, String(number)).toBe(true);
}

describe('the number rules, fuzzed', () => {
  it('parseDecimal is NaN or a finite number', () => {
    fc.assert(fc.property(value, (text) => Number.isNaN(parseDecimal(text)) || Number.isFinite(parseDecimal(text))), fuzzParameters);
  });

  it('parseSize is an integer 1..limit (the CLI and the page)', () => {
    fc.assert(
      fc.property(value, (text) => {
        expectWithin(() => parseSize(text, spelling), 1, 2 ** 32 - 1);
        expectWithin(() => parseSize(text, spelling, pageSizeLimit), 1, 2 ** 22);
      }),
      fuzzParameters,
    );
  });

  it('parseRounds is an integer 1..2^20, parseBudget more than 0 ms and at most a day', () => {
    fc.assert(
      fc.property(value, (text) => {
        expectWithin(() => parseRounds(text, spelling), 1, maxRounds);
        expectWithin(() => parseBudget(text, spelling), Number.MIN_VALUE, 24 * 3600_000);
      }),
      fuzzParameters,
    );
  });

  // counter-example kept: 1e999 passed the decimal pattern and came back as Infinity
  it('1e999 is not a number, as Infinity is not', () => {
    expect(parseDecimal('1e999')).toBeNaN();
    expect(parseDecimal('-1e999')).toBeNaN();
    expect(parseDecimal('1e3')).toBe(1000);
  });
});
