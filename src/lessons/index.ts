// The lessons, in the deck's order: one per claim the teaching deck makes.
import { alreadyParallel } from './already-parallel.ts';
import { biggerSlices } from './bigger-slices.ts';
import { copyEatReassemble } from './copy-eat-reassemble.ts';
import { friendsByTheThousand } from './friends-by-the-thousand.ts';
import { friendsAteACopy } from './friends-ate-a-copy.ts';
import { inviteFriends } from './invite-friends.ts';
import type { Lesson } from './lesson.ts';
import { memoryIsExpensive } from './memory-is-expensive.ts';
import { oneByOne } from './one-by-one.ts';
import { sharedMemory } from './shared-memory.ts';
import { sliceBySlice } from './slice-by-slice.ts';
import { startupOverhead } from './startup-overhead.ts';

export const lessons: readonly Lesson[] = [
  oneByOne,
  inviteFriends,
  friendsByTheThousand,
  friendsAteACopy,
  sharedMemory,
  copyEatReassemble,
  sliceBySlice,
  biggerSlices,
  memoryIsExpensive,
  startupOverhead,
  alreadyParallel,
];
