// The GPU's thousands of friends: workgroups eat the cake; the kernel records the turn each one began in.
import { film, ms, phaseBars, roundChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { gpuMissing, take } from './take.ts';

const slices = 2 ** 14;

export const thousandFriends: Scene = {
  id: 'thousand-friends',
  claim: "The GPU: friends by the thousand",
  words: 'The cake travels to the GPU, whose workgroups eat it, many at once, then comes back. The picture darkens the slices whose workgroups began first, as the kernel itself recorded.',
  control: { label: 'Eat cost', choices: roundChoices },
  missing: gpuMissing,
  async shoot(host, eat, choice) {
    const gpu = await take(host, eat, 'gpu', slices, Number(choice));
    const kernelMs = gpu.phasesMs.kernel ?? 0;
    const workgroups = gpu.turns ? gpu.turns.reduce((most, turn) => Math.max(most, turn), 0) + 1 : 0;
    return {
      sentence: `${workgroups} workgroups ate ${slices.toLocaleString('en')} slices in ${ms(kernelMs)} of kernel time; with the trip there and back the GPU took ${ms(gpu.wallMs)}, ${((100 * kernelMs) / gpu.wallMs).toFixed(0)}% of it eating.`,
      number: kernelMs,
      unit: 'ms',
      verified: `the eaten cake and the watched eating both equal the CPU twin's (checksum ${gpu.checksum}); adapter ${gpu.settings.adapter ?? 'unknown'}`,
      film: film(gpu, phaseBars(gpu, 'the GPU'), { note: `the median of ${gpu.runs} verified eatings; workgroups shown in the order of their turns, spread over the kernel's measured time` }),
    };
  },
};
