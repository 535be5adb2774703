// Copy each slice, eat it, reassemble: one message per slice, so the messages are what you see.
import { film, ms, poolBars, sizeChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

export const sliceBySlice: Scene = {
  id: 'slice-by-slice',
  claim: 'Copy each slice, eat it, reassemble',
  words: 'Every slice travels alone: one message out, one message back. Each blue tick is a slice sent, each green tick one coming back; the eating between them is tiny next to the messages.',
  control: { label: 'Cake size', choices: sizeChoices([8, 6, 10]) },
  async shoot(host, eat, choice) {
    const n = Number(choice);
    const messages = await take(host, eat, 'pool-slice', n, 64);
    const loop = await take(host, eat, 'loop', n, 64);
    const perSliceUs = (messages.wallMs * 1000) / n;
    return {
      sentence: `${2 * n} messages for ${n} slices took ${ms(messages.wallMs)}: ${perSliceUs.toFixed(1)} us a slice, where the loop eats one in ${((loop.wallMs * 1e6) / n).toFixed(0)} ns.`,
      number: perSliceUs,
      unit: 'us',
      verified: `the reassembled cake equals the CPU twin's (checksum ${messages.checksum})`,
      film: film(messages, poolBars(messages, { eatsOn: 'cake' })),
    };
  },
};
