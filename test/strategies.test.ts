// Every registered strategy that runs in Node eats every cake exactly like the CPU twin.
import { afterAll, describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../src/cake.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { strategies } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';
import { checkGpu } from '../bench/node-gpu.ts';

const host = await checkGpu(nodeHost());
const sizes = [1, 7, 1000, 65539]; // 65539: not a multiple of the pool size, a workgroup, or 4 SIMD lanes
const roundsList = [1, 64];
const runnable = strategies.filter((entry) => !entry.unavailable?.(host));

afterAll(() => {
  // The registry must not be empty in Node: a green run has to mean strategies ran.
  expect(runnable.map((entry) => entry.name)).toEqual(expect.arrayContaining(['loop', 'map', 'pool-copy', 'pool-transfer', 'pool-shared', 'pool-slice', 'piscina', 'gpu', 'gpu-resident']));
});

describe.each(runnable.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
  it.each(sizes.flatMap((n) => roundsList.map((rounds) => [n, rounds] as const)))(
    'eats n=%i at rounds=%i exactly like the CPU twin',
    async (n, rounds) => {
      const cake = bake(n);
      const expected = expectedEaten(cake, rounds);
      const strategy = entry.create(host);
      try {
        await strategy.prepare(cake, { rounds, poolSize: host.cores });
        for (let sample = 0; sample < 2; sample++) {
          // twice: a second eating must start from the uneaten cake too
          strategy.reset?.();
          await strategy.eat();
          await strategy.fetchEaten?.();
          expect(hex(checksum(strategy.eaten()))).toBe(hex(checksum(expected)));
          verifyEaten(entry.name, strategy.eaten(), expected, rounds);
        }
      } finally {
        await strategy.dispose();
      }
    },
  );
});
