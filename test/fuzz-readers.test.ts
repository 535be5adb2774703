// Fuzzed file readers: a --compare baseline (src/record/read-baseline.ts) and a tune cache
// (src/tune/cache-schema.ts) made of any JSON-ish values are refused with their documented Error naming the
// file, or read with every kept record and sample possible: never another error, never NaN or a negative time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../src/record/read-baseline.ts';
import { schema } from '../src/record/record.ts';
import { cacheFormat, readCacheText } from '../src/tune/cache-schema.ts';
import { parseShapeKey, whyIllegal, type ShapeLimits } from '../src/gpu/shapes.ts';
import { fuzzParameters } from './fuzz-arbitraries.ts';

const limits: ShapeLimits = { maxComputeInvocationsPerWorkgroup: 1024, maxComputeWorkgroupSizeX: 1024, maxComputeWorkgroupsPerDimension: 65535, maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 32 - 1 };
/** Numbers a file can hold (JSON has no NaN or Infinity: 1e999 parses as Infinity), and anything else. */
const anyValue = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 2 ** 32, 1e308, -0, null, true, '1', 'fast', '\u001b[2J', [], {}),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>, other: fc.Arbitrary<unknown> = anyValue) => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: other });
/** JSON text, sometimes with 1e999 (Infinity once parsed) where a number was. */
const textOf = (value: unknown) => fc.boolean().map((infinite) => (infinite ? JSON.stringify(value).replace(/(:)(-?)\d+(\.\d+)?/, '$1$21e999') : JSON.stringify(value)));

/** A time in ms: often a small plain one (so some records are possible and kept), sometimes any double. */
const msValue = fc.oneof(fc.constantFrom(0, 0, 0.5, 1, 2), fc.double({ min: -1, max: 100, noNaN: true }));
const record = fc.record({
  strategy: maybe(fc.constantFrom('loop', 'gpu', '')),
  n: maybe(fc.oneof(fc.constantFrom(1024), fc.integer({ min: -2, max: 2 ** 33 }))),
  rounds: maybe(fc.oneof(fc.constantFrom(1, 64), fc.integer({ min: -2, max: 2 ** 21 }))),
  medianMs: maybe(msValue),
  p10Ms: maybe(msValue),
  p90Ms: maybe(msValue),
});
const baseline = fc.oneof(
  { weight: 4, arbitrary: fc.record({ schema: maybe(fc.constant(schema)), results: maybe(fc.array(maybe(record), { maxLength: 4 })) }) },
  { weight: 1, arbitrary: anyValue },
);

describe('the baseline reader, fuzzed', () => {
  it('refuses naming the file, or keeps only records with positive finite medians inside their p10-p90', () => {
    fc.assert(
      fc.property(baseline.chain(textOf), (text) => {
        let read;
        try {
          read = parseBaseline(text, 'fuzz.json');
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/^--compare: fuzz\.json[^\n\r\u001b]*$/);
          return;
        }
        for (const kept of read.baseline.results) {
          expect(Number.isFinite(kept.medianMs) && kept.medianMs > 0).toBe(true);
          expect(kept.p10Ms >= 0 && kept.p10Ms <= kept.medianMs && kept.medianMs <= kept.p90Ms && Number.isFinite(kept.p90Ms)).toBe(true);
          expect(Number.isInteger(kept.n) && kept.n >= 1 && Number.isInteger(kept.rounds) && kept.rounds >= 1).toBe(true);
        }
        for (const note of read.notes) expect(note).not.toMatch(/[\n\r\u001b]/);
      }),
      fuzzParameters,
    );
  });
});

const shapeKey = fc.oneof(
  fc.tuple(fc.constantFrom(0, 1, 48, 64, 1024, 2048), fc.constantFrom(0, 1, 2, 4, 8, 3), fc.constantFrom('contiguous', 'strided', 'x'), fc.constantFrom('scalar', 'vec4'), fc.constantFrom('1d', '2d'))
    .map(([size, slices, layout, load, grid]) => `wg${size}-s${slices}-${layout}-${load}-${grid}`),
  fc.string({ maxLength: 10 }),
);
const samples = maybe(fc.array(maybe(fc.double({ min: -1, max: 10, noNaN: true })), { maxLength: 4 }));
const entry = fc.record({
  runtime: maybe(fc.constant('webgpu 0.6.2 (Dawn)')),
  kernel: maybe(fc.constant('eat-shaped.wgsl#1')),
  rounds: maybe(fc.integer({ min: -1, max: 2 ** 21 })),
  slices: maybe(fc.integer({ min: -1, max: 2 ** 20 })),
  samplesMs: maybe(fc.dictionary(shapeKey, samples, { maxKeys: 3 })),
  tuned: fc.option(fc.record({ shape: shapeKey, ms: maybe(fc.double({ min: -1, max: 10, noNaN: true })), strategy: fc.constant('exhaustive'), evaluations: fc.constant(1), spaceSize: fc.constant(1), at: fc.constant('now') })),
});
const cache = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      format: maybe(fc.constant(cacheFormat)),
      adapter: maybe(fc.constant({ vendor: 'mesa', architecture: 'software', description: 'llvmpipe' })),
      limits: maybe(fc.constant(limits)),
      entries: maybe(fc.array(maybe(entry), { maxLength: 3 })),
    }),
  },
  { weight: 1, arbitrary: anyValue },
);

describe('the tune cache reader, fuzzed', () => {
  it('refuses naming the file, or keeps only legal shapes with positive finite samples and a measured tuned shape', () => {
    fc.assert(
      fc.property(cache.chain(textOf), (text) => {
        let read;
        try {
          read = readCacheText(text, 'fuzz-cache.json', limits);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/^fuzz-cache\.json [^\n\r\u001b]*$/);
          return;
        }
        for (const kept of read.file.entries) {
          for (const [key, kept_samples] of Object.entries(kept.samplesMs)) {
            expect(whyIllegal(parseShapeKey(key), kept.slices, limits)).toBeUndefined();
            expect(kept_samples.length).toBeGreaterThan(0);
            for (const ms of kept_samples) expect(Number.isFinite(ms) && ms > 0).toBe(true);
          }
          if (kept.tuned) expect(kept.samplesMs[kept.tuned.shape]).toBeDefined();
        }
        for (const note of read.notes) expect(note).not.toMatch(/[\n\r\u001b]/);
      }),
      fuzzParameters,
    );
  });
});

// counter-example kept from the adversarial pass: a baseline with an empty results list compared nothing and exited 0
it('refuses a baseline with no records', () => {
  expect(() => parseBaseline(JSON.stringify({ schema, results: [] }), 'empty-results.json')).toThrow(/^--compare: empty-results\.json has no records \(its results list is empty\); a baseline needs at least one\./);
});
