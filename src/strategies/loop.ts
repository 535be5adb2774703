// Option 1 of the deck: eat each slice in order, with a for loop, on the calling thread.
import { eatSlices } from '../eat.ts';
import type { Phases, Strategy, StrategyEntry } from '../strategy.ts';

export const loop: StrategyEntry = {
  name: 'loop',
  summary: 'a for loop on the calling thread, slice by slice into a preallocated array',
  family: 'cpu',
  colour: '#222222', // near-black: the baseline every chart holds the rest against
  create(): Strategy {
    let cake: Uint32Array = new Uint32Array(0);
    let eaten: Uint32Array = new Uint32Array(0);
    let rounds = 1;
    return {
      name: 'loop',
      clock: 'performance.now',
      async prepare(cakeToEat, options) {
        cake = cakeToEat;
        rounds = options.rounds;
        eaten = new Uint32Array(cake.length);
        return [];
      },
      async eat(): Promise<Phases> {
        const startMs = performance.now();
        eatSlices(cake, eaten, rounds);
        return { eat: performance.now() - startMs };
      },
      eaten: () => eaten,
      async dispose() {},
    };
  },
};
