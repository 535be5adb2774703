// Lesson: Option 2, invite friends and eat all at once.
import type { Lesson } from './lesson.ts';
import { measureStrategy, duration } from './lesson.ts';

const slices = 2 ** 16;
const rounds = 1024; // heavy: the eating, not the passing around, is what takes time

export const inviteFriends: Lesson = {
  claim: 'Option 2: invite friends and eat all at once',
  async run(context) {
    const loop = await measureStrategy(context, 'loop', slices, rounds);
    const friends = await measureStrategy(context, 'pool-shared', slices, rounds);
    return {
      lines: [
        `A heavy cake (${slices} slices, ${rounds} rounds each): alone, the loop takes ${duration(loop.medianMs)}.`,
        `${friends.settings.poolSize} friends eating their share at the same time (pool-shared): ${duration(friends.medianMs)}, ${(loop.medianMs / friends.medianMs).toFixed(2)}x faster.`,
      ],
      verified: `the friends' cake equals the CPU twin's slice for slice (checksum ${friends.checksum})`,
    };
  },
};
