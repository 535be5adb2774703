// If you need to modify the cake in the parallel process: shared memory. One cake, eaten in place by everyone.
import { film, ms, poolBars } from './films.ts';
import type { Scene } from './scene.ts';
import { sharedMissing, take } from './take.ts';

const slices = 2 ** 14;

export const sharedMemory: Scene = {
  id: 'shared-memory',
  claim: 'If you need to modify the cake in the parallel process: shared memory',
  words: 'The cake lives in a SharedArrayBuffer that every friend can reach. They eat the caller\'s own cake in place: nothing is copied, and the caller sees it eaten.',
  control: { label: 'Cake', choices: [['share', 'shared: eaten in place'], ['copy', 'copied: eaten on plates']] },
  missing: sharedMissing,
  async shoot(host, eat, choice) {
    const isShared = choice === 'share';
    const eating = await take(host, eat, isShared ? 'pool-shared' : 'pool-copy', slices, 64, { isShared });
    const copiedKiB = eating.bytesCopied / 1024;
    return {
      sentence: isShared
        ? `The friends ate the caller's own cake in place in ${ms(eating.wallMs)}, copying 0 bytes.`
        : `Copied instead, the same cake took ${ms(eating.wallMs)} and ${copiedKiB.toFixed(0)} KiB of copies.`,
      number: eating.wallMs,
      unit: 'ms',
      verified: isShared ? `the caller's own array equals the CPU twin's eaten cake (checksum ${eating.checksum})` : `the eaten copy equals the CPU twin's (checksum ${eating.checksum})`,
      film: film(eating, poolBars(eating, { eatsOn: isShared ? 'cake' : 'plate', isReassembled: !isShared })),
    };
  },
};
