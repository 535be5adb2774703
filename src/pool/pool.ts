// A pool of friends: invites them, posts work, collects replies, and shuts everyone down on any failure.
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import type { StartupCost } from '../strategy.ts';
import type { Friend, FromFriend, ToFriend } from './friend.ts';

type Eaten = Exclude<FromFriend, { kind: 'ready' } | { kind: 'failed' }>;

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
  /** What each friend was last given, to name it when the friend fails. */
  private readonly eating: string[];
  /** Per friend: ms from the first spawn to its ready reply. */
  readonly arrivalsMs: number[];
  private invitedMs = performance.now();

  private constructor(private readonly friends: Friend[]) {
    this.eating = friends.map(() => 'nothing yet (starting up)');
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
  post(friend: number, message: ToFriend, what: string, transfer: Transferable[] = []): void {
    if (this.failure) throw this.failure;
    this.eating[friend] = what;
    this.friends[friend]!.post(message, transfer);
  }

  /** Resolves after `count` replies, each passed to onReply; rejects (and shuts the pool) on a failure. */
  collect(count: number, onReply: (friend: number, reply: Eaten) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      if (count === 0) return resolve();
      this.collector = { remaining: count, onReply, resolve, reject };
    });
  }

  async dispose(): Promise<void> {
    this.collector = undefined;
    await Promise.all(this.friends.map((friend) => friend.terminate()));
  }

  private readyCount = 0;
  private readyWaiter: (() => void) | undefined;

  private collectReady(eat: Eat): Promise<void> {
    return new Promise((resolve, reject) => {
      this.readyWaiter = resolve;
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
    const collector = this.collector;
    if (!collector) return;
    collector.onReply(friend, reply);
    if (--collector.remaining === 0) {
      this.collector = undefined;
      collector.resolve();
    }
  }

  private fail(friend: number, error: Error): void {
    if (this.failure) return;
    this.failure = new Error(`friend ${friend} failed while eating ${this.eating[friend]}: ${error.message}`, {
      cause: error,
    });
    const collector = this.collector;
    this.collector = undefined;
    void this.dispose();
    collector?.reject(this.failure);
  }
}
