// Invite friends: each gets a copy of its chunk, eats it, and sends a copy back to be reassembled.
import { bytesPerSlice } from '../cake.ts';
import type { Cake } from '../eat.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

class PoolCopy extends PoolStrategy {
  private eatenCake: Cake = new Uint32Array(0);

  protected override setUp(): void {
    this.eatenCake = this.newCake();
  }

  async eat(): Promise<Phases> {
    return this.serveChunks(
      epochMs(),
      // slice(): postMessage of a subarray would clone the whole underlying buffer, not the chunk.
      ({ from, to }, chunk) => [{ kind: 'eat-chunk', chunk, slices: this.cake.slice(from, to), rounds: this.rounds, giveBack: 'clone' }],
      (reply) => this.eatenCake.set(reply.slices!, this.chunks[reply.chunk]!.from),
    );
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  /** slice() + clone to the friend, clone back + set(): four copies of the cake. */
  bytesCopied(): number {
    return 4 * this.cake.length * bytesPerSlice;
  }
}

export const poolCopy: StrategyEntry = {
  name: 'pool-copy',
  summary: 'friends eat cloned copies of their chunks; eaten copies are cloned back and reassembled',
  family: 'pool',
  takesSchedule: true,
  colour: '#e6194b',
  create: (host) => new PoolCopy('pool-copy', host),
};
