// NumPy computations are already parallel: SIMD lanes eat several slices per instruction on one core.
import { film, ms, phaseBars, roundChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

const slices = 2 ** 14;

export const alreadyParallel: Scene = {
  id: 'already-parallel',
  claim: 'NumPy computations are already parallel',
  words: 'A library can be parallel on one core: WebAssembly SIMD eats 4 slices per instruction, no friends invited. Look for the parallelism already in the machine first.',
  control: { label: 'Eat cost', choices: roundChoices },
  missing: (host) => (typeof WebAssembly === 'object' ? undefined : `No WebAssembly in this browser (${host.runtime}), so no SIMD lanes to show.`),
  async shoot(host, eat, choice) {
    const rounds = Number(choice);
    const simd = await take(host, eat, 'simd', slices, rounds);
    const loop = await take(host, eat, 'loop', slices, rounds);
    const speedup = loop.wallMs / simd.wallMs;
    return {
      sentence: `SIMD on one core ate ${slices.toLocaleString('en')} slices in ${ms(simd.wallMs)}, the plain loop in ${ms(loop.wallMs)}: ${speedup.toFixed(1)}x with the same one core.`,
      number: speedup,
      unit: 'x',
      verified: `both eaten cakes equal the CPU twin's (checksum ${simd.checksum})`,
      film: film(simd, [...phaseBars(simd, 'SIMD lanes (one core)'), ...phaseBars(loop, 'the loop (one core)', [])], {
        measuredMs: Math.max(simd.wallMs, loop.wallMs),
        note: `each the median of ${simd.runs} verified eatings, side by side`,
      }),
    };
  },
};
