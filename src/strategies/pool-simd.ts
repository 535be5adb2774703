// Cores x lanes: friends eat their chunks of one cake in shared WebAssembly memory with the SIMD kernel.
import { bytesPerSlice } from '../cake.ts';
import { epochMs } from '../pool/friend.ts';
import { PoolStrategy } from '../pool/pool-strategy.ts';
import { cakeOver, type Cake } from '../eat.ts';
import { cakeMemory, kernelStep, lanes, simdUnavailable } from '../simd/kernel.ts';
import type { Phases, StrategyEntry } from '../strategy.ts';

let memoriesMade = 0; // names each shared memory for the friends' kernel cache

class PoolSimd extends PoolStrategy {
  protected override readonly dealsInSharedMemory = true;
  private memory: WebAssembly.Memory | undefined;
  private memoryId = 0;
  private table: Cake = new Uint32Array(0);

  /** Untimed: one shared memory for the whole run; friends instantiate the kernel over it on first use. */
  protected override setUp(): void {
    this.memory = cakeMemory(this.name, this.cake.length, 'shared');
    this.memoryId = ++memoriesMade;
    this.table = cakeOver(this.eatFunction.element, this.memory.buffer, this.cake.length);
  }

  /**
   * send: the cake copied into the shared WebAssembly memory (the kernel eats only its own memory, as in
   * `simd`) and one message posted per friend; eat: the slowest friend; receive: the last reply's arrival.
   */
  async eat(): Promise<Phases> {
    const startMs = epochMs();
    this.table.set(this.cake);
    return this.serveTickets(startMs, (ticket) => ({ kind: 'eat-shared-simd', ticket, memory: this.memory!, memoryId: this.memoryId, rounds: this.rounds }));
  }

  eaten(): Cake {
    return this.table;
  }

  bytesCopied(): number {
    return this.cake.length * bytesPerSlice;
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
