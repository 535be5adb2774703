// The stream: the cake goes through the GPU in pieces, copies of one piece overlapping the eating of another.
// Appears once the gpu-stream strategy is in the registry of src/strategies/.
import { findStrategy } from '../../strategies/index.ts';
import { film, ms, phaseBars, roundChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { gpuMissing, take } from './take.ts';

const slices = 2 ** 16;

export const stream: Scene = {
  id: 'stream',
  claim: 'The stream: copy one piece while the GPU eats another',
  words: 'Instead of the whole cake there, eaten, and back, pieces flow through the GPU: while one piece is eaten, the next travels in and the last travels out.',
  control: { label: 'Eat cost', choices: roundChoices },
  coming: () => (findStrategy('gpu-stream') ? undefined : 'Coming: this scene needs the gpu-stream strategy, which has not landed in src/strategies/ yet. Nothing is measured, so no number is shown.'),
  missing: gpuMissing,
  async shoot(host, eat, choice) {
    const rounds = Number(choice);
    const streamed = await take(host, eat, 'gpu-stream', slices, rounds);
    const whole = await take(host, eat, 'gpu', slices, rounds);
    return {
      sentence: `Streamed, ${slices.toLocaleString('en')} slices took ${ms(streamed.wallMs)}; all at once ${ms(whole.wallMs)}: ${(whole.wallMs / streamed.wallMs).toFixed(2)}x.`,
      number: streamed.wallMs,
      unit: 'ms',
      verified: `both eaten cakes equal the CPU twin's (checksum ${streamed.checksum})`,
      film: film(streamed, [...phaseBars(streamed, 'gpu-stream'), ...phaseBars(whole, 'gpu (all at once)', [])], { measuredMs: Math.max(streamed.wallMs, whole.wallMs) }),
    };
  },
};
