// Lesson: copy the cake, eat, reassemble the modified part.
import type { Lesson } from './lesson.ts';
import { duration, measureStrategy } from './lesson.ts';

const slices = 2 ** 22; // big enough that copying shows
const rounds = 1;

export const copyEatReassemble: Lesson = {
  claim: 'Copy the cake, eat, reassemble the modified part',
  async run(context) {
    const copy = await measureStrategy(context, 'pool-copy', slices, rounds);
    const { send = 0, eat = 0, receive = 0 } = copy.phasesMs;
    const copyShare = (send + receive) / copy.medianMs;
    return {
      lines: [
        `pool-copy on ${slices} slices, light eating: ${duration(copy.medianMs)} in all.`,
        `Copying out took ${duration(send)}, eating ${duration(eat)}, copying back and reassembling ${duration(receive)}: ${(copyShare * 100).toFixed(0)}% of the time moved the cake.`,
      ],
      verified: `the reassembled cake equals the CPU twin (checksum ${copy.checksum})`,
    };
  },
};
