// The pool most Node users would pick: piscina, given the same chunks as pool-copy.
import { bytesPerSlice } from '../cake.ts';
import { newCake, type Cake, type Eat, type EatSource } from '../eat.ts';
import type { Host } from '../host.ts';
import { cut, type Chunk } from '../pool/chunks.ts';
import { epochMs } from '../pool/friend.ts';
import { poolPhases, type EatSpan } from '../pool/timeline.ts';
import type { EatOptions, Phases, StartupCost, Strategy, StrategyEntry } from '../strategy.ts';

/** What the piscina friend (bench/piscina-friend.ts) takes and returns. */
export interface PiscinaTask {
  /** Which eat function: the friend loads it once (a user's module by URL) and keeps it. */
  eat: EatSource;
  slices: Cake;
  rounds: number;
}
export type PiscinaEaten = EatSpan & { slices: Cake };

interface PiscinaPool {
  run(task: PiscinaTask): Promise<PiscinaEaten>;
  destroy(): Promise<void>;
}

// Held in a variable so the browser build never tries to bundle a Node-only package.
const piscinaModule = 'piscina';

class PiscinaStrategy implements Strategy {
  readonly name = 'piscina';
  readonly clock = 'performance.now (friends: timeOrigin + now)';
  private piscina: PiscinaPool | undefined;
  private cake: Cake = new Uint32Array(0);
  private eatenCake: Cake = new Uint32Array(0);
  private eatFunction!: Eat;
  private rounds = 1;
  private chunks: Chunk[] = [];

  constructor(private readonly filename: string) {}

  async prepare(cake: Cake, { eat, rounds, poolSize }: EatOptions): Promise<StartupCost[]> {
    const startMs = performance.now();
    const { Piscina } = await import(/* @vite-ignore */ piscinaModule);
    const threads = { minThreads: poolSize, maxThreads: poolSize };
    this.piscina = new Piscina({ filename: this.filename, ...threads, idleTimeout: 60_000 }) as PiscinaPool;
    const hello = newCake(eat.element, 1);
    await Promise.all(Array.from({ length: poolSize }, () => this.piscina!.run({ eat: eat.source, slices: hello.slice(), rounds: 1 })));
    this.cake = cake;
    this.eatFunction = eat;
    this.rounds = rounds;
    this.eatenCake = newCake(eat.element, cake.length);
    this.chunks = cut(cake.length, poolSize);
    return [{ name: `piscina start (${poolSize} threads, to ${poolSize} first tasks done)`, ms: performance.now() - startMs }];
  }

  async eat(): Promise<Phases> {
    const piscina = this.piscina!;
    const startMs = epochMs();
    const tasks = this.chunks.map(({ from, to }, chunk) =>
      piscina.run({ eat: this.eatFunction.source, slices: this.cake.slice(from, to), rounds: this.rounds }).then(
        (eaten) => {
          this.eatenCake.set(eaten.slices, from);
          return eaten;
        },
        (error: Error) => {
          throw new Error(`piscina failed while eating chunk ${chunk} (slices ${from}..${to - 1}): ${error.message}`);
        },
      ),
    );
    const sentMs = epochMs();
    const spans = await Promise.all(tasks);
    return poolPhases(startMs, sentMs, spans, epochMs());
  }

  settings(): Record<string, number> {
    return { poolSize: this.chunks.length };
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  /** Like pool-copy: slice(), clone out, clone back, set(). */
  bytesCopied(): number {
    return 4 * this.cake.length * bytesPerSlice;
  }

  async dispose(): Promise<void> {
    await this.piscina?.destroy();
  }
}

export const piscina: StrategyEntry = {
  name: 'piscina',
  summary: 'the piscina worker pool (what a Node user would pick), chunks cloned like pool-copy',
  family: 'pool',
  colour: '#911eb4',
  isNodeOnly: true,
  unavailable: (host: Host) =>
    host.piscinaFriend ? undefined : 'piscina is a Node.js worker pool; this host is not Node.',
  create: (host) => new PiscinaStrategy(host.piscinaFriend!),
};
