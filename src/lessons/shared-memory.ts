// Lesson: if you need to modify the cake in the parallel process, use shared memory.
import { bake, hex } from '../cake.ts';
import { expectedEaten, verifyEaten } from '../measure/verify.ts';
import { findStrategy } from '../strategies/index.ts';
import type { Lesson } from './lesson.ts';

const slices = 2 ** 16;
const rounds = 64;
const shown = 4;

export const sharedMemory: Lesson = {
  claim: 'If you need to modify the cake in the parallel process: shared memory',
  async run(context) {
    const entry = findStrategy('pool-shared')!;
    const why = entry.unavailable?.(context.host, context.eat);
    if (why) throw new Error(`pool-shared cannot run here: ${why}`);
    const cake = bake(slices, { isShared: true, eat: context.eat });
    const before = [...cake.subarray(0, shown)].join(', ');
    const expected = expectedEaten(context.eat, cake, rounds);
    const strategy = entry.create(context.host);
    try {
      await strategy.prepare(cake, { eat: context.eat, rounds, poolSize: context.poolSize });
      const startMs = performance.now();
      await strategy.eat();
      const tookMs = performance.now() - startMs;
      verifyEaten("the caller's shared cake", context.eat, cake, expected, rounds); // the caller's own array, not a copy
      return {
        lines: [
          `The caller's cake lives in a SharedArrayBuffer and reads ${before}, ... .`,
          `pool-shared's friends ate it in place in ${tookMs.toFixed(2)} ms, copying 0 bytes: the caller's cake now reads ${[...cake.subarray(0, shown)].map(context.eat.element === 'u32' ? hex : String).join(', ')}, ...`,
        ],
        verified: `the caller's own array equals the CPU twin's eaten cake, all ${slices} slices`,
      };
    } finally {
      await strategy.dispose();
    }
  },
};
