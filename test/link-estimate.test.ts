// The page never freezes the tab on a link: ?run starts on its own only when the estimate (n x rounds x the
// CPU twin's measured cost, the reference and each on-thread strategy's warm-up and run) is within 20 s.
import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { measureMsPerSliceRound } from '../src/measure/slice-round-cost.ts';
import { autoStartMostMs, estimateLinkRun, whyNotAutoStart } from '../src/web/link-estimate.ts';

const msPerSliceRound = 4e-6; // 4 ns: a plausible hash twin in a browser, fixed so the test does not depend on this machine
const loop = { name: 'loop', family: 'cpu' } as const;
const map = { name: 'map', family: 'cpu' } as const;
const pool = { name: 'pool-shared', family: 'pool' } as const;
const gpu = { name: 'gpu', family: 'gpu' } as const;

describe("a link's run", () => {
  it('counts the reference and a warm-up and a run of each strategy; on-thread ones freeze the tab, pools share the cores', () => {
    // 2^20 x 64 x 4 ns = 268 ms an eating
    const eating = 2 ** 20 * 64 * msPerSliceRound;
    expect(estimateLinkRun({ n: 2 ** 20, rounds: 64, strategies: [loop, map, pool, gpu], cores: 4 }, msPerSliceRound)).toEqual({ frozenMs: eating * 5, busyMs: eating * 5 + (eating * 2) / 4 });
  });

  it('starts a small one on its own', () => {
    expect(whyNotAutoStart({ n: 2 ** 16, rounds: 1024, strategies: [loop, map, pool, gpu], cores: 2 }, msPerSliceRound)).toBeUndefined();
  });

  it('refuses ?n=2^22&rounds=heavy with many strategies, saying how long, why, and what to do', () => {
    const why = whyNotAutoStart({ n: 2 ** 22, rounds: 1024, strategies: [loop, map, pool, gpu], cores: 2 }, msPerSliceRound);
    expect(why).toMatch(/^\?run: this address would keep the page busy for about 1\.7 minutes, 1\.4 minutes of it with the tab frozen \(the reference eating and loop, map on the page's own thread\): n=4194304 x 1024 rounds x 4 strategies at this browser's measured 4\.0 ns per slice-round, over the 20\.0 s a link may start on its own\. .*press Eat to start it anyway, or use a smaller \?n or \?rounds/);
    expect(why).not.toMatch(/\n/);
  });

  it('refuses a GPU-only link whose reference eating alone is over the limit', () => {
    expect(whyNotAutoStart({ n: 2 ** 22, rounds: 2 ** 12, strategies: [gpu], cores: 2 }, msPerSliceRound)).toMatch(/busy for about 1\.1 minutes, 1\.1 minutes of it with the tab frozen \(the reference eating on/);
    expect(estimateLinkRun({ n: 2 ** 22, rounds: 1024, strategies: [gpu], cores: 2 }, msPerSliceRound).busyMs).toBeLessThan(autoStartMostMs);
  });

  it('the page measures a finite, positive cost to estimate with (a few ms)', () => {
    expect(Number.isFinite(measureMsPerSliceRound(hash))).toBe(true);
    expect(measureMsPerSliceRound(hash)).toBeGreaterThan(0);
  });
});
