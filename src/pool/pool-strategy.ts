// What every pool strategy shares: inviting the friends, cutting the cake, shutting the pool.
import { newCake, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy } from '../strategy.ts';
import { cut, type Chunk } from './chunks.ts';
import { epochMs, type FromFriend, type ToFriend } from './friend.ts';
import { Pool } from './pool.ts';
import { friendsTimeline, poolPhases, type ChunkServed, type EatSpan } from './timeline.ts';
import type { Timeline } from '../timeline.ts';

type ChunkEaten = Extract<FromFriend, { kind: 'chunk-eaten' }>;

export abstract class PoolStrategy implements Strategy {
  readonly clock = 'performance.now (friends: timeOrigin + now)';
  protected pool!: Pool;
  protected cake: Cake = new Uint32Array(0);
  /** What eating a slice means: the friends learn it in their hello. */
  protected eatFunction!: Eat;
  protected rounds = 1;
  protected chunks: Chunk[] = [];
  /** The friend that ate each chunk in the last eat(), from the replies themselves. */
  protected chunkEaters: number[] = [];
  /** The last eat()'s send, eat and receive per chunk, for its timeline. */
  private served: ChunkServed[] = [];

  constructor(
    readonly name: string,
    private readonly host: Host,
  ) {}

  async prepare(cake: Cake, { eat, rounds, poolSize }: EatOptions): Promise<StartupCost[]> {
    this.cake = cake;
    this.eatFunction = eat;
    this.rounds = rounds;
    const { pool, startup } = await Pool.invite(this.host, poolSize, eat);
    this.pool = pool;
    this.chunks = cut(cake.length, pool.size);
    this.setUp();
    return startup;
  }

  /** Untimed allocations after the friends are ready. */
  protected setUp(): void {}

  /** A new zeroed cake of this cake's length and element. */
  protected newCake(): Cake {
    return newCake(this.eatFunction.element, this.cake.length);
  }

  /** Names a chunk in error messages. */
  protected describe(chunk: number): string {
    const { from, to } = this.chunks[chunk]!;
    return `chunk ${chunk} (slices ${from}..${to - 1})`;
  }

  settings(): Record<string, number> {
    return { poolSize: this.pool.size };
  }

  eaters(): Uint8Array {
    const eaters = new Uint8Array(this.cake.length);
    this.chunks.forEach(({ from, to }, chunk) => eaters.fill((this.chunkEaters[chunk] ?? -1) + 1, from, to));
    return eaters;
  }

  /**
   * Posts each chunk the message `dish` makes for it (with what it moves rather than copies), waits for every
   * reply, hands each to `place` (to put its slices back), records who ate it, and returns the phases. `send`
   * runs from `startMs` (epoch ms, taken before any copying the strategy does to send) to the last post.
   */
  protected async serveChunks(
    startMs: number,
    dish: (range: Chunk, chunk: number) => [ToFriend, Transferable[]?],
    place: (reply: ChunkEaten) => void = () => {},
  ): Promise<Phases> {
    const served: ChunkServed[] = this.chunks.map(() => ({ friend: -1, sendStartMs: 0, sendEndMs: 0, eatStartMs: 0, eatEndMs: 0, heardMs: 0, placedMs: 0 }));
    this.chunks.forEach((range, chunk) => {
      served[chunk]!.sendStartMs = chunk === 0 ? startMs : epochMs(); // the first send began with the strategy's own copying
      const [message, transfer] = dish(range, chunk);
      this.pool.post(chunk, message, this.describe(chunk), transfer);
      served[chunk]!.sendEndMs = epochMs();
    });
    const sentMs = epochMs();
    const spans: EatSpan[] = [];
    await this.pool.collect(this.chunks.length, (friend, reply) => {
      if (reply.kind !== 'chunk-eaten') return;
      const heardMs = epochMs();
      place(reply);
      spans.push(reply);
      this.chunkEaters[reply.chunk] = friend;
      Object.assign(served[reply.chunk]!, { friend, eatStartMs: reply.eatStartMs, eatEndMs: reply.eatEndMs, heardMs, placedMs: epochMs() });
    });
    this.served = served.map((chunk) => ({ ...chunk, startMs }));
    return poolPhases(startMs, sentMs, spans, epochMs());
  }

  timeline(): Timeline | undefined {
    return this.served.length > 0 ? friendsTimeline(this.served) : undefined;
  }

  abstract eat(): Promise<Phases>;
  abstract eaten(): Cake;

  async dispose(): Promise<void> {
    await this.pool?.dispose();
  }
}
