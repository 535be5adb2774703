// Turns a pool eating's timestamps into the phases send, eat and receive.
import type { Phases } from '../strategy.ts';
import type { Timeline, TimelineBar } from '../timeline.ts';

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

/** One chunk's trip to a friend and back, in epoch ms: posted, eaten (the friend's clock), heard, put back. */
export interface ChunkServed {
  friend: number;
  /** The eating's start, the origin of the timeline. */
  startMs?: number;
  sendStartMs: number;
  sendEndMs: number;
  eatStartMs: number;
  eatEndMs: number;
  heardMs: number;
  placedMs: number;
}

/**
 * One row per friend: its chunk's send (the caller posting it), eat (the friend's own clock) and receive (from the
 * friend done eating to the chunk put back, the reply's trip included). The gaps are where a friend waits.
 */
export function friendsTimeline(served: readonly ChunkServed[]): Timeline {
  const rowOf = (friend: number) => `friend ${friend + 1}`;
  const bars = served.flatMap((chunk, index): TimelineBar[] => {
    const origin = chunk.startMs ?? served[0]!.sendStartMs;
    const bar = (stage: string, from: number, to: number) => ({ row: rowOf(chunk.friend), stage, chunk: index, startMs: from - origin, endMs: Math.max(from, to) - origin });
    return [bar('send', chunk.sendStartMs, chunk.sendEndMs), bar('eat', chunk.eatStartMs, chunk.eatEndMs), bar('receive', Math.max(chunk.eatEndMs, chunk.sendEndMs), chunk.placedMs)];
  });
  const friends = [...new Set(served.map((chunk) => chunk.friend))].sort((a, b) => a - b);
  return { kind: 'friends', rows: friends.map(rowOf), bars, clock: 'performance.timeOrigin + now on every thread (epoch ms, comparable across threads)' };
}

