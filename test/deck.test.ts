// The deck's surprise, as tested facts: friends eat a copy and the original is untouched; shared memory is
// eaten in place.
import { describe, expect, it } from 'vitest';
import { bake } from '../src/cake.ts';
import { expectedEaten } from '../src/measure/verify.ts';
import type { Cake } from '../src/eat.ts';
import { hash } from '../src/eats/hash.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';
import type { StrategyEntry } from '../src/strategy.ts';

const host = nodeHost();
const rounds = 64;

async function eatOnce(name: string, cake: Cake): Promise<Cake> {
  const strategy = (findStrategy(name) as StrategyEntry).create(host);
  try {
    await strategy.prepare(cake, { eat: hash, rounds, poolSize: 2 });
    await strategy.eat();
    return strategy.eaten().slice();
  } finally {
    await strategy.dispose();
  }
}

describe('the friends ate a copy', () => {
  it.each(['pool-copy', 'pool-transfer', 'pool-slice', 'piscina'])('%s leaves the caller\'s cake bit-identical', async (name) => {
    const cake = bake(10_001);
    const before = cake.slice();
    const eaten = await eatOnce(name, cake);
    expect(cake).toEqual(before); // still 0, 1, 2, 3, ...
    expect([...cake.subarray(0, 4)]).toEqual([0, 1, 2, 3]);
    expect(eaten).toEqual(expectedEaten(hash, before, rounds)); // and yet the friends did eat
  });
});

describe('shared memory', () => {
  it('pool-shared eats a cake in shared memory in place: the caller sees it eaten', async () => {
    const cake = bake(10_001, { isShared: true });
    const expected = expectedEaten(hash, cake, rounds);
    await eatOnce('pool-shared', cake);
    expect(cake).toEqual(expected);
  });

  it('pool-shared copies a cake that is not in shared memory, and leaves it untouched', async () => {
    const cake = bake(10_001);
    const eaten = await eatOnce('pool-shared', cake);
    expect([...cake.subarray(0, 4)]).toEqual([0, 1, 2, 3]);
    expect(eaten).toEqual(expectedEaten(hash, cake, rounds));
  });
});
