// What the fuzz tests throw at the parsers: option names, the values people and typos write, and anything else.
import fc from 'fast-check';

/** The seed and run count every fuzz file uses: the same cases each run, a few seconds a file. */
export const fuzzParameters = { seed: 20261202, numRuns: 300 } as const;

/** Values that have broken number readers elsewhere: hex, octal, Infinity, huge exponents, blanks, signs, units. */
export const trickyValues = [
  '0', '1', '-1', '-0', '1.5', '1e3', '1e309', '1e-400', '2^10', '2^32', '2^33', '0^0', '64k', '1Mi', '4MiB', '0x10', '0o17', '0b11',
  'Infinity', '-Infinity', 'NaN', ' ', ' 7 ', '\t3', '7\n', 'light', 'heavy', 'auto', '5m', '1.5h', '0s', '25h', 'loop', 'loop,loop',
  'static', 'dynamic:0', 'dynamic:4', 'cyclic:1e3', 'guided:x', ',', 'a,,b', '=', '--', '\u001b[31m', 'é', '9'.repeat(400),
];

/** A value: a tricky one, a small number, or any string. */
export const value = fc.oneof(fc.constantFrom(...trickyValues), fc.integer({ min: -5, max: 5000 }).map(String), fc.string({ maxLength: 12 }));

/** An argv made of `options` (names, name=value) and values, in any order. */
export function argvOf(options: readonly string[]): fc.Arbitrary<string[]> {
  const name = fc.constantFrom(...options);
  const word = fc.oneof(
    { weight: 3, arbitrary: name },
    { weight: 3, arbitrary: value },
    { weight: 1, arbitrary: fc.tuple(name, value).map(([option, text]) => `${option}=${text}`) },
  );
  return fc.array(word, { maxLength: 8 });
}

/** Every number anywhere in `value` (functions and the keys in `skip` left out), with its path. */
export function numbersIn(value: unknown, skip: readonly string[] = [], path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (skip.includes(key) ? [] : numbersIn(inner, skip, `${path}.${key}`)));
}
