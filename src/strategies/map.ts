// Option 1 again, the functional way: cake.map with a lambda, which allocates a new eaten cake each time.
import { eat } from '../eat.ts';
import type { Phases, Strategy, StrategyEntry } from '../strategy.ts';

export const map: StrategyEntry = {
  name: 'map',
  summary: 'cake.map((slice) => eat(slice, rounds)): a lambda per slice and a new array per eating',
  family: 'cpu',
  colour: '#a9a9a9', // grey: loop's single-thread sibling
  create(): Strategy {
    let cake: Uint32Array = new Uint32Array(0);
    let eaten: Uint32Array = new Uint32Array(0);
    let rounds = 1;
    return {
      name: 'map',
      clock: 'performance.now',
      async prepare(cakeToEat, options) {
        cake = cakeToEat;
        rounds = options.rounds;
        return [];
      },
      async eat(): Promise<Phases> {
        const startMs = performance.now();
        eaten = cake.map((slice) => eat(slice, rounds));
        return { eat: performance.now() - startMs };
      },
      eaten: () => eaten,
      async dispose() {},
    };
  },
};
