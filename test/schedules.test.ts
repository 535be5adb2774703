// Every schedule deals every slice exactly once, on real workers: chunk sizes that do and do not divide n, one
// friend and several; the eaten cake is verified against the CPU twin and each chunk has exactly one eater.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bake } from '../src/cake.ts';
import { hash } from '../src/eats/hash.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { chunkCount, dealOf, scheduleName, type Schedule } from '../src/pool/schedule.ts';
import { eatTicket, ticketsFor } from '../src/pool/take-chunks.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';

const n = 1000;
const schedules: Schedule[] = [
  { kind: 'static' }, { kind: 'cyclic' }, { kind: 'cyclic', chunkSlices: 7 }, { kind: 'dynamic', chunkSlices: 1 },
  { kind: 'dynamic', chunkSlices: 250 }, { kind: 'dynamic', chunkSlices: 333 }, { kind: 'guided', chunkSlices: 3 },
];

describe('a deal covers [0, n) with chunks in order, none empty', () => {
  it.each(schedules.flatMap((schedule) => [1, 3, 2000].map((friends) => [scheduleName(schedule), schedule, friends] as const)))('%s for %i friends', (_, schedule, friends) => {
    const { bounds } = dealOf(schedule, n, friends);
    expect(bounds[0]).toBe(0);
    expect(bounds.at(-1)).toBe(n);
    for (let j = 0; j + 1 < bounds.length; j++) expect(bounds[j + 1]!).toBeGreaterThan(bounds[j]!);
  });
});

describe.each(['pool-shared', 'pool-copy', 'pool-transfer', 'pool-simd'])('%s', (name) => {
  it.each(schedules.flatMap((schedule) => [1, 3].map((friends) => [scheduleName(schedule), friends, schedule] as const)))('%s with %i friends eats every slice once, verified', async (_, friends, schedule) => {
    const cake = bake(n);
    const expected = expectedEaten(hash, cake, 3);
    const strategy = findStrategy(name)!.create(nodeHost());
    try {
      await strategy.prepare(cake, { eat: hash, rounds: 3, poolSize: friends, schedule });
      for (let run = 0; run < 2; run++) {
        strategy.reset?.();
        await strategy.eat();
        verifyEaten(name, hash, strategy.eaten(), expected, 3); // a slice eaten twice in place would fail here
        const eaters = strategy.eaters!();
        expect(eaters.every((eater) => eater >= 1 && eater <= friends)).toBe(true);
        expect(strategy.friendsBusyMs!()).toHaveLength(friends);
      }
      expect(strategy.settings!()).toMatchObject({ schedule: scheduleName(schedule), poolSize: friends });
    } finally {
      await strategy.dispose();
    }
  });
});

it('a ticket refuses a chunk the ledger says was taken (negative control for the exactly-once ledger)', () => {
  const deal = dealOf({ kind: 'dynamic', chunkSlices: 10 }, 100, 2, true);
  const [first, second] = ticketsFor(deal, 2);
  const eaten: number[] = [];
  expect(eatTicket(first!, (from) => eaten.push(from))).toBe(chunkCount(deal));
  first!.next[0] = 4; // a broken dealer handing out chunk 4 again
  expect(() => eatTicket(second!, () => {})).toThrow(/^chunk 4 was already taken by friend 0/);
});

it('a friend failing mid-run under dynamic is named with its chunk; no chunk is placed twice or lost unnamed', async () => {
  const host = nodeHost({ friendScript: fileURLToPath(new URL('./fixtures/tiring-friend.mjs', import.meta.url)) });
  const strategy = findStrategy('pool-copy')!.create(host);
  await strategy.prepare(bake(100), { eat: hash, rounds: 1, poolSize: 2, schedule: { kind: 'dynamic', chunkSlices: 10 } });
  const failure = strategy.eat().then(() => '', (error: Error) => error.message);
  const message = await failure;
  await strategy.dispose();
  const match = /^friend ([01]) failed while eating chunk (\d+) \(slices (\d+)\.\.(\d+)\): .*too full for a third chunk/.exec(message);
  expect(match, message).not.toBeNull();
  const chunk = Number(match![2]);
  expect([Number(match![3]), Number(match![4])]).toEqual([chunk * 10, chunk * 10 + 9]);
  // Slices the friends answered for: the failed chunk is not among them (its slices are lost with the friend, named).
  const eaters = strategy.eaters!();
  expect(eaters.subarray(chunk * 10, chunk * 10 + 10).every((eater) => eater === 0)).toBe(true);
  expect(eaters.filter((eater) => eater > 0).length % 10).toBe(0);
});
