// Cores x lanes: friends eat their chunks of one cake in shared WebAssembly memory with the SIMD kernel.
import { bytesPerSlice } from '../cake.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import { cakeOver, type Cake, type Element } from '../eat.ts';
import { cakeMemory, kernelStep, lanes, simdUnavailable } from '../simd/kernel.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

let memoriesMade = 0; // names each shared memory for the friends' kernel cache

class PoolSimd extends PoolStrategy {
  protected override readonly dealsInSharedMemory = true;
  private memory: WebAssembly.Memory | undefined;
  private memoryId = 0;
  private table: Cake = new Uint32Array(0);
  private home: Cake | undefined;
  private uneaten: Cake | undefined; // set when the cake lies in the shared memory: eaten in place

  /** The shared WebAssembly memory the suite bakes the cake in, so that friends eat it where it lies. */
  cakeHome(n: number, element: Element): { cake: Cake; where: string } {
    this.makeMemory(n);
    this.home = cakeOver(element, this.memory!.buffer, n);
    return { cake: this.home, where: 'wasm-shared-memory' };
  }

  private makeMemory(n: number): void {
    this.memory = cakeMemory(this.name, n, 'shared');
    this.memoryId = ++memoriesMade;
  }

  /** Untimed: one shared memory for the whole run; friends instantiate the kernel over it on first use. */
  protected override setUp(): void {
    if (this.cake === this.home) {
      this.table = this.cake;
      this.uneaten = this.cake.slice();
      return;
    }
    this.makeMemory(this.cake.length);
    this.table = cakeOver(this.eatFunction.element, this.memory!.buffer, this.cake.length);
  }

  /** Untimed, for a cake eaten in place: the next eating starts from the uneaten slices, so it can be verified. */
  reset(): void {
    if (this.uneaten) this.table.set(this.uneaten);
  }

  /**
   * send: one message posted per friend, after the cake is copied into the shared WebAssembly memory where it
   * was not baked there (the kernel eats only its own memory, as in `simd`); eat: the slowest friend; receive:
   * the last reply's arrival.
   */
  async eat(): Promise<Phases> {
    const startMs = epochMs();
    if (!this.uneaten) this.table.set(this.cake);
    return this.serveTickets(startMs, (ticket) => ({ kind: 'eat-shared-simd', ticket, memory: this.memory!, memoryId: this.memoryId, rounds: this.rounds }));
  }

  eaten(): Cake {
    return this.table;
  }

  bytesCopied(): number {
    return this.uneaten ? 0 : this.cake.length * bytesPerSlice;
  }

  override settings(): Record<string, number> {
    return { ...super.settings(), lanes };
  }
}

export const poolSimd: StrategyEntry = {
  name: 'pool-simd',
  summary: `cores x lanes: friends eat chunks of one shared WebAssembly memory with the SIMD kernel (${kernelStep})`,
  family: 'pool',
  takesSchedule: true,
  colour: '#f032e6',
  unavailable: (host, eat) =>
    host.hasSharedMemory
      ? simdUnavailable(eat, 'shared')
      : 'SharedArrayBuffer is unavailable: the page is not cross-origin isolated. Serve it with the COOP/COEP headers set in vite.config.ts.',
  create: (host) => new PoolSimd('pool-simd', host),
};
