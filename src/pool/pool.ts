// A pool of friends: invites them, posts work, collects replies, and shuts everyone down on any failure.
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { StartupCost } from '../strategy.ts';
import type { Friend, FromFriend, ToFriend } from './friend.ts';

type Eaten = Exclude<FromFriend, { kind: 'ready' } | { kind: 'failed' }>;

/**
 * How long a friend may take to answer before it is called hung: `replyPatience` times what its work should
 * take at the slowest rate this pool has measured, and never less than `minReplyTimeoutMs` (a busy 2-core machine
 * pauses a thread for a second now and then). Before any reply is measured, the rate is a CPU's slowest
 * plausible one, 50 ns per slice-round (this machine's loop eats at 1-3).
 */
const replyPatience = 20;
const minReplyTimeoutMs = 5_000;
const unmeasuredMsPerSliceRound = 50e-6;
const helloTimeoutMs = 30_000; // spawning a worker and loading its script: seconds on a loaded machine

/** Slice-rounds a message asks a friend to eat. */
function workOf(message: ToFriend): number {
  switch (message.kind) {
    case 'hello':
      return 0;
    case 'eat-chunk':
      return message.slices.length * message.rounds;
    case 'eat-slice':
      return message.rounds;
    default: // a ticket's friend eats about its share of the cake, whichever chunks it takes
      return (message.ticket.bounds.at(-1)! / message.ticket.friends) * message.rounds;
  }
}

interface Collector {
  remaining: number;
  onReply: (friend: number, reply: Eaten) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Friends ready to eat. Post work with post(), then await collect() for the replies. */
export class Pool {
  private collector: Collector | undefined;
  private failure: Error | undefined;
  /**
   * What each friend was given and has not answered yet, oldest first, with its slice-rounds: to name it when the
   * friend fails (a function where only the moment of failure knows: which chunk a friend took from a shared deal)
   * and to know how long its answers may take.
   */
  private readonly eating: { what: string | (() => string); work: number }[][];
  /** Slice-rounds each friend answered during the collect in flight: the pool's measured rate comes from them. */
  private readonly answered: number[];
  /** The slowest rate measured over this pool's collects, ms per slice-round of the busiest friend. */
  private msPerSliceRound: number | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Per friend: ms from the first spawn to its ready reply. */
  readonly arrivalsMs: number[];
  private invitedMs = performance.now();

  private constructor(private readonly friends: Friend[]) {
    this.eating = friends.map(() => []);
    this.answered = friends.map(() => 0);
    this.arrivalsMs = friends.map(() => NaN);
  }

  /**
   * Starts `size` friends and waits until each has answered a hello, which tells them the eat function (a
   * friend loads a user's module then). The start-up cost is the time from the first spawn to the last reply.
   */
  static async invite(host: Host, size: number, eat: Eat): Promise<{ pool: Pool; startup: StartupCost[] }> {
    const startMs = performance.now();
    const friends = Array.from({ length: size }, (_, id) => host.inviteFriend(id));
    const pool = new Pool(friends);
    pool.invitedMs = startMs;
    friends.forEach((friend, id) => friend.listen((reply) => pool.hear(id, reply), (error) => pool.fail(id, error)));
    try {
      await pool.collectReady(eat);
    } catch (error) {
      await pool.dispose();
      throw error;
    }
    return { pool, startup: [{ name: `worker spawn (${size} friends, spawn to first reply)`, ms: performance.now() - startMs }] };
  }

  get size(): number {
    return this.friends.length;
  }

  /** Posts one message to friend `friend`; `what` names the work in error messages. */
  post(friend: number, message: ToFriend, what: string | (() => string), transfer: Transferable[] = []): void {
    if (this.failure) throw this.failure;
    this.eating[friend]!.push({ what, work: workOf(message) });
    this.friends[friend]!.post(message, transfer);
  }

