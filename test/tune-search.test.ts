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
          const values = Array.from({ length: samples }, (_, s) => landscape(point, s));
          return values.sort((a, b) => a - b)[Math.floor((samples - 1) / 2)]!;
        };
        for (const seed of [1, 2, 3]) {
          const result = await search(strategy, space, measure, { budget, fullSamples: 5, random: seededRandom(seed) });
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
    const measure = async (point: Point) => (seen.push(point.join(',')), landscapes.smooth!(point, 0));
    await search('hill', { axisSizes, legal }, measure, { budget: legal.length, fullSamples: 5, random: seededRandom(9) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((key) => Number(key.split(',')[0]) % 2 === 1)).toBe(true);
  });

  it('refuses an empty space', async () => {
    await expect(search('random', { axisSizes, legal: [] }, async () => 1, { budget: 1, fullSamples: 5, random: seededRandom(1) })).rejects.toThrow(/no legal points/);
  });
});
