// The registry of built-in eat functions: one line each. `--eat NAME`, the page's picker and the friends take
// them from here; a user's own comes from a module (src/eats/check.ts says what it must provide).
import type { Eat } from '../eat.ts';
import { hash } from './hash.ts';
import { lumpy } from './lumpy.ts';
import { mandelbrot } from './mandelbrot.ts';
import { sine } from './sine.ts';
import { stream } from './stream.ts';

export const eats: readonly Eat[] = [hash, stream, sine, mandelbrot, lumpy];

export const defaultEat = hash;

export function findEat(name: string): Eat | undefined {
  return eats.find((eat) => eat.name === name);
}