  /** Resolves after `count` replies, each passed to onReply; rejects (and shuts the pool) on a failure. */
  collect(count: number, onReply: (friend: number, reply: Eaten) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      if (count === 0) return resolve();
      const startMs = performance.now();
      this.answered.fill(0);
      this.armForOwed();
      this.collector = {
        remaining: count,
        onReply,
        resolve: () => {
          this.disarm();
          const busiest = Math.max(...this.answered);
          if (busiest > 0) this.msPerSliceRound = Math.max(this.msPerSliceRound ?? 0, (performance.now() - startMs) / busiest);
          resolve();
        },
        reject,
      };
    });
  }

  /** Slice-rounds posted to `friend` and not answered yet. */
  private owed(friend: number): number {
    return this.eating[friend]!.reduce((sum, { work }) => sum + work, 0);
  }

  /**
   * Arms the watchdog for the work still owed (again after every answer: pools that deal chunks as friends answer
   * post more while collecting), so a hung friend is named and never waited for for ever.
   */
  private armForOwed(): void {
    const work = Math.max(...this.friends.map((_, friend) => this.owed(friend)));
    const expectedMs = work * (this.msPerSliceRound ?? unmeasuredMsPerSliceRound);
    const timeoutMs = Math.max(minReplyTimeoutMs, replyPatience * expectedMs);
    const rate = this.msPerSliceRound === undefined ? 'the slowest plausible rate, 50 ns per slice-round (none measured yet)' : `this pool's measured ${(this.msPerSliceRound * 1e6).toPrecision(2)} ns per slice-round`;
    this.arm(timeoutMs, `expected about ${expectedMs.toPrecision(2)} ms at ${rate}`);
  }

  /** Fails the pool, naming a friend that still owes an answer, unless every answer comes within `timeoutMs`. */
  private arm(timeoutMs: number, expected: string): void {
    this.disarm();
    this.watchdog = setTimeout(() => {
      const hung = Math.max(0, this.friends.findIndex((_, friend) => this.owed(friend) > 0));
      this.fail(hung, new Error(`it did not answer within ${(timeoutMs / 1000).toFixed(1)} s (${expected}): it hung, so the pool is shut down and this record fails`));
    }, timeoutMs);
    this.watchdog.unref?.();
  }

  private disarm(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  async dispose(): Promise<void> {
    this.disarm();
    this.collector = undefined;
    await Promise.all(this.friends.map((friend) => friend.terminate()));
  }

  private readyCount = 0;
  private readyWaiter: (() => void) | undefined;

  private collectReady(eat: Eat): Promise<void> {
    return new Promise((resolve, reject) => {
      this.arm(helloTimeoutMs, 'a hello, answered on start-up');
      this.readyWaiter = () => (this.disarm(), resolve());
      this.collector = { remaining: Infinity, onReply: () => {}, resolve: () => {}, reject };
      this.friends.forEach((friend) => friend.post({ kind: 'hello', eat: eat.source }));
    });
  }

  private hear(friend: number, reply: FromFriend): void {
    if (reply.kind === 'ready') {
      this.arrivalsMs[friend] = performance.now() - this.invitedMs;
      if (++this.readyCount === this.friends.length) {
        this.collector = undefined;
        this.readyWaiter?.();
      }
      return;
    }
    if (reply.kind === 'failed') return this.fail(friend, new Error(reply.message));
    const answeredWork = this.eating[friend]!.shift()?.work ?? 0; // a friend answers its messages in order
    this.answered[friend]! += answeredWork;
    const collector = this.collector;
    if (!collector) return;
    try {
      collector.onReply(friend, reply);
    } catch (error) {
      this.collector = undefined; // a reply the dealer cannot place (a chunk back twice) ends the run
      return collector.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (--collector.remaining === 0) {
      this.collector = undefined;
      collector.resolve();
    } else if (this.collector === collector) {
      this.armForOwed();
    }
  }

  private fail(friend: number, error: Error): void {
    if (this.failure) return;
    const what = this.eating[friend]![0]?.what ?? 'nothing yet (starting up)';
    this.failure = new Error(`friend ${friend} failed while eating ${typeof what === 'string' ? what : what()}: ${error.message}`, {
      cause: error,
    });
    const collector = this.collector;
    this.collector = undefined;
    void this.dispose();
    collector?.reject(this.failure);
  }
}
