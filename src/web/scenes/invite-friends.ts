// Option 2: invite friends and eat all at once. Each friend eats its chunk at the same time as the others.
import { film, ms, poolBars } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

const slices = 2 ** 14;
const rounds = 256; // enough eating that the friends' work, not the messages, fills the picture

export const inviteFriends: Scene = {
  id: 'invite-friends',
  claim: 'Option 2: invite friends and eat all at once',
  words: 'The cake is cut into one chunk per friend (Web Workers). Each friend gets its chunk and eats it while the others eat theirs.',
  control: { label: 'Friends', choices: [['4', '4 friends'], ['1', '1 friend'], ['2', '2 friends'], ['8', '8 friends']] },
  async shoot(host, eat, choice) {
    const friends = Number(choice);
    const pool = await take(host, eat, 'pool-transfer', slices, rounds, { poolSize: friends });
    const loop = await take(host, eat, 'loop', slices, rounds);
    const speedup = loop.wallMs / pool.wallMs;
    return {
      sentence: `${friends} friend${friends === 1 ? '' : 's'} ate ${slices.toLocaleString('en')} slices in ${ms(pool.wallMs)}; the loop alone took ${ms(loop.wallMs)}: ${speedup.toFixed(2)}x as fast.`,
      number: speedup,
      unit: 'x',
      verified: `both eaten cakes equal the CPU twin's (checksum ${pool.checksum}); this machine has ${host.cores} cores`,
      film: film(pool, poolBars(pool)),
    };
  },
};
