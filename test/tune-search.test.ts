// Each search strategy on synthetic landscapes with a known optimum finds it within its budget.
import { describe, expect, it } from 'vitest';
import { search, searchStrategyNames, seededRandom, type Point, type SearchSpace } from '../src/tune/search.ts';

const axisSizes = [12, 4, 2, 2, 2]; // the shape space's axes: workgroup sizes, slices, layout, load, grid
const optimum = [7, 2, 1, 1, 0];

function gridSpace(): SearchSpace {
  const legal: Point[] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === axisSizes.length) return void legal.push(prefix);
    for (let v = 0; v < axisSizes[prefix.length]!; v++) walk([...prefix, v]);
  };
  walk([]);
  return { axisSizes, legal };
}

const distance = (point: Point) => point.reduce((sum, v, axis) => sum + ((v - optimum[axis]!) / axisSizes[axis]!) ** 2, 0);
type Landscape = (point: Point, sample: number) => number;
const landscapes: Record<string, Landscape> = {
  smooth: (point) => 1 + distance(point),
  // +-3 % noise per sample: the optimum is 10 % better than its nearest neighbour in the bowl
  noisy: (point, sample) => (1 + 2 * distance(point)) * (1 + 0.03 * Math.sin(sample * 12.9898 + point.join('').length * 78.233)),
  // flat except a basin around the optimum on the first axis: a climber must restart to find it
  plateau: (point) => (Math.abs(point[0]! - optimum[0]!) <= 2 ? 1 + distance(point) : 3),
};

/** Share of the space each strategy may spend; exhaustive and random may look at everything. */
const budgetShare: Record<string, number> = { exhaustive: 1, random: 1, hill: 0.5, halving: 0.6 };

describe('search strategies on synthetic landscapes', () => {
  const space = gridSpace();
  const optimumKey = optimum.join(',');
  for (const [landscapeName, landscape] of Object.entries(landscapes)) {
    for (const strategy of searchStrategyNames) {
      it(`${strategy} finds the optimum of the ${landscapeName} landscape within ${budgetShare[strategy]! * 100} % of the space`, async () => {
        const budget = Math.ceil(space.legal.length * budgetShare[strategy]!);
        let measured = 0;
        const measure = async (point: Point, samples: number) => {
          measured++;
          return Array.from({ length: samples }, (_, s) => landscape(point, s));
        };
        for (const seed of [1, 2, 3]) {
          const result = await search(strategy, space, measure, { budget, fullSamples: 5, confirmSamples: 20, random: seededRandom(seed) });
          expect(space.legal[result.best]!.join(','), `seed ${seed}`).toBe(optimumKey);
          expect(result.spent).toBeLessThanOrEqual(budget + 1e-9);
        }
        expect(measured).toBeGreaterThan(0);
      });
    }
  }

  it('never measures a point outside the legal ones', async () => {
    const legal = gridSpace().legal.filter((point) => point[0]! % 2 === 1);
    const seen: string[] = [];
    const measure = async (point: Point, samples: number) => (seen.push(point.join(',')), Array(samples).fill(landscapes.smooth!(point, 0)));
    await search('hill', { axisSizes, legal }, measure, { budget: legal.length, fullSamples: 5, confirmSamples: 20, random: seededRandom(9) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((key) => Number(key.split(',')[0]) % 2 === 1)).toBe(true);
  });

  it('refuses an empty space', async () => {
    await expect(search('random', { axisSizes, legal: [] }, async () => [1], { budget: 1, fullSamples: 5, confirmSamples: 20, random: seededRandom(1) })).rejects.toThrow(/no legal points/);
  });
});

describe('the confirmation stage', () => {
  // point 0 is steady at 1.0 ms; point 1's first 5 samples are lucky (0.9 ms), the 15 after them slow (1.5 ms)
  const space: SearchSpace = { axisSizes: [2], legal: [[0], [1]] };
  const samplesOf = (point: Point) => Array.from({ length: 20 }, (_, s) => (point[0] === 0 ? 1 : s < 5 ? 0.9 : 1.5));
  const asked: [number, number][] = [];
  const measure = async (point: Point, samples: number) => (asked.push([point[0]!, samples]), samplesOf(point).slice(0, samples));
  const options = { budget: 10, fullSamples: 5, random: seededRandom(1) };

  for (const strategy of searchStrategyNames) {
    it(`${strategy} re-measures a lucky leader before it stays best, and pays for it`, async () => {
      asked.length = 0;
      const confirmed = await search(strategy, space, measure, { ...options, confirmSamples: 20 });
      expect(space.legal[confirmed.best]).toEqual([0]);
      expect(confirmed.bestMs).toBe(1);
      expect(asked).toContainEqual([1, 20]); // the lucky point got its 20 samples: 1.5 ms at the median
      expect(confirmed.spent).toBeGreaterThan(2); // two full evaluations, then the confirmations: 3 more each
      expect(confirmed.spent).toBeLessThanOrEqual(options.budget + 1e-9);
    });
  }

  it('without it (confirmSamples = fullSamples) the lucky point stays best: the negative control', async () => {
    const unconfirmed = await search('exhaustive', space, measure, { ...options, confirmSamples: 5 });
    expect(space.legal[unconfirmed.best]).toEqual([1]);
    expect(unconfirmed.bestMs).toBe(0.9);
    expect(unconfirmed.spent).toBe(2);
  });

  it('confirms with what the budget has left, never more', async () => {
    asked.length = 0;
    const short = await search('exhaustive', space, measure, { ...options, budget: 3, confirmSamples: 20 });
    expect(short.spent).toBeLessThanOrEqual(3 + 1e-9);
    expect(asked.at(-1)).toEqual([1, 10]); // one evaluation left: 5 more samples of the leader, not 15
  });
});
