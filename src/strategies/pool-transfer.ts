// Friends eat chunks whose buffers are moved (transferred), not cloned: one copy in, one copy out.
import { bytesPerSlice } from '../cake.ts';
import { newCake, type Cake } from '../eat.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

class PoolTransfer extends PoolStrategy {
  private eatenCake: Cake = new Uint32Array(0);
  /** One buffer per chunk that travels to its friend and back; detached while the friend holds it. */
  private plates: Cake[] = [];

  protected override setUp(): void {
    this.eatenCake = this.newCake();
    this.plates = this.chunks.map(({ from, to }) => newCake(this.eatFunction.element, to - from));
  }

  async eat(): Promise<Phases> {
    const dish = (from: number, to: number, chunk: number) => {
      const plate = this.plates[chunk]!;
      plate.set(this.cake.subarray(from, to));
      return { kind: 'eat-chunk', chunk, slices: plate, rounds: this.rounds, giveBack: 'transfer' } as const;
    };
    // moved, not copied: each plate is detached once posted, until its friend moves it back
    return this.serveChunks(epochMs(), ({ from, to }, chunk) => [dish(from, to, chunk), [this.plates[chunk]!.buffer]], (reply) => {
      this.plates[reply.chunk] = reply.slices!; // the friend moved it back
      this.eatenCake.set(reply.slices!, this.chunks[reply.chunk]!.from);
    });
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  /** Onto the plates, and off them into the eaten cake: two copies; the moves copy nothing. */
  bytesCopied(): number {
    return 2 * this.cake.length * bytesPerSlice;
  }
}

export const poolTransfer: StrategyEntry = {
  name: 'pool-transfer',
  summary: 'chunks copied onto plates whose buffers are transferred to friends and back (no clone)',
  family: 'pool',
  takesSchedule: true,
  colour: '#f58231',
  create: (host) => new PoolTransfer('pool-transfer', host),
};
