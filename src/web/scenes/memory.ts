// Memory can be expensive for large datasets: think how the data is passed. Copies counted, per way of passing.
import { film, ms, phaseBars, sizeChoices } from './films.ts';
import type { Scene } from './scene.ts';
import { take } from './take.ts';

const ways = ['pool-copy', 'pool-transfer', 'pool-shared'];

export const memory: Scene = {
  id: 'memory',
  claim: 'Memory can be expensive for large datasets: think how the data is passed',
  words: 'The same eating, three ways of passing the cake: cloned (pool-copy), moved onto plates (pool-transfer), shared (pool-shared). The cakes drawn are the copies each one made.',
  control: { label: 'Cake size', choices: sizeChoices([16, 12, 18]) },
  async shoot(host, eat, choice) {
    const n = Number(choice);
    const cakeBytes = n * 4;
    const here = ways.filter((name) => name !== 'pool-shared' || host.hasSharedMemory);
    const takes = [];
    for (const name of here) takes.push(await take(host, eat, name, n, 1, { isShared: name === 'pool-shared' }));
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
    const copy = takes[0]!;
    const parts = takes.map((t) => `${t.strategy} ${mib(t.bytesCopied)} in ${ms(t.wallMs)}`);
    const bars = takes.flatMap((t) => phaseBars(t, t.strategy, []));
    return {
      sentence: `Passing a ${mib(cakeBytes)} cake: ${parts.join(', ')}${here.length < ways.length ? ' (pool-shared needs cross-origin isolation)' : ''}.`,
      number: copy.bytesCopied / 2 ** 20,
      unit: 'MiB',
      verified: `every eaten cake equals the CPU twin's (checksum ${copy.checksum}); bytes are what each strategy copies per eating`,
      film: film(copy, bars, { measuredMs: Math.max(...takes.map((t) => t.wallMs)), copies: takes.map((t) => ({ label: t.strategy, count: t.bytesCopied / cakeBytes })), note: `each the median of ${copy.runs} verified eatings, side by side` }),
    };
  },
};
