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
 * WebAssembly eats only its own memory. The suite bakes the cake there (cakeHome): eat() is the kernel alone, and
 * reset() puts the uneaten slices back, untimed. A cake baked elsewhere is copied in by every eat() (`send`,
 * timed) and eaten there (`eat`): what the copy costs inside an eating, for the lessons and tests that pass one.
 * The eaten slices are read where they lie. `step` picks the kernel's function for the interleave measurement;
 * the registered strategy uses eatSlices.
 */
export function createSimd(name: string, step?: KernelStep): Strategy {
  let cake: Cake = new Uint32Array(0);
  let table: Cake = new Uint32Array(0);
  let home: { memory: WebAssembly.Memory; cake: Cake } | undefined;
  let uneaten: Cake | undefined; // set when the cake lies in the kernel's memory: eaten in place
  let kernel: EatKernel | undefined;
  let rounds = 1;
  const eatTable = (): void =>
    step ? eatWithStep(kernel!, step, 0, table.length, rounds) : eatCakeSlices(kernel!, 0, table.length, rounds);
  return {
    name,
    clock: 'performance.now',
    cakeHome(n, element) {
      const memory = cakeMemory(name, n, 'private');
      home = { memory, cake: cakeOver(element, memory.buffer, n) };
      return { cake: home.cake, where: 'wasm-memory' };
    },
    async prepare(cakeToEat, options) {
      const startMs = performance.now();
      cake = cakeToEat;
      rounds = options.rounds;
      const isHome = cake === home?.cake;
      const memory = isHome ? home!.memory : cakeMemory(name, cake.length, 'private');
      kernel = await instantiate(options.eat, memory, 'private');
      table = isHome ? cake : cakeOver(options.eat.element, memory.buffer, cake.length);
      uneaten = isHome ? cake.slice() : undefined;
      return [{ name: 'WebAssembly compile + instantiate', ms: performance.now() - startMs }];
    },
    reset() {
      if (uneaten) table.set(uneaten);
    },
    async eat(): Promise<Phases> {
      const startMs = performance.now();
      if (!uneaten) table.set(cake);
      const sentMs = performance.now();
      eatTable();
      const eatMs = performance.now() - sentMs;
      return uneaten ? { eat: eatMs } : { send: sentMs - startMs, eat: eatMs };
    },
    eaten: () => table,
    bytesCopied: () => (uneaten ? 0 : cake.length * bytesPerSlice),
    settings: () => ({ lanes, kernel: step ?? kernelStep }),
    async dispose() {
      kernel = undefined;
      home = undefined;
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
