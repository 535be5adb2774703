// The cake: n slices (a Uint32Array or Float32Array, as its eat function's element says), and the checksum of an
// eaten one.
import { bitsOf, newCake, type Cake, type Eat } from './eat.ts';

/**
 * 'ordered': cake[i] = the eat function's slice(i) (default i). 'shuffled': a fixed permutation of 0..n-1, so no
 * hardware can compress it. 'sorted': the ordered cake's slices, cheapest first by the eat function's cost (only
 * for eat functions that say what a slice costs): like with like, for lanes and workgroups that wait for their slowest.
 */
export type CakeOrder = 'ordered' | 'shuffled' | 'sorted';
export const cakeOrders: readonly CakeOrder[] = ['ordered', 'shuffled', 'sorted'];

export const bytesPerSlice = 4;
const shuffleSeed = 0x5eed_cace; // fixed: the same shuffled cake on every machine and run

export interface BakeOptions {
  order?: CakeOrder;
  /** Back the cake with a SharedArrayBuffer, so friends can eat it in place. */
  isShared?: boolean;
  /** Whose cake: its element type and uneaten slices (default: u32, slice i = i). */
  eat?: Pick<Eat, 'name' | 'element' | 'slice' | 'cost'>;
}

/** Bakes a cake of `slices` slices (an integer >= 0). */
export function bake(slices: number, { order = 'ordered', isShared = false, eat }: BakeOptions = {}): Cake {
  const cake = newCake(eat?.element ?? 'u32', slices, isShared);
  const slice = eat?.slice;
  if (slice) for (let i = 0; i < slices; i++) cake[i] = slice(i, slices);
  else for (let i = 0; i < slices; i++) cake[i] = i;
  if (order === 'shuffled') shuffle(cake);
  if (order === 'sorted') sortByCost(cake, eat);
  return cake;
}

/** Why `order` cannot bake `eat`'s cake, or undefined when it can: sorting needs to know what each slice costs. */
export function orderUnavailable(order: CakeOrder, eat: Pick<Eat, 'name' | 'cost'>): string | undefined {
  if (order !== 'sorted' || eat.cost) return undefined;
  return `the sorted cake needs to know what each slice costs, and the eat function '${eat.name}' does not say (lumpy and mandelbrot do)`;
}

/** Cheapest slices first, ties in their baked order (a stable sort of the costs). */
function sortByCost(cake: Cake, eat: BakeOptions['eat']): void {
  const cost = eat?.cost;
  if (!cost) throw new Error(orderUnavailable('sorted', { name: eat?.name ?? 'hash' }));
  const costs = Float64Array.from(cake, (slice) => cost(slice));
  const order = Array.from(cake.keys()).sort((a, b) => costs[a]! - costs[b]! || a - b);
  const slices = cake.slice();
  order.forEach((from, to) => (cake[to] = slices[from]!));
}

/** Fisher-Yates with a small seeded generator (mulberry32): deterministic, and fast enough for 2^26 slices. */
function shuffle(cake: Cake): void {
  let state = shuffleSeed;
  for (let i = cake.length - 1; i > 0; i--) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const j = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (i + 1));
    const slice = cake[i]!;
    cake[i] = cake[j]!;
    cake[j] = slice;
  }
}

/** XOR of all slices' bits: order-independent, so ordered and shuffled cakes eaten alike share it. */
export function checksum(eaten: Cake): number {
  const bits = bitsOf(eaten);
  let xor = 0;
  for (let i = 0; i < bits.length; i++) xor ^= bits[i]!;
  return xor >>> 0;
}

/** Formats a checksum or slice as 0x%08x. */
export function hex(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}
