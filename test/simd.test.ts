// The SIMD twins: simd and pool-simd eat bit-exactly like the CPU twins (hash, stream), tails included, and say clearly when
// WebAssembly SIMD or shared memory is missing.
import wabt from 'wabt';
import { hash } from '../src/eats/hash.ts';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, readBenchOptions, UsageError } from '../bench/args.ts';
import { nodeHost } from '../bench/node-host.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { bake, checksum, hex } from '../src/cake.ts';
import type { Host } from '../src/host.ts';
import { interleaveEntries } from '../src/simd/interleave.ts';
import { cakeMemory, eatCakeSlices, instantiate, maxSlices, simdUnavailable } from '../src/simd/kernel.ts';
import { bitsOf, type Cake } from '../src/eat.ts';
import { sine } from '../src/eats/sine.ts';
import { stream } from '../src/eats/stream.ts';
import { poolSimd } from '../src/strategies/pool-simd.ts';
import { simd } from '../src/strategies/simd.ts';
import type { Phases, StrategyEntry } from '../src/strategy.ts';

const host = nodeHost();
const sizes = [1, 3, 4, 5, 1000, 65539]; // tails of 1..3 slices after whole vectors and 20-slice steps
const roundsList = [1, 64, 1024];

const expectedCache = new Map<string, Cake>();
function expectedFor(cake: Cake, rounds: number): Cake {
  const key = `${cake.length}x${rounds}`;
  if (!expectedCache.has(key)) expectedCache.set(key, expectedEaten(hash, cake, rounds));
  return expectedCache.get(key)!;
}

/** Eats `cake` once with a fresh strategy; returns a copy of the eaten slices and the phases. */
async function eatOnce(entry: StrategyEntry, cake: Cake, rounds: number): Promise<{ eaten: Cake; phases: Phases }> {
  const strategy = entry.create(host);
  try {
    await strategy.prepare(cake, { eat: hash, rounds, poolSize: 2 });
    strategy.reset?.();
    const phases = await strategy.eat();
    return { eaten: strategy.eaten().slice(), phases };
  } finally {
    await strategy.dispose();
  }
}

describe.each([simd, poolSimd])('$name eats like the CPU twin', (entry) => {
  it.each(sizes.flatMap((n) => roundsList.map((rounds) => [n, rounds] as const)))('n=%i rounds=%i', async (n, rounds) => {
    const cake = bake(n);
    const expected = expectedFor(cake, rounds);
    const { eaten } = await eatOnce(entry, cake, rounds);
    verifyEaten(entry.name, hash, eaten, expected, rounds); // throws naming the first wrong slice
    expect(hex(checksum(eaten))).toBe(hex(checksum(expected)));
    expect(cake).toEqual(bake(n)); // the caller's cake is copied into wasm memory, never eaten in place
  });
});

describe('the kernel', () => {
  it('gives the contract values: eat(1,1), eat(2,1), eat(3,1), eat(1,1024) and the XOR of eat(i,1) for i < 65536', async () => {
    const memory = cakeMemory('test', 65536, 'private');
    const kernel = await instantiate(hash, memory, 'private');
    const table = new Uint32Array(memory.buffer, 0, 65536);
    table.set(bitsOf(bake(65536)));
    eatCakeSlices(kernel, 0, 65536, 1);
    expect([table[1], table[2], table[3]].map((slice) => hex(slice!))).toEqual(['0x688990c0', '0xd1132181', '0x53f1e9dd']);
    expect(hex(checksum(table))).toBe('0x5337aecb');
    table.set([0, 1]);
    eatCakeSlices(kernel, 1, 2, 1024); // one slice: the scalar tail alone
    expect(hex(table[1]!)).toBe('0x42762416');
  });

  it('eats only [from, to): a chunk leaves its neighbours uneaten', async () => {
    const memory = cakeMemory('test', 100, 'private');
    const kernel = await instantiate(hash, memory, 'private');
    const table = new Uint32Array(memory.buffer, 0, 100);
    table.set(bitsOf(bake(100)));
    eatCakeSlices(kernel, 7, 58, 64);
    const expected = bake(100);
    expected.set(expectedEaten(hash, bake(100), 64).subarray(7, 58), 7);
    expect(table).toEqual(expected);
  });

  it('refuses rounds < 1 and cakes it cannot address, saying what to do', async () => {
    const memory = cakeMemory('test', 4, 'private');
    const kernel = await instantiate(hash, memory, 'private');
    expect(() => eatCakeSlices(kernel, 0, 4, 0)).toThrow(/rounds must be an integer 1\.\.2147483647, got 0/);
    expect(() => cakeMemory('simd', maxSlices + 1, 'private')).toThrow(`Use n <= ${maxSlices}`);
  });

  it.each(interleaveEntries)('step $name eats the same slices (n=65539 rounds=64)', async (entry) => {
    const cake = bake(65539);
    const { eaten } = await eatOnce(entry, cake, 64);
    verifyEaten(entry.name, hash, eaten, expectedFor(cake, 64), 64);
  });
});

