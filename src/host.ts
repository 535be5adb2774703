// What a host (the Node CLI, the browser page) provides to the library: friends, machine facts, the GPU.
import type { Friend } from './pool/friend.ts';
import type { TuneCacheAccess } from './tune/auto.ts';

/** One reading of the host's memory, in bytes. */
export interface MemoryReading {
  /** Resident set of the whole process. */
  rssBytes: number;
  /** ArrayBuffer and SharedArrayBuffer memory of the calling thread. */
  arrayBufferBytes: number;
}

export interface Host {
  /** 'node 20.20.2', 'Chrome 156', ... */
  readonly runtime: string;
  readonly cpuModel: string;
  /** Logical cores this host may use: the default pool size. */
  readonly cores: number;
  /** Starts one worker that runs the friend side of src/pool/eat-friend.ts. */
  inviteFriend(id: number): Friend;
  /** Whether SharedArrayBuffer works here (a page needs cross-origin isolation). */
  readonly hasSharedMemory: boolean;
  /** WebGPU's entry point (navigator.gpu, or Dawn's in Node); undefined where there is none. */
  readonly gpu?: GPU;
  /** How this host's GPU quantizes timestamps, in words (Node: Dawn's quantization is turned off). */
  readonly timestampQuantization?: string;
  /** Why the GPU strategies cannot run here (no WebGPU, no adapter), when they cannot. */
  readonly gpuMissing?: string;
  /** Node only: the piscina worker script's path (bench/piscina-friend.ts, built). */
  readonly piscinaFriend?: string;
  /** Reads the process's memory (Node: process.memoryUsage); hosts that cannot leave it out. */
  readMemory?(): MemoryReading;
  /** Where `cake tune` keeps its results, for --workgroup-size auto; none: auto means 64. */
  readonly tuneCache?: TuneCacheAccess;
}
