// Eats a cake once to show who ate what: for the demo's picture, not for timing.
import type { Cake } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, StrategyEntry } from '../strategy.ts';
import { expectedEaten, verifyEaten } from './verify.ts';

export interface Shown {
  /** 0 for the calling thread, friend id + 1 for a pool friend, per slice. */
  eaters: Uint8Array;
  eaten: Cake;
  /** GPU strategies: per slice, the turn in which its workgroup began eating (from the watching kernel). */
  turns?: Uint32Array;
}

/** Eats `cake` once with `entry`, verifies it, and returns who ate each slice. */
export async function eatToShow(entry: StrategyEntry, host: Host, cake: Cake, options: EatOptions): Promise<Shown> {
  const strategy = entry.create(host);
  try {
    await strategy.prepare(cake, options);
    strategy.reset?.();
    await strategy.eat();
    await strategy.fetchEaten?.();
    const expected = expectedEaten(options.eat, cake, options.rounds);
    const eaten = strategy.eaten().slice();
    verifyEaten(entry.name, options.eat, eaten, expected, options.rounds);
    const watched = await strategy.watch?.();
    if (watched) verifyEaten(`${entry.name} (watched)`, options.eat, watched.eaten, expected, options.rounds);
    return { eaters: strategy.eaters?.() ?? new Uint8Array(cake.length), eaten, ...(watched ? { turns: watched.turns } : {}) };
  } finally {
    await strategy.dispose();
  }
}
