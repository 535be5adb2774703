// In-place memory rates (src/measure/in-place-memory.ts) on real friends: simd (one core) and pool-simd (all cores)
// stream a cake in place, verified, as copy records the memory limit can take; without shared memory only one core.
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../bench/node-host.ts';
import { measureInPlaceMemory } from '../src/measure/in-place-memory.ts';
import { streamedBy } from '../src/record/limits.ts';

const host = nodeHost();

describe('a cake streamed in place', () => {
  it('is measured by one core and by all cores as copy records', async () => {
    const rates = await measureInPlaceMemory(host, 2 ** 16, 2);
    expect(rates.map((r) => r.route)).toEqual(['stream:simd', 'stream:pool-simd']);
    for (const rate of rates) {
      expect(rate).toMatchObject({ n: 2 ** 16, bytes: 2 ** 18, verified: true });
      expect(rate.gbPerS).toBeCloseTo(rate.bytes / (rate.medianMs * 1e6), 9);
    }
    expect(rates.map((r) => streamedBy(r.route))).toEqual(['simd streaming in place, one core', 'pool-simd streaming in place, all cores']);
  });

  it('leaves out all cores where no shared pool can run (no SharedArrayBuffer)', async () => {
    const rates = await measureInPlaceMemory({ ...host, hasSharedMemory: false }, 2 ** 10, 2);
    expect(rates.map((r) => r.route)).toEqual(['stream:simd']);
  });
});
