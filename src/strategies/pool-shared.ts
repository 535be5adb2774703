// Shared memory: friends eat the cake in place, in a SharedArrayBuffer; nothing is copied.
import { newCake, type Cake, type Element } from '../eat.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

class PoolShared extends PoolStrategy {
  protected override readonly dealsInSharedMemory = true;
  private table: Cake = new Uint32Array(0);
  private uneaten: Cake = new Uint32Array(0);

  /** A SharedArrayBuffer the suite bakes the cake in, so that friends eat it where it lies. */
  cakeHome(n: number, element: Element): { cake: Cake; where: string } {
    return { cake: newCake(element, n, true), where: 'shared-memory' };
  }

  /**
   * A cake already in shared memory is eaten where it lies: the caller sees it eaten. Any other cake is
   * copied into shared memory once, untimed.
   */
  protected override setUp(): void {
    const isShared = this.cake.buffer instanceof SharedArrayBuffer;
    this.table = isShared ? this.cake : newCake(this.eatFunction.element, this.cake.length, true);
    if (!isShared) this.table.set(this.cake);
    this.uneaten = this.cake.slice();
  }

  /** Untimed: repeated eatings start from the uneaten cake, so each one can be verified. */
  reset(): void {
    this.table.set(this.uneaten);
  }

  async eat(): Promise<Phases> {
    return this.serveTickets(epochMs(), (ticket) => ({ kind: 'eat-shared', ticket, cake: this.table, rounds: this.rounds }));
  }

  eaten(): Cake {
    return this.table;
  }

  bytesCopied(): number {
    return 0;
  }
}

export const poolShared: StrategyEntry = {
  name: 'pool-shared',
  summary: 'friends eat their chunks in place in a SharedArrayBuffer: no copies',
  family: 'pool',
  takesSchedule: true,
  colour: '#3cb44b',
  unavailable: (host) =>
    host.hasSharedMemory
      ? undefined
      : 'SharedArrayBuffer is unavailable: the page is not cross-origin isolated. Serve it with the COOP/COEP headers set in vite.config.ts.',
  create: (host) => new PoolShared('pool-shared', host),
};
