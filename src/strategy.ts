// The Strategy interface: one way to eat a cake, with the phases it spent its time in.
import type { Cake, Eat, Element } from './eat.ts';
import type { UploadRoute } from './gpu/buffers.ts';
import type { WaitPolicy } from './gpu/wait.ts';
import type { Host } from './host.ts';
import type { Schedule } from './pool/schedule.ts';
import type { Timeline } from './timeline.ts';
import type { EatTimeline } from './timeline.ts';

/**
 * Named phases of one eating, in milliseconds. They add up to the wall time within the driver's tolerance;
 * the driver adds `unattributed` for the rest. Pools: send, eat, receive. GPU: upload, encode, kernel,
 * readback, copy-out (gpu-resident: encode, kernel, sync; minimal-gpu: total). Single-thread CPU: eat. No phase
 * is negative: where phases overlap (a GPU kernel on its own clock that began during encode), the overlap shows
 * as negative `unattributed`.
 */
export type Phases = Record<string, number>;

/**
 * The order phases happen in, and the one order every table, CSV and chart lists them in. A phase missing here
 * once sorted first in the terminal (copy-out before upload) because one of two copies of this list lacked it.
 */
export const phaseOrder: readonly string[] = ['upload', 'encode', 'send', 'eat', 'kernel', 'sync', 'receive', 'readback', 'copy-out', 'total', 'unattributed'];

/** `names` in phaseOrder; a phase it does not know yet goes just before `unattributed`, which is always last. */
export function inPhaseOrder(names: Iterable<string>): string[] {
  const rank = (name: string) => (phaseOrder.includes(name) ? phaseOrder.indexOf(name) : phaseOrder.indexOf('unattributed') - 0.5);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b));
}

/** A one-off cost paid before eating can start (worker spawn, device request, shader compile), in ms. */
export interface StartupCost {
  name: string;
  ms: number;
}

/** What a strategy knows about the run it is part of. */
export interface EatOptions {
  /** What eating a slice means: every strategy eats this function (src/eat.ts). */
  eat: Eat;
  rounds: number;
  /** Friends in a pool; ignored by single-thread strategies. */
  poolSize: number;
  /** GPU strategies: invocations per workgroup (default 64); 'auto' takes it from the host's tune cache (src/tune/auto.ts). */
  workgroupSize?: number | 'auto';
  /** gpu: how the cake reaches the device (default writeBuffer). */
  uploadRoute?: UploadRoute;
  /** GPU strategies: how the host waits for the device (default nap where the thread may block). */
  wait?: WaitPolicy;
  /** GPU strategies: 'auto' times kernels with trustworthy timestamp queries when present; 'wall' never does. */
  kernelClock?: 'auto' | 'wall';
  /** Pools that deal chunks (their entry says takesSchedule): how (default static, one equal block per friend). */
  schedule?: Schedule;
  /** GPU strategies: 'default' keeps WebGPU's default limits (128 MiB bindings) instead of the adapter's. */
  gpuLimits?: 'adapter' | 'default';
  /** gpu-stream: bytes per chunk (default from the device's limits and the cake, src/gpu/stream-sizes.ts). */
  chunkBytes?: number;
  /** gpu-stream: chunks in flight, each with its own slot in the ring (default 3). */
  inFlight?: number;
  /** GPU strategies: the most device memory the cake's buffers may take, to act out a small device on any adapter. */
  deviceMemoryBytes?: number;
}

