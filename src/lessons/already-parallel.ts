// Lesson: "NumPy computations are already parallel": SIMD lanes eat several slices per instruction, on one core.
import { measureStrategy, nsPerSlice, type Lesson } from './lesson.ts';

const slices = 2 ** 16;
const rounds = 1024; // heavy: the multiplier, not memory, sets the pace

export const alreadyParallel: Lesson = {
  claim: 'NumPy computations are already parallel: SIMD lanes on one core',
  async run(context) {
    const loop = await measureStrategy(context, 'loop', slices, rounds);
    const simd = await measureStrategy(context, 'simd', slices, rounds);
    const friends = await measureStrategy(context, 'pool-shared', slices, rounds);
    const friendsWithLanes = await measureStrategy(context, 'pool-simd', slices, rounds);
    const perSliceRound = (ms: number) => nsPerSlice(ms / rounds, slices);
    return {
      lines: [
        `Per slice and round: the JS loop ${perSliceRound(loop.medianMs)}; WebAssembly SIMD on the same one core ${perSliceRound(simd.medianMs)} ` +
          `(${(loop.medianMs / simd.medianMs).toFixed(1)}x: ${simd.settings.lanes ?? 4} lanes per instruction, several vectors in flight).`,
        `${friends.settings.poolSize} friends without SIMD: ${perSliceRound(friends.medianMs)}; the same friends with SIMD (cores x lanes): ${perSliceRound(friendsWithLanes.medianMs)}.`,
        `One core with lanes beats ${friends.settings.poolSize} cores without them by ${(friends.medianMs / simd.medianMs).toFixed(1)}x: look for the parallelism already in the machine first.`,
      ],
      verified: `every SIMD cake equals the CPU twin's slice for slice (checksum ${simd.checksum})`,
    };
  },
};
