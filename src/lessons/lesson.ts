// What a lesson is: one claim of the deck, shown with a live measurement on this machine that is verified.
import { bake } from '../cake.ts';
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import { measure, type Measurement, type StopRule } from '../measure/run.ts';
import { expectedEaten } from '../measure/verify.ts';
import { findStrategy } from '../strategies/index.ts';
import type { Schedule } from '../pool/schedule.ts';

export interface LessonContext {
  host: Host;
  poolSize: number;
  /** What eating a slice means in every lesson (the hash unless the reader picked another). */
  eat: Eat;
}

export interface LessonResult {
  /** The story, with the measured numbers in it. */
  lines: string[];
  /** What was checked, bit-exact, for the numbers to count. */
  verified: string;
}

export interface Lesson {
  /** The deck's words. */
  claim: string;
  run(context: LessonContext): Promise<LessonResult>;
}

/** Quick but still verified: all lessons together must stay under 30 s on a 2-core machine. */
export const lessonStopRule: StopRule = { warmupRuns: 1, minRuns: 5, minTimeMs: 30, maxTimeMs: 400 };

/** Measures one registered strategy on a fresh ordered cake of `n` slices; every run is verified. `schedule`: a pool's deal. */
export async function measureStrategy(context: LessonContext, name: string, n: number, rounds: number, { isShared = false, schedule }: { isShared?: boolean; schedule?: Schedule } = {}): Promise<Measurement> {
  const entry = findStrategy(name);
  if (!entry) throw new Error(`lesson: strategy "${name}" is not in the registry (src/strategies/index.ts).`);
  const { eat } = context;
  const why = entry.unavailable?.(context.host, eat);
  if (why) throw new Error(`lesson: ${name} cannot run here: ${why}`);
  const cake = bake(n, { isShared, eat });
  return measure(entry, context.host, cake, expectedEaten(eat, cake, rounds), { eat, rounds, poolSize: context.poolSize, ...(schedule ? { schedule } : {}) }, lessonStopRule);
}

/** '1.23 ms', '45.6 us', '789 ns' */
export function duration(ms: number): string {
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 2)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toFixed(1)} us`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

/** Nanoseconds per slice of a median eating time. */
export function nsPerSlice(ms: number, n: number): string {
  const ns = (ms * 1e6) / n;
  return ns >= 1000 ? `${(ns / 1000).toFixed(1)} us` : `${ns.toPrecision(3)} ns`;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
