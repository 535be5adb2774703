// Option 1 again, the functional way: cake.map with a lambda, which allocates a new eaten cake each time.
import type { Cake, Eat } from '../eat.ts';
import type { Phases, Strategy, StrategyEntry } from '../strategy.ts';

export const map: StrategyEntry = {
  name: 'map',
  summary: 'cake.map((slice) => eat.cpu(slice, rounds)): a lambda per slice and a new array per eating',
  family: 'cpu',
  colour: '#a9a9a9', // grey: loop's single-thread sibling
  create(): Strategy {
    let cake: Cake = new Uint32Array(0);
    let eaten: Cake = new Uint32Array(0);
    let rounds = 1;
    let eatFunction: Eat;
    return {
      name: 'map',
      clock: 'performance.now',
      async prepare(cakeToEat, options) {
        cake = cakeToEat;
        rounds = options.rounds;
        eatFunction = options.eat;
        return [];
      },
      async eat(): Promise<Phases> {
        const { cpu } = eatFunction;
        const startMs = performance.now();
        const eatOne = (slice: number) => cpu(slice, rounds);
        eaten = cake instanceof Float32Array ? cake.map(eatOne) : cake.map(eatOne);
        return { eat: performance.now() - startMs };
      },
      eaten: () => eaten,
      async dispose() {},
    };
  },
};
