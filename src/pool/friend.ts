// A friend: one worker (a Web Worker or a worker_thread) and the messages it understands.
import type { Cake, EatSource } from '../eat.ts';
import type { DealTicket } from './take-chunks.ts';

/** Eat a chunk the friend owns: its own copy, sent by clone or by transfer. */
export interface EatChunk {
  kind: 'eat-chunk';
  chunk: number;
  slices: Cake;
  rounds: number;
  /** How to send the eaten chunk back: 'clone' copies it, 'transfer' moves its buffer. */
  giveBack: 'clone' | 'transfer';
}

/** Eat the chunks a ticket deals this friend of a cake in shared memory, in place. */
export interface EatShared {
  kind: 'eat-shared';
  ticket: DealTicket;
  cake: Cake;
  rounds: number;
}

/**
 * Eat the chunks a ticket deals this friend of a cake at byte 0 of a shared WebAssembly memory, in place, with the SIMD kernel
 * (the eat function's SIMD twin). `memoryId` names the memory, so a friend instantiates the kernel once per memory
 * rather than once per message (each message brings a new wrapper object for the same memory).
 */
export interface EatSharedSimd {
  kind: 'eat-shared-simd';
  ticket: DealTicket;
  memory: WebAssembly.Memory;
  memoryId: number;
  rounds: number;
}

/** Eat one slice, sent on its own. */
export interface EatSlice {
  kind: 'eat-slice';
  index: number;
  slice: number;
  rounds: number;
}

/** The first message: which eat function every later message means. The friend answers 'ready' once it has it. */
export interface Hello {
  kind: 'hello';
  eat: EatSource;
}

export type ToFriend = Hello | EatChunk | EatShared | EatSharedSimd | EatSlice;

/** Times are epoch milliseconds (performance.timeOrigin + performance.now()), comparable across threads. */
export type FromFriend =
  | { kind: 'ready' }
  | { kind: 'chunk-eaten'; chunk: number; slices?: Cake; eatStartMs: number; eatEndMs: number }
  /** A friend's part of a deal in shared memory: how many chunks it ate, from its first to its last. */
  | { kind: 'deal-eaten'; friend: number; chunks: number; eatStartMs: number; eatEndMs: number }
  | { kind: 'slice-eaten'; index: number; eaten: number; eatMs: number }
  | { kind: 'failed'; message: string };

/** A worker behind the host's API. The host wires its error and exit events to `onFailure`. */
export interface Friend {
  post(message: ToFriend, transfer?: Transferable[]): void;
  listen(onMessage: (reply: FromFriend) => void, onFailure: (error: Error) => void): void;
  terminate(): Promise<void>;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable between threads. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