describe('phases', () => {
  it('simd times the copy into wasm memory as send and the kernel as eat', async () => {
    const { phases } = await eatOnce(simd, bake(1000), 64);
    expect(Object.keys(phases)).toEqual(['send', 'eat']);
    expect(phases.eat).toBeGreaterThan(0);
  });

  it('pool-simd reports send, eat and receive, and a friend failure names the chunk and the reason', async () => {
    const { phases } = await eatOnce(poolSimd, bake(1000), 64);
    expect(Object.keys(phases)).toEqual(['send', 'eat', 'receive']);
    await expect(eatOnce(poolSimd, bake(1000), 0)).rejects.toThrow(/friend [01] failed while eating chunk [01] \(slices (0\.\.499|500\.\.999)\): rounds must be/);
  });
});

describe('where WebAssembly SIMD or shared memory is missing', () => {
  const unshared: Host = { ...host, hasSharedMemory: false };

  it('finds the real kernels valid here', () => {
    for (const eat of [hash, stream]) {
      expect(simdUnavailable(eat)).toBeUndefined();
      expect(simdUnavailable(eat, 'shared')).toBeUndefined();
      expect(simd.unavailable?.(host, eat)).toBeUndefined();
      expect(poolSimd.unavailable?.(host, eat)).toBeUndefined();
    }
  });

  it('names what is missing when the engine rejects a module using a feature it lacks', async () => {
    // Relaxed SIMD stands in for SIMD on an engine without it: Node 20 (this project's runtime) rejects it.
    const toolkit = await wabt();
    const module = toolkit.parseWat('relaxed.wat', '(module (func (param v128 v128 v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))))', { simd: true, relaxed_simd: true });
    const unsupported = module.toBinary({}).buffer;
    module.destroy();
    expect(WebAssembly.validate(unsupported as BufferSource), 'this engine knows relaxed SIMD: pick a feature it lacks').toBe(false);
    const withUnsupported = { ...hash, simd: { bytes: () => unsupported } };
    expect(simdUnavailable(withUnsupported)).toMatch(/^this engine rejects the WebAssembly eat kernel, which needs 128-bit SIMD\. Use Node >= 16\.4/);
    expect(simdUnavailable(withUnsupported, 'shared')).toMatch(/needs 128-bit SIMD and threads \(shared memory\)/);
  });

  it('pool-simd says so without shared memory, and the rest of the bench still runs', () => {
    expect(poolSimd.unavailable?.(unshared, hash)).toMatch(/^SharedArrayBuffer is unavailable/);
    const { strategies } = parseBenchArgs(readBenchOptions([]), unshared, hash);
    expect(strategies.map((entry) => entry.name)).toContain('simd');
    expect(strategies.map((entry) => entry.name)).not.toContain('pool-simd');
    expect(() => parseBenchArgs(readBenchOptions(['--strategies', 'pool-simd']), unshared, hash)).toThrow(UsageError);
    expect(() => parseBenchArgs(readBenchOptions(['--strategies', 'pool-simd']), unshared, hash)).toThrow(/pool-simd cannot run here: SharedArrayBuffer is unavailable/);
  });
});

describe('an eat function without a SIMD twin', () => {
  it('makes simd and pool-simd say so, and leaves them out of a default bench while the rest runs', () => {
    expect(simd.unavailable?.(host, sine)).toMatch(/^the eat function 'sine' has no WebAssembly SIMD twin/);
    expect(poolSimd.unavailable?.(host, sine)).toMatch(/^the eat function 'sine' has no WebAssembly SIMD twin/);
    const { strategies } = parseBenchArgs(readBenchOptions([]), host, sine);
    expect(strategies.map((entry) => entry.name)).not.toContain('simd');
    expect(strategies.map((entry) => entry.name)).toEqual(expect.arrayContaining(['loop', 'pool-shared']));
    expect(() => parseBenchArgs(readBenchOptions(['--strategies', 'simd']), host, sine)).toThrow(/simd cannot run here: the eat function 'sine' has no WebAssembly SIMD twin/);
  });
});
