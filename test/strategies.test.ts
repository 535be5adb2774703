// Registry-wide: every registered strategy that runs in Node eats every built-in eat function (that it can eat)
// like the CPU twin: bit for bit for u32 eat functions, within the declared tolerance for f32 ones.
import { afterAll, describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../src/cake.ts';
import { eats } from '../src/eats/index.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { strategies } from '../src/strategies/index.ts';
import { nodeHost } from '../bench/node-host.ts';
import { checkGpu } from '../bench/node-gpu.ts';

const host = await checkGpu(nodeHost());
const sizes = [1, 7, 1000, 65539]; // 65539: not a multiple of the pool size, a workgroup, or 4 SIMD lanes
const roundsList = [1, 64];
const pairs = eats.flatMap((eat) => strategies.filter((entry) => !entry.unavailable?.(host, eat)).map((entry) => [`${entry.name} eats ${eat.name}`, entry, eat] as const));

afterAll(() => {
  // A green run has to mean strategies ran: every strategy eats hash here, and only SIMD needs a twin.
  const ate = (eat: string) => pairs.filter(([, , e]) => e.name === eat).map(([, entry]) => entry.name);
  expect(ate('hash')).toEqual(expect.arrayContaining(['loop', 'map', 'pool-copy', 'pool-transfer', 'pool-shared', 'pool-slice', 'piscina', 'simd', 'pool-simd', 'gpu', 'gpu-resident']));
  expect(ate('stream')).toEqual(expect.arrayContaining(['loop', 'simd', 'pool-simd', 'gpu']));
  expect(ate('sine')).toEqual(expect.arrayContaining(['loop', 'pool-shared', 'piscina', 'gpu', 'gpu-resident']));
  expect(ate('sine')).not.toContain('simd');
});

describe.each(pairs)('%s', (_, entry, eat) => {
  it.each(sizes.flatMap((n) => roundsList.map((rounds) => [n, rounds] as const)))('n=%i at rounds=%i like the CPU twin', async (n, rounds) => {
    const cake = bake(n, { eat });
    const expected = expectedEaten(eat, cake, rounds);
    const strategy = entry.create(host);
    try {
      await strategy.prepare(cake, { eat, rounds, poolSize: host.cores });
      for (let sample = 0; sample < 2; sample++) {
        // twice: a second eating must start from the uneaten cake too
        strategy.reset?.();
        await strategy.eat();
        await strategy.fetchEaten?.();
        const error = verifyEaten(entry.name, eat, strategy.eaten(), expected, rounds);
        if (eat.element === 'u32') expect(hex(checksum(strategy.eaten()))).toBe(hex(checksum(expected)));
        else expect(error.ulps).toBeLessThanOrEqual(eat.tolerance!.ulps ?? Infinity);
        expect(strategy.eaten()).toBeInstanceOf(eat.element === 'f32' ? Float32Array : Uint32Array);
      }
    } finally {
      await strategy.dispose();
    }
  });
});
