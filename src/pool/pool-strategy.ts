// What every pool strategy shares: inviting the friends, cutting the cake, shutting the pool.
import { newCake, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy } from '../strategy.ts';
import { cut, type Chunk } from './chunks.ts';
import { epochMs, type FromFriend, type ToFriend } from './friend.ts';
import { Pool } from './pool.ts';
import { poolPhases, type ChunkSpan, type EatSpan, type EatTimeline } from './timeline.ts';

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
  /** Every chunk's trip in the last eat(), ms since it began. */
  protected spans: ChunkSpan[] = [];

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

  timeline(): EatTimeline {
    return { arrivalsMs: [...this.pool.arrivalsMs], chunks: this.spans.map((span) => ({ ...span })) };
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
    const postedMs: number[] = [];
    this.chunks.forEach((range, chunk) => {
      const [message, transfer] = dish(range, chunk);
      this.pool.post(chunk, message, this.describe(chunk), transfer);
      postedMs[chunk] = epochMs();
    });
    const sentMs = epochMs();
    const spans: EatSpan[] = [];
    this.spans = [];
    await this.pool.collect(this.chunks.length, (friend, reply) => {
      if (reply.kind !== 'chunk-eaten') return;
      place(reply);
      spans.push(reply);
      this.chunkEaters[reply.chunk] = friend;
      const { from, to } = this.chunks[reply.chunk]!;
      const since = (ms: number) => ms - startMs;
      this.spans.push({ chunk: reply.chunk, friend, from, to, sentMs: since(postedMs[reply.chunk]!), eatStartMs: since(reply.eatStartMs), eatEndMs: since(reply.eatEndMs), backMs: since(epochMs()) });
    });
    return poolPhases(startMs, sentMs, spans, epochMs());
  }

  abstract eat(): Promise<Phases>;
  abstract eaten(): Cake;

  async dispose(): Promise<void> {
    await this.pool?.dispose();
  }
}
