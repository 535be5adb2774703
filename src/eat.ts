// The eat contract: what eating one slice means. An eat function is a value (built in under src/eats/, or a
// user's own module) that every strategy, kernel, friend, test and record takes; nothing imports one by name.

/** The element type of a cake's slices. */
export type Element = 'u32' | 'f32';
export const elements: readonly Element[] = ['u32', 'f32'];

/** A cake: Uint32Array for u32 eat functions, Float32Array for f32 ones. */
export type Cake = Uint32Array | Float32Array;

/**
 * How f32 results may differ from the CPU twin's. A slice passes when it is within any bound given; NaN never
 * passes. ulps: units in the last place; relative: |got - expected| / |expected|; absolute: |got - expected|.
 */
export interface Tolerance {
  ulps?: number;
  relative?: number;
  absolute?: number;
}

/** A piece of WGSL and where it came from, so compile errors name the file and line the reader wrote. */
export interface WgslPart {
  file: string;
  code: string;
  /** Line of `file` on which `code` begins (1 for a .wgsl file; the template's line for a module's string). */
  firstLine?: number;
}

/** Where a friend in another thread finds the same eat function: a built-in by name, or a module by URL. */
export type EatSource = { builtin: string } | { moduleUrl: string };

/** A WebAssembly SIMD twin: the kernel module (src/simd/kernel.ts's ABI), for a private or a shared memory. */
export interface SimdTwin {
  bytes(memory: 'private' | 'shared'): Uint8Array;
}

export interface Eat {
  readonly name: string;
  readonly element: Element;
  /** One line for `cake info`, the page and the docs. */
  readonly summary: string;
  /** The CPU twin: eats one slice. For u32 the result is taken mod 2^32; for f32 it is rounded to f32. */
  cpu(x: number, rounds: number): number;
  /** `fn eat(x: T, rounds: u32) -> T` (and any helpers it calls), T being u32 or f32 as `element` says. */
  readonly wgsl: WgslPart;
  /** f32 only: how far the other twins may be from the CPU twin. u32 results compare bit for bit. */
  readonly tolerance?: Tolerance;
  /** The uneaten slice at `index` of a cake of `n` (default: the index itself). */
  slice?(index: number, n: number): number;
  /**
   * How costly slice `x` is to eat, relative to the others (any positive scale), where the eat function knows: the
   * sorted cake (`--cake sorted`) lays cheap slices together by it. Lumpy eat functions give one.
   */
  cost?(x: number): number;
  /** A WebAssembly SIMD twin, where the eat function has one; the SIMD strategies need it. */
  readonly simd?: SimdTwin;
  readonly source: EatSource;
  /**
   * Arithmetic operations one round of one slice takes (the roofline's work): what places a record under the
   * compute or the memory limit. Without it (and bytesPerSlice) a record's intensity is unknown.
   */
  readonly opsPerSliceRound?: number;
  /** Bytes one eating of one slice moves to and from memory, whatever the rounds (a u32 read and written: 8). */
  readonly bytesPerSlice?: number;
}

/** A cake of `n` slices of `element`, zeroed; in shared memory when `isShared`. */
export function newCake(element: Element, n: number, isShared = false): Cake {
  return cakeOver(element, isShared ? new SharedArrayBuffer(n * 4) : new ArrayBuffer(n * 4), n);
}

/** A cake of `n` slices of `element` over existing memory (a WebAssembly memory's buffer, say), from byte 0. */
export function cakeOver(element: Element, buffer: ArrayBufferLike, n: number): Cake {
  return element === 'f32' ? new Float32Array(buffer, 0, n) : new Uint32Array(buffer, 0, n);
}

/** The same memory as a cake's, read as raw 32-bit patterns (for checksums, hex, and bit-exact comparison). */
export function bitsOf(cake: Cake): Uint32Array {
  return cake instanceof Uint32Array ? cake : new Uint32Array(cake.buffer, cake.byteOffset, cake.length);
}

/** Eats slices [from, to) of `cake` into the same positions of `eaten` (which may be `cake` itself). */
export function eatSlices(eat: Eat, cake: Cake, eaten: Cake, rounds: number, from = 0, to = cake.length): void {
  const cpu = eat.cpu;
  for (let i = from; i < to; i++) eaten[i] = cpu(cake[i]!, rounds);
}

/** Words for how an eat function's results are compared, for records and tables. */
export function comparisonOf(eat: Eat): string {
  if (eat.element === 'u32') return 'bit-exact';
  const { ulps, relative, absolute } = eat.tolerance ?? {};
  const bounds = [ulps !== undefined && `${ulps} ulps`, relative !== undefined && `relative ${relative}`, absolute !== undefined && `absolute ${absolute}`];
  return `within ${bounds.filter(Boolean).join(' or ')}`;
}

const fingerprints = new WeakMap<Eat, string>();

/**
 * A hash of the eat function: its name, element, tolerance, WGSL text, and what its CPU twin makes of a probe
 * cake (the CPU twin's behaviour, not its text, so a minified build hashes alike). Records carry it, so records of
 * different eat functions never compare as equal.
 */
export function eatHash(eat: Eat): string {
  let hash = fingerprints.get(eat);
  if (hash) return hash;
  let h = 0x811c9dc5; // FNV-1a
  const mix = (word: number) => {
    for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((word >>> shift) & 0xff), 0x01000193);
  };
  const text = [eat.name, eat.element, JSON.stringify(eat.tolerance ?? {}), eat.wgsl.code].join('\u0000');
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  const probe = newCake(eat.element, 64);
  for (let i = 0; i < probe.length; i++) probe[i] = eat.slice ? eat.slice(i * 97, 64 * 97) : i * 97;
  for (const rounds of [1, 3]) {
    const eaten = newCake(eat.element, probe.length);
    eatSlices(eat, probe, eaten, rounds);
    bitsOf(eaten).forEach(mix);
  }
  hash = (h >>> 0).toString(16).padStart(8, '0');
  fingerprints.set(eat, hash);
  return hash;
}
