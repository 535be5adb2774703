// Copy each slice, eat it, reassemble: one message per slice, so the cost of a message is what we see.
import { bytesPerSlice } from '../cake.ts';
import type { Cake } from '../eat.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

class PoolSlice extends PoolStrategy {
  protected override readonly followsSchedule = false;
  private eatenCake: Cake = new Uint32Array(0);
  private sliceEaters = new Uint8Array(0);

  protected override setUp(): void {
    this.eatenCake = this.newCake();
    this.sliceEaters = new Uint8Array(this.cake.length);
  }

  /**
   * Phases: send (posting every slice, round robin) and receive (after the last post, until every eaten slice
   * is back in place). Friends eat while the caller still sends, so eating is not a phase of its own here.
   */
  async eat(): Promise<Phases> {
    const startMs = epochMs();
    const { cake, rounds, pool } = this;
    const postedMs = new Float64Array(cake.length);
    for (let index = 0; index < cake.length; index++) {
      pool.post(index % pool.size, { kind: 'eat-slice', index, slice: cake[index]!, rounds }, `slice ${index}`);
      postedMs[index] = epochMs() - startMs;
    }
    const sentMs = epochMs();
    this.spans = [];
    await pool.collect(cake.length, (friend, reply) => {
      if (reply.kind !== 'slice-eaten') return;
      this.eatenCake[reply.index] = reply.eaten;
      this.sliceEaters[reply.index] = friend + 1;
      const { index } = reply;
      this.spans.push({ chunk: index, friend, from: index, to: index + 1, sentMs: postedMs[index]!, backMs: epochMs() - startMs });
    });
    return { send: sentMs - startMs, receive: epochMs() - sentMs };
  }

  override eaters(): Uint8Array {
    return this.sliceEaters;
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  /** Each slice is cloned out and back. */
  bytesCopied(): number {
    return 2 * this.cake.length * bytesPerSlice;
  }
}

export const poolSlice: StrategyEntry = {
  name: 'pool-slice',
  summary: 'one message per slice, round robin over the friends: the cost of a message made visible',
  family: 'pool',
  colour: '#9a6324',
  leftOutByDefault: 'one message per slice takes seconds per run at 2^20 slices',
  create: (host) => new PoolSlice('pool-slice', host),
};
