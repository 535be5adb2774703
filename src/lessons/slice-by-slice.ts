// Lesson: copy each slice, eat it, reassemble: one message per slice, and what a message costs.
import type { Lesson } from './lesson.ts';
import { measureStrategy, nsPerSlice } from './lesson.ts';

const slices = 2 ** 14; // a message per slice costs microseconds: keep the cake small
const rounds = 1;

export const sliceBySlice: Lesson = {
  claim: 'Copy each slice, eat it, reassemble',
  async run(context) {
    const perSlice = await measureStrategy(context, 'pool-slice', slices, rounds);
    const chunks = await measureStrategy(context, 'pool-copy', slices, rounds);
    return {
      lines: [
        `${slices} slices, one message each (pool-slice): ${nsPerSlice(perSlice.medianMs, slices)} a slice.`,
        `The same cake in one chunk per friend (pool-copy): ${nsPerSlice(chunks.medianMs, slices)} a slice, ${(perSlice.medianMs / chunks.medianMs).toFixed(0)}x less.`,
      ],
      verified: `both reassembled cakes equal the CPU twin (checksum ${perSlice.checksum})`,
    };
  },
};
