// A friend that throws or dies fails the run with an error naming the chunk, and the pool shuts down.
import { fileURLToPath } from 'node:url';
import { hash } from '../src/eats/hash.ts';
import { describe, expect, it } from 'vitest';
import { bake } from '../src/cake.ts';
import { findStrategy } from '../src/strategies/index.ts';
import type { Friend } from '../src/pool/friend.ts';
import { nodeHost } from '../bench/node-host.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A host whose friends run `script`, recording each friend's terminate() so the test sees the shutdown. */
function hostWith(script: string) {
  const base = nodeHost({ friendScript: script });
  const terminated: number[] = [];
  const host = {
    ...base,
    inviteFriend(id: number): Friend {
      const friend = base.inviteFriend(id);
      return { ...friend, terminate: async () => { terminated.push(id); await friend.terminate(); } };
    },
  };
  return { host, terminated };
}

describe.each([
  ['throwing-friend.mjs', /the slice was too big to swallow/],
  ['dying-friend.mjs', /exited with code 3/],
])('a friend running %s', (script, cause) => {
  it.each(['pool-copy', 'pool-transfer', 'pool-shared'])('fails %s naming the chunk, and shuts the pool down', async (name) => {
    const { host, terminated } = hostWith(fixture(script));
    const strategy = findStrategy(name)!.create(host);
    await strategy.prepare(bake(1000), { eat: hash, rounds: 1, poolSize: 2 });
    const failure = strategy.eat();
    await expect(failure).rejects.toThrow(/^friend [01] failed while eating chunk [01] \(slices \d+\.\.\d+\): /);
    await expect(failure).rejects.toThrow(cause);
    await strategy.dispose();
    expect(terminated.sort()).toEqual(expect.arrayContaining([0, 1]));
  });

  it('fails pool-slice naming the slice', async () => {
    const { host } = hostWith(fixture(script));
    const strategy = findStrategy('pool-slice')!.create(host);
    await strategy.prepare(bake(10), { eat: hash, rounds: 1, poolSize: 2 });
    await expect(strategy.eat()).rejects.toThrow(/^friend [01] failed while eating slice \d+: /);
    await strategy.dispose();
  });
});

it('a friend script that does not exist fails the invitation with its path', async () => {
  const { host } = hostWith('/nonexistent/friend.mjs');
  const strategy = findStrategy('pool-copy')!.create(host);
  await expect(strategy.prepare(bake(10), { eat: hash, rounds: 1, poolSize: 2 })).rejects.toThrow(/nonexistent/);
  await strategy.dispose();
});
