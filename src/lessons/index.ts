// The lessons, in the deck's order: one per claim in DESIGN.md's table.
import { copyEatReassemble } from './copy-eat-reassemble.ts';
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
  inviteFriends, // the GPU's "friends by the thousand" lesson joins here when the gpu strategy lands
  friendsAteACopy,
  sharedMemory,
  copyEatReassemble,
  sliceBySlice,
  memoryIsExpensive,
  startupOverhead,
  // "NumPy computations are already parallel": the SIMD and tuned-GPU lesson joins here when simd/gpu land.
];
