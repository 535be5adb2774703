// Lesson: some slices are bigger than others. The Mandelbrot cake's bottom rows hold the set's body (every pixel
// iterates to the limit) and its top rows escape at once, so two equal blocks are not equal work: pool-shared with
// a static deal leaves one friend waiting, a dynamic deal (small chunks taken by whoever is free) evens it out.
import { mandelbrot } from '../eats/mandelbrot.ts';
import { measureStrategy, duration, type Lesson } from './lesson.ts';

const slices = 2 ** 16; // the lab's 351 x 187 picture: about 20 ms of eating per run, so wake-ups and messages do not swamp it
const rounds = 256;
const friends = 2; // the smallest table that can wait, and the fewest cores a test machine has

export const biggerSlices: Lesson = {
  claim: 'Some slices are bigger than others',
  async run(context) {
    const lumpy = { ...context, eat: mandelbrot, poolSize: friends }; // the Mandelbrot cake whatever the reader picked
    const fixed = await measureStrategy(lumpy, 'pool-shared', slices, rounds, { isShared: true, schedule: { kind: 'static' } });
    const taken = await measureStrategy(lumpy, 'pool-shared', slices, rounds, { isShared: true, schedule: { kind: 'dynamic' } });
    const percent = (m: typeof fixed) => `${(m.percentOfIdeal ?? 0).toFixed(0)}%`;
    return {
      lines: [
        `A Mandelbrot picture of ${slices} pixels (up to ${rounds} iterations each), ${friends} friends sharing memory. Static, one equal block each: the busier friend ate ${(fixed.imbalance ?? 1).toFixed(2)}x the mean, the run took ${duration(fixed.medianMs)}, ${percent(fixed)} of ideal.`,
        `Dynamic, small chunks taken by whoever is free: ${(taken.imbalance ?? 1).toFixed(2)}x the mean, ${duration(taken.medianMs)}, ${percent(taken)} of ideal. Speed-up of dynamic over static, the same work: ${(fixed.medianMs / taken.medianMs).toFixed(2)}x.`,
      ],
      verified: `every run of both schedules equals the CPU twin's eaten picture (checksum ${taken.checksum})`,
    };
  },
};
