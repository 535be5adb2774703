// Copy the cake, eat, reassemble the modified part: every chunk's copy out, its eating and its copy back.
import { film, ms, poolBars, roundChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

const slices = 2 ** 14;

export const copyEatReassemble: Scene = {
  id: 'copy-eat-reassemble',
  claim: 'Copy the cake, eat, reassemble the modified part',
  words: 'Each chunk is copied out to its friend, eaten, copied back and put in place in a new cake (right). Light eating makes the copying show; heavy eating hides it.',
  control: { label: 'Eat cost', choices: roundChoices },
  async shoot(host, eat, choice) {
    const copy = await take(host, eat, 'pool-copy', slices, Number(choice));
    const { send = 0, eat: eating = 0, receive = 0 } = copy.phasesMs;
    const movingShare = (100 * (send + receive)) / copy.wallMs;
    return {
      sentence: `Copying out took ${ms(send)}, the slowest friend's eating ${ms(eating)}, copying back and reassembling ${ms(receive)}: ${movingShare.toFixed(0)}% of the ${ms(copy.wallMs)} moved the cake.`,
      number: movingShare,
      unit: '%',
      verified: `the reassembled cake equals the CPU twin's (checksum ${copy.checksum}); phases of the median eating, adding up to its wall time`,
      film: film(copy, poolBars(copy, { eatsOn: 'plate', isReassembled: true })),
    };
  },
};
