// Option 1 of the deck: eat each slice in order, with a for loop, on the calling thread.
import { eatSlices, newCake, type Cake, type Eat } from '../eat.ts';
import type { Phases, Strategy, StrategyEntry } from '../strategy.ts';

export const loop: StrategyEntry = {
  name: 'loop',
  summary: 'a for loop on the calling thread, slice by slice into a preallocated array',
  family: 'cpu',
  colour: '#222222', // near-black: the baseline every chart holds the rest against
  create(): Strategy {
    let cake: Cake = new Uint32Array(0);
    let eaten: Cake = new Uint32Array(0);
    let rounds = 1;
    let eatFunction: Eat;
    return {
      name: 'loop',
      clock: 'performance.now',
      async prepare(cakeToEat, options) {
        cake = cakeToEat;
        rounds = options.rounds;
        eatFunction = options.eat;
        eaten = newCake(eatFunction.element, cake.length);
        return [];
      },
      async eat(): Promise<Phases> {
        const startMs = performance.now();
        eatSlices(eatFunction, cake, eaten, rounds);
        return { eat: performance.now() - startMs };
      },
      eaten: () => eaten,
      async dispose() {},
    };
  },
};
