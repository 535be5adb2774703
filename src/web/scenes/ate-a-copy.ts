// They made a copy of the cake and ate it, but the original is untouched.
import { film, ms, poolBars, sizeChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

export const ateACopy: Scene = {
  id: 'ate-a-copy',
  claim: 'They made a copy of the cake and ate it, but the original is untouched',
  words: 'Each friend gets a copy of its chunk on its own plate and eats that. The caller\'s cake on the left stays whole: what comes back is a new, eaten cake.',
  control: { label: 'Cake size', choices: sizeChoices([12, 10, 14, 16]) },
  async shoot(host, eat, choice) {
    const n = Number(choice);
    const copy = await take(host, eat, 'pool-copy', n, 64);
    if (!copy.isCallersCakeUntouched) throw new Error("pool-copy changed the caller's cake: the copy was not a copy.");
    return {
      sentence: `The friends ate their copies in ${ms(copy.wallMs)}; the caller's ${n.toLocaleString('en')} slices still read 0, 1, 2, 3, ...: all untouched.`,
      number: copy.wallMs,
      unit: 'ms',
      verified: `the caller's cake compared slice by slice before and after; the eaten copy equals the CPU twin's (checksum ${copy.checksum})`,
      film: film(copy, poolBars(copy, { eatsOn: 'plate', isReassembled: true })),
    };
  },
};
