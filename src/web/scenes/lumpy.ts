// Lumpy cakes: when some slices take longer than others, equal chunks make some friends wait for the slowest.
// Appears once a lumpy eat function (mandelbrot or lumpy) is in the registry of src/eats/.
import { findEat } from '../../eats/index.ts';
import { film, ms, poolBars, sizeChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

const lumpyEat = () => findEat('mandelbrot') ?? findEat('lumpy');

export const lumpy: Scene = {
  id: 'lumpy',
  claim: 'Lumpy cakes: the table waits for the slowest friend',
  words: 'When some slices are harder to eat than others, equal chunks are not equal work: the friends who drew the easy chunks finish first and wait.',
  control: { label: 'Cake size', choices: sizeChoices([12, 10, 14]) },
  coming: () => (lumpyEat() ? undefined : 'Coming: this scene needs a lumpy eat function (mandelbrot), which has not landed in src/eats/ yet. Nothing is measured, so no number is shown.'),
  async shoot(host, _eat, choice) {
    const eat = lumpyEat()!;
    const n = Number(choice);
    const pool = await take(host, eat, 'pool-transfer', n, 64);
    const eatMs = (pool.timeline?.chunks ?? []).map((span) => (span.eatEndMs ?? 0) - (span.eatStartMs ?? 0));
    const slowest = Math.max(...eatMs);
    const fastest = Math.min(...eatMs);
    return {
      sentence: `With the ${eat.name} eat function the slowest friend ate for ${ms(slowest)}, the fastest for ${ms(fastest)}: ${(slowest / Math.max(fastest, 1e-6)).toFixed(1)}x, and everyone waited.`,
      number: slowest,
      unit: 'ms',
      verified: `the eaten cake equals the CPU twin's (checksum ${pool.checksum})`,
      film: film(pool, poolBars(pool)),
    };
  },
};
