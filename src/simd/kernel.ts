// An eat function's SIMD twin (src/eats/*.wat) as a host-independent module: detection, memory, instances.
import { bytesPerSlice } from '../cake.ts';
import type { Eat } from '../eat.ts';

/** Slices one i32x4 instruction eats. */
export const lanes = 4;
/** The step eatSlices uses (4 vectors + 4 scalar slices); bench/simd-interleave.ts measures the others. */
export const kernelStep: KernelStep = 'eatVectors4Scalars4';
/** Byte addresses stay below 2^31, so the kernel's `at + step` never wraps. */
export const maxSlices = 2 ** 29;
const bytesPerPage = 65536; // WebAssembly's page size

/** Which kernel build: a private memory (one thread) or a shared one (friends). */
export type KernelMemory = 'private' | 'shared';

/**
 * The functions a SIMD twin exports: eatSlices always; hash.wat also its step functions (for the interleave
 * measurement). Byte addresses; rounds >= 1; each eatX returns where it stopped.
 */
export interface EatKernel {
  eatSlices(fromByte: number, toByte: number, rounds: number): void;
  eatScalars1(atByte: number, endByte: number, rounds: number): number;
  eatVectors1(atByte: number, endByte: number, rounds: number): number;
  eatVectors2(atByte: number, endByte: number, rounds: number): number;
  eatVectors4(atByte: number, endByte: number, rounds: number): number;
  eatVectors4Scalars4(atByte: number, endByte: number, rounds: number): number;
}

/** One of the kernel's step functions: how many slices it keeps in flight. */
export type KernelStep = Exclude<keyof EatKernel, 'eatSlices'>;

/**
 * Eats slices [from, to) with whole `step`s, then finishes the tail as eatSlices does (whole vectors, then
 * single slices): what the interleave measurement times for each step.
 */
export function eatWithStep(kernel: EatKernel, step: KernelStep, from: number, to: number, rounds: number): void {
  checkRounds(rounds);
  const endByte = to * bytesPerSlice;
  const atByte = kernel[step](from * bytesPerSlice, endByte, rounds);
  kernel.eatScalars1(kernel.eatVectors1(atByte, endByte, rounds), endByte, rounds);
}

/**
 * Why `eat`'s SIMD kernel cannot run here, or undefined when it can: an eat function without a SIMD twin, or an
 * engine that rejects the real kernel (no WebAssembly SIMD, or no threads for the shared build).
 */
export function simdUnavailable(eat: Eat, memory: KernelMemory = 'private'): string | undefined {
  if (!eat.simd) return `the eat function '${eat.name}' has no WebAssembly SIMD twin (an eat function may bring one, as hash and stream do).`;
  if (typeof WebAssembly !== 'object') return 'WebAssembly is unavailable in this runtime. Use Node >= 16 or a current browser.';
  if (WebAssembly.validate(eat.simd.bytes(memory) as BufferSource)) return undefined;
  const needs = memory === 'shared' ? '128-bit SIMD and threads (shared memory)' : '128-bit SIMD';
  return `this engine rejects the WebAssembly eat kernel, which needs ${needs}. Use Node >= 16.4, Chrome >= 91, Firefox >= 89 or Safari >= 16.4.`;
}

/** A memory big enough for a cake of `slices` slices at byte 0. Throws for cakes the kernel cannot address. */
export function cakeMemory(who: string, slices: number, memory: KernelMemory): WebAssembly.Memory {
  if (slices > maxSlices) {
    const mib = (slices * bytesPerSlice) / 2 ** 20;
    throw new RangeError(`${who}: a cake of ${slices} slices needs ${mib} MiB of WebAssembly memory, but the kernel addresses at most ${(maxSlices * bytesPerSlice) / 2 ** 20} MiB. Use n <= ${maxSlices}.`);
  }
  const pages = Math.max(1, Math.ceil((slices * bytesPerSlice) / bytesPerPage));
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: memory === 'shared' });
}

/**
 * Compiles and instantiates the kernel over `memory` (asynchronously: a page's main thread may not compile
 * synchronously). Pass the build that matches the memory.
 */
export async function instantiate(eat: Eat, memory: WebAssembly.Memory, build: KernelMemory): Promise<EatKernel> {
  if (!eat.simd) throw new Error(simdUnavailable(eat));
  const module = await WebAssembly.compile(eat.simd.bytes(build) as BufferSource);
  const instance = await WebAssembly.instantiate(module, { cake: { memory } });
  return instance.exports as unknown as EatKernel;
}

/** Synchronous twin of instantiate() for friends (workers may compile synchronously), shared build. */
export function instantiateShared(module: WebAssembly.Module, memory: WebAssembly.Memory): EatKernel {
  return new WebAssembly.Instance(module, { cake: { memory } }).exports as unknown as EatKernel;
}

/** Eats slices [from, to) of the cake at byte 0 of the kernel's memory, in place. */
export function eatCakeSlices(kernel: EatKernel, from: number, to: number, rounds: number): void {
  checkRounds(rounds);
  kernel.eatSlices(from * bytesPerSlice, to * bytesPerSlice, rounds);
}

/** The kernel's round loop runs at least once: rounds 0 would wrap its counter and eat 2^32 rounds. */
function checkRounds(rounds: number): void {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 0x7fffffff) {
    throw new RangeError(`rounds must be an integer 1..${0x7fffffff}, got ${rounds}: the kernel eats at least one round per slice.`);
  }
}
