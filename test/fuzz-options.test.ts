// Fuzzed option parsers (fast-check, fixed seed): for any argv of cake bench's or cake tune's option names and
// values, the parse returns a plan whose every number is finite and within its option's limits, or throws one
// UsageError line that names what was wrong. Counter-examples found are kept below as plain tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, readBenchOptions, UsageError } from '../bench/args.ts';
import { nodeHost } from '../bench/node-host.ts';
import { parseTuneArgs } from '../bench/tune-args.ts';
import { hash } from '../src/eats/hash.ts';
import { maxRounds, quoted } from '../src/measure/asked.ts';
import { argvOf, fuzzParameters, numbersIn } from './fuzz-arbitraries.ts';

const benchOptions = [
  '--eat', '--strategies', '--sizes', '--rounds', '--runs', '--min-time', '--max-time', '--pool-size', '--cake', '--json', '--csv', '--adapter', '--workgroup-size',
  '--schedule', '--upload-route', '--wait', '--kernel-clock', '--chunk', '--in-flight', '--device-memory', '--budget', '--report', '--compare',
  '--sweep', '--fail-on-regression', '--force', '--yes', '--bogus', '-h',
];
const tuneOptions = ['--adapter', '--eat', '--n', '--rounds', '--strategy', '--budget', '--samples', '--max-samples', '--seed', '--workgroup-sizes', '--cache', '--json', '--seeds', '--replay', '--bogus'];
const host = nodeHost();

/** The error is a UsageError of one line that names one of the words given (an option or the value at fault). */
function expectUsageLine(error: unknown, argv: string[]): void {
  if (!(error instanceof UsageError)) throw error;
  expect(error.message).not.toMatch(/[\n\r]/);
  const words = argv.flatMap((word) => word.split(/=(.*)/s, 2));
  // as it is, or quoted and escaped (a blank word, a quote, a control character, a long value)
  const names = (word: string) => (word.trim() !== '' && error.message.includes(word.trim())) || [word, word.trim()].some((text) => error.message.includes(quoted(text)));
  expect(words.some(names), `"${error.message}" names none of ${JSON.stringify(argv)}`).toBe(true);
}

const benchLimits: [RegExp, number, number][] = [
  [/^\.sizes\./, 1, 2 ** 32 - 1],
  [/^\.rounds\./, 1, maxRounds],
  [/^\.poolSize$/, 1, 256],
  [/^\.stop\./, 0, 1_000_000 * 24 * 3600_000],
  [/^\.schedules\.\d+\.chunkSlices$/, 1, 2 ** 32 - 1],
  [/^\.gpu\.workgroupSize$/, 1, 1024],
  [/^\.gpu\.inFlight$/, 1, 16],
  [/^\.gpu\.(chunkBytes|deviceMemoryBytes)$/, 4, 2 ** 40],
  [/^\.sweep\.budgetMs$/, 1e-9, 24 * 3600_000],
];

function expectWithinLimits(numbers: [string, number][], limits: [RegExp, number, number][]): void {
  for (const [path, number] of numbers) {
    expect(Number.isFinite(number), `${path} = ${number}`).toBe(true);
    const limit = limits.find(([pattern]) => pattern.test(path));
    expect(limit, `${path} has no limit in this test`).toBeDefined();
    expect(number >= limit![1] && number <= limit![2], `${path} = ${number}`).toBe(true);
  }
}

function parseBench(argv: string[]) {
  return parseBenchArgs(readBenchOptions(argv), host, hash);
}

describe('cake bench options, fuzzed', () => {
  it('give a plan within every limit or one UsageError line naming what was wrong', () => {
    fc.assert(
      fc.property(argvOf(benchOptions), (argv) => {
        try {
          expectWithinLimits(numbersIn(parseBench(argv), ['eat', 'strategies']), benchLimits);
        } catch (error) {
          expectUsageLine(error, argv);
        }
      }),
      fuzzParameters,
    );
  });

  it.each([['0x2'], ['Infinity'], ['1e999'], ['0b1'], ['0o3']])('--in-flight %j is refused: numbers are decimal, as in every other option', (text) => {
    expect(() => parseBench(['--strategies', 'gpu-stream', '--in-flight', text])).toThrow(/^--in-flight: ".*" is not allowed; use an integer 1\.\.16/);
  });
});

const tuneLimits: [RegExp, number, number][] = [
  [/^\.slices$/, 1, 2 ** 32 - 1],
  [/^\.rounds$/, 1, maxRounds],
  [/^\.budgetShare$/, 1e-12, 1],
  [/^\.(fullSamples|maxSamples|seeds)$/, 1, Number.MAX_SAFE_INTEGER],
  [/^\.seed$/, 0, Number.MAX_SAFE_INTEGER],
  [/^\.workgroupSizes\.\d+$/, 1, Number.MAX_SAFE_INTEGER],
];

describe('cake tune options, fuzzed', () => {
  it('give a plan within every limit or one UsageError line naming what was wrong', () => {
    fc.assert(
      fc.property(argvOf(tuneOptions), (argv) => {
        try {
          expectWithinLimits(numbersIn(parseTuneArgs(argv)), tuneLimits);
        } catch (error) {
          expectUsageLine(error, argv);
        }
      }),
      fuzzParameters,
    );
  });
});