/** One way to eat a cake. eat() resolves only when the eaten slices are readable on the host. */
export interface Strategy {
  readonly name: string;
  /** Which clock timed the phases ('performance.now', or 'timestamp-query' for GPU kernels). */
  readonly clock: string;
  /**
   * Where this strategy eats a cake without copying it: a zeroed cake of `n` slices in its own memory (a
   * WebAssembly memory, a SharedArrayBuffer), and a name for that memory. The suite copies the uneaten cake there
   * before prepare(), untimed, measuring that copy apart as the cost of passing (the record's `passing`), and hands
   * prepare() this very cake: it is eaten in place, reset() restoring the uneaten slices. Any other cake is eaten
   * as before (copied in by eat(), where the strategy copies).
   */
  cakeHome?(n: number, element: Element): { cake: Cake; where: string };
  /** Untimed setup: spawn friends, allocate buffers. May record start-up costs. */
  prepare(cake: Cake, options: EatOptions): Promise<StartupCost[]>;
  /** Untimed, before each eat(): put the uneaten cake back where an in-place strategy eats it. */
  reset?(): void;
  /** Timed: eats the whole cake once. */
  eat(): Promise<Phases>;
  /** Untimed, after eat(): brings eaten slices to the host where eat() leaves them on a device. */
  fetchEaten?(): Promise<void>;
  /** The eaten slices of the last eat(), for verification. */
  eaten(): Cake;
  /** Bytes this strategy copied to and from its eaters in one eat(), where it copies. */
  bytesCopied?(): number;
  /**
   * Who ate each slice in the last eat(): 0 for the calling thread, friend id + 1 for a pool's friend. For the
   * demo's picture; read after eat(), untimed.
   */
  eaters?(): Uint8Array;
  /**
   * Pools, for the demo's replay; read after eat(), untimed: when each friend arrived and each chunk's trip (sent,
   * eaten, back) in the last eat(). Recording it costs one clock read per message.
   */
  replay?(): EatTimeline;
  /**
   * GPU strategies, for the demo's picture, untimed: eats once with a watching kernel and returns the eaten cake
   * and, per slice, the turn in which its workgroup began eating.
   */
  watch?(): Promise<{ eaten: Cake; turns: Uint32Array }>;
  /** Pools: each friend's time spent eating in the last eat(), ms, read untimed (the record's imbalance). */
  friendsBusyMs?(): number[];
  /**
   * The last eat()'s intervals (per chunk: upload, kernel, readback; or each friend's send, eat, receive) in ms
   * from its start; untimed. The record keeps the median run's.
   */
  timeline?(): Timeline | undefined;
  /** Settings the record should carry: { poolSize: 2 }, { workgroupSize: 64 }, ... */
  settings?(): Record<string, string | number>;
  dispose(): Promise<void>;
}

/**
 * Who eats: the calling thread ('cpu'), its SIMD lanes ('simd'), friends ('pool', pool-simd's SIMD friends
 * included) or a GPU ('gpu').
 */
export type StrategyFamily = 'cpu' | 'simd' | 'pool' | 'gpu';

/**
 * Makes a fresh strategy for a host, and says what others need to know of it: a new strategy is its file and
 * one registry line, and no list of names elsewhere has to learn it.
 */
export interface StrategyEntry {
  readonly name: string;
  /** One line for `cake info` and the docs. */
  readonly summary: string;
  /** Who eats. A 'gpu' strategy takes the GPU options, and a run with one measures the GPU's copy routes and overheads. */
  readonly family: StrategyFamily;
  /**
   * Its colour in every chart of a report and the demo, apart from every other entry's (Sasha Trubetskoy's
   * distinct colours, told apart on white; a family keeps near itself: GPUs are blues).
   */
  readonly colour: string;
  /** Why a run that names no strategies leaves it out (--strategies, or a box ticked on the page, brings it back). */
  readonly leftOutByDefault?: string;
  /** A pool that deals its chunks by --schedule: one record per schedule asked for. */
  readonly takesSchedule?: boolean;
  /** Runs only in Node: the page does not offer it at all, rather than a box no browser can tick. */
  readonly isNodeOnly?: boolean;
  /** Why it cannot run in this host or eat this function, or undefined when it can. */
  unavailable?(host: Host, eat: Eat): string | undefined;
  create(host: Host): Strategy;
}
