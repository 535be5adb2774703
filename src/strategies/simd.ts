// "Already parallel": one thread eats four slices per instruction with the WebAssembly SIMD kernel.
import { bytesPerSlice } from '../cake.ts';
import { cakeOver, type Cake } from '../eat.ts';
import {
  cakeMemory,
  eatCakeSlices,
  eatWithStep,
  instantiate,
  kernelStep,
  lanes,
  simdUnavailable,
  type EatKernel,
  type KernelStep,
} from '../simd/kernel.ts';
import type { Phases, Strategy, StrategyEntry } from '../strategy.ts';

/**
 * WebAssembly eats only its own memory, so every eat() copies the caller's cake in (`send`, timed) and eats
 * it there in place (`eat`); the eaten slices are read where they lie, with no copy out. `step` picks the
 * kernel's function for the interleave measurement; the registered strategy uses eatSlices.
 */
export function createSimd(name: string, step?: KernelStep): Strategy {
  let cake: Cake = new Uint32Array(0);
  let table: Cake = new Uint32Array(0);
  let kernel: EatKernel | undefined;
  let rounds = 1;
  const eatTable = (): void =>
    step ? eatWithStep(kernel!, step, 0, table.length, rounds) : eatCakeSlices(kernel!, 0, table.length, rounds);
  return {
    name,
    clock: 'performance.now',
    async prepare(cakeToEat, options) {
      const startMs = performance.now();
      cake = cakeToEat;
      rounds = options.rounds;
      const memory = cakeMemory(name, cake.length, 'private');
      kernel = await instantiate(options.eat, memory, 'private');
      table = cakeOver(options.eat.element, memory.buffer, cake.length);
      return [{ name: 'WebAssembly compile + instantiate', ms: performance.now() - startMs }];
    },
    async eat(): Promise<Phases> {
      const startMs = performance.now();
      table.set(cake);
      const sentMs = performance.now();
      eatTable();
      return { send: sentMs - startMs, eat: performance.now() - sentMs };
    },
    eaten: () => table,
    bytesCopied: () => cake.length * bytesPerSlice,
    settings: () => ({ lanes, kernel: step ?? kernelStep }),
    async dispose() {
      kernel = undefined;
    },
  };
}

export const simd: StrategyEntry = {
  name: 'simd',
  summary: 'already parallel: one thread, WebAssembly SIMD, four slices per i32x4 instruction (plus scalar slices beside them)',
  family: 'simd',
  colour: '#469990',
  unavailable: (_host, eat) => simdUnavailable(eat),
  create: () => createSimd('simd'),
};
