// Lesson: they made a copy of the cake and ate it, but the original is untouched.
import { bake, hex } from '../cake.ts';
import { expectedEaten, verifyEaten } from '../measure/verify.ts';
import { findStrategy } from '../strategies/index.ts';
import type { Lesson } from './lesson.ts';
import { duration, mebibytes } from './lesson.ts';

const slices = 2 ** 16;
const rounds = 64;
const shown = 4; // slices printed: 0, 1, 2, 3

export const friendsAteACopy: Lesson = {
  claim: 'They made a copy of the cake and ate it, but the original is untouched',
  async run(context) {
    const cake = bake(slices, { eat: context.eat });
    const uneaten = cake.slice();
    const expected = expectedEaten(context.eat, cake, rounds);
    const strategy = findStrategy('pool-copy')!.create(context.host);
    try {
      await strategy.prepare(cake, { eat: context.eat, rounds, poolSize: context.poolSize });
      const startMs = performance.now();
      await strategy.eat();
      const tookMs = performance.now() - startMs;
      verifyEaten('pool-copy', context.eat, strategy.eaten(), expected, rounds);
      const touched = cake.findIndex((slice, i) => !Object.is(slice, uneaten[i]));
      if (touched >= 0) throw new Error(`pool-copy changed the caller's cake: slice ${touched} reads ${cake[touched]}, expected ${uneaten[touched]}.`);
      const eaten = [...strategy.eaten().subarray(0, shown)].map(context.eat.element === 'u32' ? hex : String).join(', ');
      return {
        lines: [
          `pool-copy's friends ate their copies in ${duration(tookMs)}, ${mebibytes(strategy.bytesCopied?.() ?? 0)} copied out and back: the eaten cake starts ${eaten}, ...`,
          `The caller's cake still reads ${[...cake.subarray(0, shown)].join(', ')}, ...: all ${slices} slices untouched.`,
        ],
        verified: `every slice of the caller's cake still equals its index, and the eaten copy equals the CPU twin`,
      };
    } finally {
      await strategy.dispose();
    }
  },
};
