// Turns a pool eating's timestamps into the phases send, eat and receive.
import type { Phases } from '../strategy.ts';

export interface EatSpan {
  eatStartMs: number;
  eatEndMs: number;
}

/**
 * All times are epoch ms. send: the caller posting the work; eat: the slowest friend's eating; receive: from
 * the last friend done eating to the eaten cake reassembled. What is left (the last friend's wait for its
 * message, or a negative overlap when friends eat while the caller still sends) is the driver's unattributed.
 */
export function poolPhases(startMs: number, sentMs: number, spans: EatSpan[], doneMs: number): Phases {
  let eatMs = 0;
  let lastEatEndMs = sentMs;
  for (const span of spans) {
    eatMs = Math.max(eatMs, span.eatEndMs - span.eatStartMs);
    lastEatEndMs = Math.max(lastEatEndMs, span.eatEndMs);
  }
  return { send: sentMs - startMs, eat: eatMs, receive: doneMs - lastEatEndMs };
}

/**
 * One chunk's trip in one eating, in ms since eat() began (the caller's and the friends' clocks share the epoch):
 * posted to its friend (`sentMs`), eaten (`eatStartMs`..`eatEndMs`, the friend's own clock; absent where the friend
 * reports no start, as pool-slice's one-slice messages), and back in the caller's hands (`backMs`).
 */
export interface ChunkSpan {
  chunk: number;
  friend: number;
  from: number;
  to: number;
  sentMs: number;
  eatStartMs?: number;
  eatEndMs?: number;
  backMs: number;
}

/** What a pool recorded of its last eating, for the demo's replay: when each friend arrived, and every chunk's trip. */
export interface EatTimeline {
  /** Per friend: ms from the first spawn to its ready reply (the start-up the friends cost). */
  arrivalsMs: number[];
  chunks: ChunkSpan[];
}
