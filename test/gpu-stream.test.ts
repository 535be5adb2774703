// gpu-stream on real adapters: every slice like the CPU twin through one chunk, many chunks, a short last one and
// a cake over a --device-memory budget (which gpu refuses: the negative control), u32 and f32; a ring made once;
// K = 1 overlapping nothing; and timelines whose bars keep chunk order and never overlap within a row.
import { afterEach, describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../src/cake.ts';
import { hash } from '../src/eats/hash.ts';
import { sine } from '../src/eats/sine.ts';
import type { Cake, Eat } from '../src/eat.ts';
import { measure } from '../src/measure/run.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { findStrategy } from '../src/strategies/index.ts';
import type { EatOptions, Strategy } from '../src/strategy.ts';
import type { Timeline } from '../src/timeline.ts';
import { hostWithAdapter, isGpuSkipped, testAdapters } from './gpu.ts';

const stop = { warmupRuns: 1, minRuns: 3, minTimeMs: 0, maxTimeMs: 5_000 };
const opened: Strategy[] = [];
afterEach(async () => {
  for (const strategy of opened.splice(0)) await strategy.dispose();
});

async function eatWith(adapter: string, name: string, cake: Cake, eat: Eat, options: Partial<EatOptions> = {}, eatings = 2) {
  const host = await hostWithAdapter(adapter);
  const strategy = findStrategy(name)!.create(host);
  opened.push(strategy);
  const rounds = options.rounds ?? 3;
  await strategy.prepare(cake, { eat, rounds, poolSize: 1, ...options });
  const expected = expectedEaten(eat, cake, rounds);
  for (let eating = 0; eating < eatings; eating++) {
    await strategy.eat();
    verifyEaten(`${name} on ${adapter}`, eat, strategy.eaten(), expected, rounds);
    if (eat.element === 'u32') expect(hex(checksum(strategy.eaten()))).toBe(hex(checksum(expected)));
  }
  return strategy;
}

/** Within each row, bars come in chunk order, each ends after it starts, and none overlaps the one before. */
export function rowsInOrder(timeline: Timeline): string[] {
  const wrong: string[] = [];
  for (const row of timeline.rows) {
    const bars = timeline.bars.filter((bar) => bar.row === row);
    bars.forEach((bar, i) => {
      if (bar.endMs < bar.startMs) wrong.push(`${row} chunk ${bar.chunk} ends before it starts`);
      const before = bars[i - 1];
      if (before && bar.chunk <= before.chunk) wrong.push(`${row}: chunk ${bar.chunk} after chunk ${before.chunk}`);
      if (before && bar.startMs < before.endMs - 1e-6) wrong.push(`${row}: chunk ${bar.chunk} starts at ${bar.startMs} before chunk ${before.chunk} ends at ${before.endMs}`);
    });
  }
  return wrong;
}

it('the row check catches bars out of order and overlapping (negative control)', () => {
  const bar = (chunk: number, startMs: number, endMs: number) => ({ row: 'kernel', stage: 'kernel', chunk, startMs, endMs });
  expect(rowsInOrder({ kind: 'stages', rows: ['kernel'], clock: '', bars: [bar(0, 0, 2), bar(1, 2, 3)] })).toEqual([]);
  expect(rowsInOrder({ kind: 'stages', rows: ['kernel'], clock: '', bars: [bar(0, 0, 2), bar(1, 1, 3)] })).toHaveLength(1);
  expect(rowsInOrder({ kind: 'stages', rows: ['kernel'], clock: '', bars: [bar(1, 0, 1), bar(0, 1, 2)] })).toHaveLength(1);
});

describe.skipIf(isGpuSkipped).each(testAdapters)('gpu-stream on %s', (adapter) => {
  it.each([
    ['one chunk (a cake smaller than the default chunk)', 1000, {}, 1],
    ['many chunks, the last one short', 10_000, { chunkBytes: 4096 }, 10],
    ['many chunks, the last one full', 8192, { chunkBytes: 4096 }, 8],
    ['one slice', 1, {}, 1],
  ] as const)('eats %s like the CPU twin, u32 and f32', async (_, n, options, chunks) => {
    for (const eat of [hash, sine]) {
      const strategy = await eatWith(adapter, 'gpu-stream', bake(n, { eat }), eat, options);
      expect(strategy.settings!().chunks).toBe(chunks);
      expect(strategy.eaten()).toBeInstanceOf(eat.element === 'f32' ? Float32Array : Uint32Array);
    }
  });

  it('eats a cake four times a --device-memory budget that gpu refuses (the negative control)', async () => {
    const cake = bake(2 ** 16); // 256 KiB, and as much again eaten: the budget below holds an eighth of that
    const deviceMemoryBytes = 64 * 2 ** 10;
    const strategy = await eatWith(adapter, 'gpu-stream', cake, hash, { deviceMemoryBytes });
    expect(strategy.settings!().deviceBytes).toBeLessThanOrEqual(deviceMemoryBytes);
    expect(strategy.settings!().chunks).toBeGreaterThan(8);
    await expect(eatWith(adapter, 'gpu', cake, hash, { deviceMemoryBytes })).rejects.toThrow(/needs 512 KiB on the device .* over --device-memory 64 KiB\. Use gpu-stream, or n <= 8192\./);
  });

  it('makes its ring once: no buffer is created while it eats (gpu by mappedAtCreation makes some: the control)', async () => {
    const proto = (globalThis as unknown as { GPUDevice: { prototype: GPUDevice } }).GPUDevice.prototype;
    const create = proto.createBuffer;
    let created = 0;
    proto.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
      created++;
      return create.call(this, descriptor);
    };
    try {
      const cake = bake(10_000);
      const stream = await eatWith(adapter, 'gpu-stream', cake, hash, { chunkBytes: 4096, inFlight: 3 }, 1);
      const ring = (stream as unknown as { ring: { buffersCreated: number; hasStamps: boolean } }).ring;
      expect(ring.buffersCreated).toBe(1 + 3 * (ring.hasStamps ? 5 : 4)); // the meal, then per slot: up, cake, eaten, down (+ resolve)
      const before = created;
      for (let eating = 0; eating < 3; eating++) await stream.eat();
      expect(created - before).toBe(0);
      const gpu = await eatWith(adapter, 'gpu', cake, hash, { uploadRoute: 'mappedAtCreation' }, 1);
      const beforeGpu = created;
      await gpu.eat();
      expect(created - beforeGpu).toBeGreaterThan(0);
    } finally {
      proto.createBuffer = create;
    }
  });

  it.each([1, 3])('K = %i: the timeline keeps chunk order in every row, and the phases add up', async (inFlight) => {
    const host = await hostWithAdapter(adapter);
    const cake = bake(2 ** 18); // 16 chunks of 64 KiB: each chunk's work outweighs its submit and map round trips
    const result = await measure(findStrategy('gpu-stream')!, host, cake, expectedEaten(hash, cake, 64), { eat: hash, rounds: 64, poolSize: 1, chunkBytes: 64 * 2 ** 10, inFlight }, stop);
    const timeline = result.timeline!;
    expect(rowsInOrder(timeline)).toEqual([]);
    expect(new Set(timeline.bars.map((bar) => bar.chunk)).size).toBe(16);
    const sumMs = Object.values(result.phasesMs).reduce((sum, ms) => sum + ms, 0);
    expect(result.samplesMs).toContainEqual(expect.closeTo(sumMs, 9));
    expect(result.serialMs).toBeGreaterThan(result.overlapBoundMs!);
    expect(result.overlapEfficiency).toBeLessThanOrEqual(1);
    const hiddenMs = Object.values(result.hiddenMs!).reduce((sum, ms) => sum + ms, 0);
    if (inFlight === 1) {
      // Nothing overlaps (a software GPU may begin a chunk during its submit call: a sliver). Efficiency may read
      // below 0: the waits between stages (submit, map round trips) count against the serial sum.
      expect(result.overlapEfficiency, timeline.clock).toBeLessThan(0.1);
      expect(hiddenMs).toBeLessThan(0.05 * result.serialMs!);
    } else {
      expect(hiddenMs, 'with three chunks in flight, some stage runs behind another').toBeGreaterThan(0);
    }
  });
});
