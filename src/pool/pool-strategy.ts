// What every pool strategy shares: inviting the friends, dealing the cake's chunks by a schedule, shutting the pool.
import { newCake, type Cake, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy } from '../strategy.ts';
import type { Chunk } from './chunks.ts';
import { epochMs, type FromFriend, type ToFriend } from './friend.ts';
import { Pool } from './pool.ts';
import { chunkCount, dealOf, ownedChunks, scheduleName, staticSchedule, type Deal, type Schedule } from './schedule.ts';
import { ticketsFor, type DealTicket } from './take-chunks.ts';
import { friendsTimeline, poolPhases, type ChunkServed } from './timeline.ts';
import type { Timeline } from '../timeline.ts';
import type { ChunkSpan, EatTimeline } from '../timeline.ts';

type ChunkEaten = Extract<FromFriend, { kind: 'chunk-eaten' }>;

export abstract class PoolStrategy implements Strategy {
  readonly clock = 'performance.now (friends: timeOrigin + now)';
  protected pool!: Pool;
  protected cake: Cake = new Uint32Array(0);
  /** What eating a slice means: the friends learn it in their hello. */
  protected eatFunction!: Eat;
  protected rounds = 1;
  protected schedule: Schedule = staticSchedule;
  protected deal!: Deal;
  protected chunks: Chunk[] = [];
  /** The friend that ate each chunk in the last eat(), from the replies (or the shared ledger) themselves. */
  protected chunkEaters: number[] = [];
  /** Each friend's time spent eating in the last eat(), ms (timed by the friend). */
  protected busyMs: number[] = [];
  /** Shared pools deal in shared memory: one ticket per friend, a shared counter and ledger. */
  protected readonly dealsInSharedMemory: boolean = false;
  /** pool-slice sends one message per slice whatever the schedule: its record names none. */
  protected readonly followsSchedule: boolean = true;
  private tickets: DealTicket[] = [];
  /** The last eat()'s send, eat and receive per chunk, for its timeline. */
  private served: ChunkServed[] = [];
  /** Every chunk's trip in the last eat(), ms since it began. */
  protected spans: ChunkSpan[] = [];

  constructor(
    readonly name: string,
    private readonly host: Host,
  ) {}

