// Starting a parallel process has an overhead: go parallel when a task is long. The friends arrive, then eat.
import { film, ms, poolBars, sizeChoices } from './films.ts';
import type { Bar, Scene } from './scene.ts';
import { take } from './take.ts';

export const overhead: Scene = {
  id: 'overhead',
  claim: 'Starting a parallel process has an overhead: go parallel when a task is long',
  words: 'Before anyone eats, the friends must arrive (each Web Worker starts and says hello). A small cake is eaten long before the welcome is paid back.',
  control: { label: 'Cake size', choices: sizeChoices([12, 8, 16]) },
  async shoot(host, eat, choice) {
    const n = Number(choice);
    const pool = await take(host, eat, 'pool-transfer', n, 64);
    const arrivals = pool.timeline?.arrivalsMs ?? [];
    const arrivedMs = Math.max(0, ...arrivals);
    const arriving: Bar[] = arrivals.map((atMs, friend) => ({ track: `friend ${friend}`, phase: 'arrive', fromMs: 0, toMs: atMs }));
    return {
      sentence: `Inviting ${arrivals.length} friends took ${ms(arrivedMs)} before the first bite; then they ate ${n.toLocaleString('en')} slices in ${ms(pool.wallMs)}: the welcome cost ${(arrivedMs / pool.wallMs).toFixed(1)}x the meal.`,
      number: arrivedMs,
      unit: 'ms',
      verified: `the eaten cake equals the CPU twin's (checksum ${pool.checksum}); arrivals timed from the first spawn to each friend's hello`,
      film: film(pool, [...arriving, ...poolBars(pool, { offsetMs: arrivedMs })], {
        measuredMs: arrivedMs + pool.wallMs,
        note: `the friends' arrival, then the median of ${pool.runs} verified eatings placed right after the last friend arrived`,
      }),
    };
  },
};
