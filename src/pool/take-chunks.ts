// The friend side of a deal in shared memory: which chunks a friend eats, taken from the deal's shared counter
// (dynamic, guided) or owned (static, cyclic), each marked in a shared ledger so no chunk is eaten twice.
import { chunkCount, type Deal } from './schedule.ts';

/**
 * What a friend is handed to eat its part of a dealt cake: all in SharedArrayBuffers, so every friend sees the same.
 * ledger[j]: 0 = not taken yet, -(f + 1) = friend f is eating chunk j, f + 1 = friend f ate it.
 */
export interface DealTicket extends Deal {
  friend: number;
  friends: number;
  /** next[0]: the next chunk a taken deal gives out (Atomics.add). */
  next: Int32Array;
  ledger: Int32Array;
}

/** Fresh shared counter and ledger for one eating of `deal`. */
export function ticketsFor(deal: Deal, friends: number, previous?: DealTicket): DealTicket[] {
  const next = previous?.next ?? new Int32Array(new SharedArrayBuffer(4));
  const ledger = previous?.ledger ?? new Int32Array(new SharedArrayBuffer(chunkCount(deal) * 4));
  next[0] = 0;
  ledger.fill(0);
  return Array.from({ length: friends }, (_, friend) => ({ ...deal, friend, friends, next, ledger }));
}

/**
 * Eats every chunk the ticket gives its friend with `eatRange`; returns how many. A chunk whose eating throws stays
 * marked -(friend + 1) in the ledger, so the pool names it in the failure (PoolStrategy's heldBy).
 */
export function eatTicket(ticket: DealTicket, eatRange: (from: number, to: number) => void): number {
  const { bounds, friend, friends, ledger } = ticket;
  const count = chunkCount(ticket);
  let eaten = 0;
  for (let owned = friend; ; owned += friends) {
    const chunk = ticket.isTaken ? Atomics.add(ticket.next, 0, 1) : owned;
    if (chunk >= count) return eaten;
    const before = Atomics.compareExchange(ledger, chunk, 0, -(friend + 1));
    if (before !== 0) throw new Error(`chunk ${chunk} was already taken by friend ${Math.abs(before) - 1}: a deal must give each chunk once`);
    eatRange(bounds[chunk]!, bounds[chunk + 1]!); // a failure leaves the chunk marked as this friend's: the pool names it
    Atomics.store(ledger, chunk, friend + 1);
    eaten++;
  }
}