  async prepare(cake: Cake, { eat, rounds, poolSize, schedule }: EatOptions): Promise<StartupCost[]> {
    this.cake = cake;
    this.eatFunction = eat;
    this.rounds = rounds;
    this.schedule = schedule ?? staticSchedule;
    const { pool, startup } = await Pool.invite(this.host, poolSize, eat);
    this.pool = pool;
    this.deal = dealOf(this.schedule, cake.length, pool.size, this.dealsInSharedMemory);
    this.chunks = Array.from({ length: chunkCount(this.deal) }, (_, j) => ({ from: this.deal.bounds[j]!, to: this.deal.bounds[j + 1]! }));
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

  settings(): Record<string, string | number> {
    return { poolSize: this.pool.size, ...(this.followsSchedule ? { schedule: scheduleName(this.schedule) } : {}) };
  }

  /** Each friend's busy time in the last eat(), ms: the record's imbalance and idle share come from it. */
  friendsBusyMs(): number[] {
    return this.busyMs;
  }

  replay(): EatTimeline {
    return { arrivalsMs: [...this.pool.arrivalsMs], chunks: this.spans.map((span) => ({ ...span })) };
  }

  eaters(): Uint8Array {
    const eaters = new Uint8Array(this.cake.length);
    this.chunks.forEach(({ from, to }, chunk) => eaters.fill((this.chunkEaters[chunk] ?? -1) + 1, from, to));
    return eaters;
  }

  /**
   * Copying pools: posts chunks as the deal says (owned ones all at once, taken ones one per free friend, the next
   * as each friend answers), each as the message `dish` makes for it (with what it moves rather than copies), hands
   * each reply to `place` (to put its slices back), and returns the phases. `send` runs from `startMs` (epoch ms,
   * taken before any copying the strategy does to send) to the last of the first posts.
   */
  protected async serveChunks(
    startMs: number,
    dish: (range: Chunk, chunk: number) => [ToFriend, Transferable[]?],
    place: (reply: ChunkEaten) => void = () => {},
  ): Promise<Phases> {
    const friends = this.pool.size;
    const served: ChunkServed[] = this.chunks.map(() => ({ friend: -1, sendStartMs: 0, sendEndMs: 0, eatStartMs: 0, eatEndMs: 0, heardMs: 0, placedMs: 0 }));
    const serve = (friend: number, chunk: number) => {
      served[chunk]!.sendStartMs = chunk === 0 ? startMs : epochMs(); // the first send began with the strategy's own copying
      const [message, transfer] = dish(this.chunks[chunk]!, chunk);
      this.pool.post(friend, message, this.describe(chunk), transfer);
      served[chunk]!.sendEndMs = epochMs();
    };
    let nextChunk = 0;
    this.chunkEaters = [];
    this.spans = [];
    for (let friend = 0; friend < friends; friend++) {
      if (!this.deal.isTaken) ownedChunks(this.deal, friend, friends).forEach((chunk) => serve(friend, chunk));
      else if (nextChunk < this.chunks.length) serve(friend, nextChunk++);
    }
    const sentMs = epochMs();
    this.busyMs = new Array<number>(friends).fill(0);
    const lastEndMs = new Array<number>(friends).fill(sentMs);
    await this.pool.collect(this.chunks.length, (friend, reply) => {
      if (reply.kind !== 'chunk-eaten') return;
      const heardMs = epochMs();
      const before = this.chunkEaters[reply.chunk];
      if (before !== undefined) throw new Error(`${this.name}: ${this.describe(reply.chunk)} came back twice, from friends ${before} and ${friend}`);
      if (this.deal.isTaken && nextChunk < this.chunks.length) serve(friend, nextChunk++); // before placing: the friend eats meanwhile
      place(reply);
      this.busyMs[friend]! += reply.eatEndMs - reply.eatStartMs;
      lastEndMs[friend] = Math.max(lastEndMs[friend]!, reply.eatEndMs);
      this.chunkEaters[reply.chunk] = friend;
      Object.assign(served[reply.chunk]!, { friend, eatStartMs: reply.eatStartMs, eatEndMs: reply.eatEndMs, heardMs, placedMs: epochMs() });
      const { from, to } = this.chunks[reply.chunk]!;
      const since = (ms: number) => ms - startMs;
      this.spans.push({ chunk: reply.chunk, friend, from, to, sentMs: since(served[reply.chunk]!.sendEndMs), eatStartMs: since(reply.eatStartMs), eatEndMs: since(reply.eatEndMs), backMs: since(epochMs()) });
    });
    this.served = served.map((chunk) => ({ ...chunk, startMs }));
    return poolPhases(startMs, sentMs, this.busyMs.map((busy, friend) => ({ eatStartMs: lastEndMs[friend]! - busy, eatEndMs: lastEndMs[friend]! })), epochMs());
  }

  /**
   * Shared pools: posts each friend its ticket to the deal (the message `dish` makes for it), waits for every
   * friend's part, reads who ate each chunk from the shared ledger, and returns the phases.
   */
  protected async serveTickets(startMs: number, dish: (ticket: DealTicket) => ToFriend): Promise<Phases> {
    const friends = this.pool.size;
    this.tickets = ticketsFor(this.deal, friends, this.tickets[0]);
    this.tickets.forEach((ticket, friend) => this.pool.post(friend, dish(ticket), () => this.heldBy(friend)));
    const sentMs = epochMs();
    this.busyMs = new Array<number>(friends).fill(0);
    const spans: { eatStartMs: number; eatEndMs: number }[] = [];
    const served: ChunkServed[] = [];
    await this.pool.collect(friends, (friend, reply) => {
      if (reply.kind !== 'deal-eaten') return;
      this.busyMs[friend] = reply.eatEndMs - reply.eatStartMs;
      spans.push(reply);
      const heardMs = epochMs(); // a friend's whole part of the deal is one bar: its chunks are eaten in place, unseen
      served.push({ friend, startMs, sendStartMs: startMs, sendEndMs: sentMs, eatStartMs: reply.eatStartMs, eatEndMs: reply.eatEndMs, heardMs, placedMs: heardMs });
    });
    this.served = served;
    const ledger = this.tickets[0]!.ledger;
    const uneaten = ledger.findIndex((eater) => eater <= 0);
    if (uneaten >= 0) throw new Error(`${this.name}: ${this.describe(uneaten)} was not eaten (ledger ${ledger[uneaten]}): every friend answered, so the deal lost it`);
    this.chunkEaters = Array.from(ledger, (eater) => eater - 1);
    // each chunk's trip, for the demo's replay: a friend's chunks share its one message out and its one reply back
    const since = (ms: number) => ms - startMs;
    this.spans = this.chunkEaters.map((friend, chunk) => {
      const part = served.find((trip) => trip.friend === friend)!;
      const { from, to } = this.chunks[chunk]!;
      return { chunk, friend, from, to, sentMs: since(sentMs), eatStartMs: since(part.eatStartMs), eatEndMs: since(part.eatEndMs), backMs: since(part.heardMs) };
    });
    return poolPhases(startMs, sentMs, spans, epochMs());
  }

  /** The chunk a friend of a shared deal was eating when it failed: the ledger's, else the first it owned. */
  private heldBy(friend: number): string {
    const held = this.tickets[0]?.ledger.indexOf(-(friend + 1)) ?? -1;
    if (held >= 0) return this.describe(held);
    if (!this.deal.isTaken && friend < this.chunks.length) return this.describe(friend);
    return `no chunk yet of the ${scheduleName(this.schedule)} deal`;
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
