// Option 1: eat each slice in order. One eater, the calling thread, slice after slice.
import { film, ms, phaseBars, sizeChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

export const oneByOne: Scene = {
  id: 'one-by-one',
  claim: 'Option 1: eat each slice in order',
  words: 'One eater, the page\'s own thread, takes the slices one after another with a for loop. Nobody helps, nothing is copied.',
  control: { label: 'Cake size', choices: sizeChoices([12, 10, 14, 16]) },
  async shoot(host, eat, choice) {
    const n = Number(choice);
    const loop = await take(host, eat, 'loop', n, 64);
    const perSliceNs = (loop.wallMs * 1e6) / n;
    return {
      sentence: `The loop ate ${n.toLocaleString('en')} slices one after another in ${ms(loop.wallMs)}: ${perSliceNs >= 1000 ? `${(perSliceNs / 1000).toFixed(2)} us` : `${perSliceNs.toFixed(0)} ns`} a slice.`,
      number: loop.wallMs,
      unit: 'ms',
      verified: `every slice equal to the CPU twin's (checksum ${loop.checksum})`,
      film: film(loop, phaseBars(loop, 'the calling thread')),
    };
  },
};
