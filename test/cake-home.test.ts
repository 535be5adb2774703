// Cakes baked where their eaters eat them (Strategy.cakeHome): simd and pool-simd in WebAssembly memory,
// pool-shared in a SharedArrayBuffer. The suite copies the cake there once, measured apart as `passing`; the timed
// eating holds no copy, every run is verified, and reset() is what makes a second eating right (negative control).
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../bench/node-host.ts';
import { bake } from '../src/cake.ts';
import { hash } from '../src/eats/hash.ts';
import { measure } from '../src/measure/run.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { poolShared } from '../src/strategies/pool-shared.ts';
import { poolSimd } from '../src/strategies/pool-simd.ts';
import { simd } from '../src/strategies/simd.ts';

const host = nodeHost();
const n = 65539; // not a multiple of the lanes or the friends
const rounds = 3;
const quick = { warmupRuns: 1, minRuns: 3, minTimeMs: 0, maxTimeMs: 5000 };
const homes = [
  [simd, 'wasm-memory', ['eat']],
  [poolSimd, 'wasm-shared-memory', ['send', 'eat', 'receive']],
  [poolShared, 'shared-memory', ['send', 'eat', 'receive']],
] as const;

describe.each(homes)('$name bakes its cake at home', (entry, where, phases) => {
  it(`eats it in place in ${where}, the copy there measured apart as passing`, async () => {
    const cake = bake(n, { eat: hash });
    const m = await measure(entry, host, cake, expectedEaten(hash, cake, rounds), { eat: hash, rounds, poolSize: 2 }, quick);
    expect(m.passing).toMatchObject({ route: where, n, bytes: n * 4, verified: true });
    expect(m.passing!.medianMs).toBeGreaterThan(0);
    expect(Object.keys(m.phasesMs)).toEqual([...phases, 'unattributed']); // no copy of the cake inside an eating
    expect(m.bytesCopied).toBe(0);
    expect(m.samplesMs.length).toBeGreaterThanOrEqual(3); // every one of them verified by measure()
    expect(cake).toEqual(bake(n, { eat: hash })); // the caller's cake is never the one eaten
  });

  it('needs reset() to eat it a second time right: without it the eaten slices are eaten again (negative control)', async () => {
    const strategy = entry.create(host);
    try {
      const home = strategy.cakeHome!(n, 'u32');
      home.cake.set(bake(n, { eat: hash }));
      await strategy.prepare(home.cake, { eat: hash, rounds, poolSize: 2 });
      const expected = expectedEaten(hash, bake(n, { eat: hash }), rounds);
      strategy.reset!();
      await strategy.eat();
      verifyEaten(entry.name, hash, strategy.eaten(), expected, rounds);
      expect(strategy.eaten()).toBe(home.cake); // eaten where it was baked
      await strategy.eat(); // no reset: eats eaten slices
      expect(() => verifyEaten(entry.name, hash, strategy.eaten(), expected, rounds)).toThrow(/slice \d+ is 0x[0-9a-f]{8}, expected/);
      strategy.reset!();
      await strategy.eat();
      verifyEaten(entry.name, hash, strategy.eaten(), expected, rounds);
    } finally {
      await strategy.dispose();
    }
  });
});
