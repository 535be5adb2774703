// The story's scenes, in the deck's order, then the ones the project added: one line each.
import { alreadyParallel } from './already-parallel.ts';
import { ateACopy } from './ate-a-copy.ts';
import { copyEatReassemble } from './copy-eat-reassemble.ts';
import { inviteFriends } from './invite-friends.ts';
import { lumpy } from './lumpy.ts';
import { memory } from './memory.ts';
import { oneByOne } from './one-by-one.ts';
import { overhead } from './overhead.ts';
import type { Scene } from './scene.ts';
import { sharedMemory } from './shared-memory.ts';
import { sliceBySlice } from './slice-by-slice.ts';
import { stream } from './stream.ts';
import { thousandFriends } from './thousand-friends.ts';

export const scenes: readonly Scene[] = [
  oneByOne,
  inviteFriends,
  ateACopy,
  sharedMemory,
  copyEatReassemble,
  sliceBySlice,
  memory,
  overhead,
  alreadyParallel,
  thousandFriends,
  lumpy,
  stream,
];
