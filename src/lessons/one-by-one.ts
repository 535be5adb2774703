// Lesson: Option 1, eat each slice in order (a for loop; map with a lambda).
import type { Lesson } from './lesson.ts';
import { measureStrategy, duration, nsPerSlice } from './lesson.ts';

const slices = 2 ** 20; // big enough that the loop's own cost dominates, small enough to take milliseconds
const rounds = 1;

export const oneByOne: Lesson = {
  claim: 'Option 1: eat each slice in order (a for loop; map with a lambda)',
  async run(context) {
    const loop = await measureStrategy(context, 'loop', slices, rounds);
    const map = await measureStrategy(context, 'map', slices, rounds);
    return {
      lines: [
        `One eater, one slice after the other: ${slices} slices, light eating (${rounds} round).`,
        `loop: ${duration(loop.medianMs)} (${nsPerSlice(loop.medianMs, slices)} a slice); map with a lambda: ${duration(map.medianMs)} (${nsPerSlice(map.medianMs, slices)} a slice, ${(map.medianMs / loop.medianMs).toFixed(2)}x the loop).`,
      ],
      verified: `both ate every slice exactly as the CPU twin (checksum ${loop.checksum})`,
    };
  },
};
