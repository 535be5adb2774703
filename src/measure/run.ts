// Measures one strategy on one cake: warm-up, sampling until a stop rule, verification of every run.
import { checksum, hex } from '../cake.ts';
import type { Cake } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, StrategyEntry } from '../strategy.ts';
import { compactTimeline, overlapOf, type Overlap, type Timeline } from '../timeline.ts';
import { trackMemory, type MemoryGrowth } from './memory.ts';
import { summarize, type Summary } from './stats.ts';
import { turnEventLoop } from '../turn-event-loop.ts';
import { verifyEaten, type LargestError } from './verify.ts';
import { imbalanceOf, type Imbalance } from './imbalance.ts';
import { measureCopy } from './memcpy.ts';
import type { CopyRecord } from '../record/record.ts';

export interface StopRule {
  /** Discarded runs before sampling (JIT tier-up, first-touch page faults, lazy pipeline creation). */
  warmupRuns: number;
  /** Sample at least this many runs... */
  minRuns: number;
  /** ...and for at least this long. */
  minTimeMs: number;
  /** Stop once sampling has taken this long, whatever minRuns says, with at least `floorRuns` runs. */
  maxTimeMs: number;
}

export const defaultStopRule: StopRule = {
  warmupRuns: 1,
  minRuns: 10, // fewer makes the median jump between runs on a shared 2-core machine
  minTimeMs: 200,
  maxTimeMs: 10_000, // keeps a heavy 2^24 loop (about 45 s a run) from taking minutes per record
};
const eventLoopTurnMs = 50; // how often sampling lets the event loop turn: often enough for Ctrl-C, too rarely to cost
const floorRuns = 1; // a run longer than maxTimeMs is still measured once, and the record says runs: 1

export interface Measurement extends Summary, Partial<MemoryGrowth>, Imbalance, Partial<Overlap> {
  samplesMs: number[];
  /** The phases of the median run, with `unattributed` = wall - sum of phases (negative where they overlap). */
  phasesMs: Phases;
  clock: string;
  startup: StartupCost[];
  checksum: string;
  verified: true;
  bytesCopied: number;
  settings: Record<string, string | number>;
  /** The largest difference from the CPU twin over every run, warm-ups included (all zero when bit-exact). */
  largestError: LargestError;
  /** The median run's timeline, where the strategy keeps one (GPU stages, pool friends). */
  timeline?: Timeline;
  /**
   * Where the strategy has a home for its cake (Strategy.cakeHome): copying the caller's cake there, timed apart
   * and verified, route = where. The cost of passing, paid once per cake, never inside an eating.
   */
  passing?: CopyRecord;
}

/**
 * Creates, prepares and samples one strategy, verifying every run (warm-ups included) against `expected`.
 * A wrong slice throws, naming it; the strategy is disposed either way. Once `interrupt` is aborted, sampling
 * ends after the run in flight and the record says how many runs it has.
 */
export async function measure(
  entry: StrategyEntry,
  host: Host,
  cake: Cake,
  expected: Cake,
  options: EatOptions,
  stop: StopRule = defaultStopRule,
  interrupt?: AbortSignal,
): Promise<Measurement> {
  const memory = trackMemory(host);
  const strategy = entry.create(host);
  try {
    const home = strategy.cakeHome?.(cake.length, options.eat.element);
    const passing = home ? measureCopy(home.where, cake, home.cake) : undefined; // leaves the uneaten cake there
    const startup = await strategy.prepare(home?.cake ?? cake, options);
    memory.sample();
    const largestError: LargestError = { ulps: 0, relative: 0, absolute: 0 };
    const eatOnce = async () => {
      strategy.reset?.();
      const startMs = performance.now();
      const phases = await strategy.eat();
      const wallMs = performance.now() - startMs;
      const friendsBusyMs = strategy.friendsBusyMs?.().slice();
      const timeline = strategy.timeline?.();
      await strategy.fetchEaten?.();
      memory.sample();
      const error = verifyEaten(entry.name, options.eat, strategy.eaten(), expected, options.rounds);
      for (const key of ['ulps', 'relative', 'absolute'] as const) largestError[key] = Math.max(largestError[key], error[key]);
      return { wallMs, phases, friendsBusyMs, timeline };
    };
    let turnedMs = performance.now();
    const letEventsIn = async () => {
      if (performance.now() - turnedMs < eventLoopTurnMs) return;
      await turnEventLoop(); // between runs, never inside one: Ctrl-C is heard after the run in flight
      turnedMs = performance.now();
    };
    for (let run = 0; run < stop.warmupRuns; run++) {
      await eatOnce();
      await letEventsIn();
    }
    const samples: { wallMs: number; phases: Phases; friendsBusyMs?: number[]; timeline?: Timeline }[] = [];
    const samplingStartMs = performance.now();
    for (;;) {
      samples.push(await eatOnce());
      await letEventsIn();
      const elapsedMs = performance.now() - samplingStartMs;
      const isEnough = samples.length >= stop.minRuns && elapsedMs >= stop.minTimeMs;
      const isOverTime = elapsedMs >= stop.maxTimeMs && samples.length >= floorRuns;
      if (isEnough || isOverTime || interrupt?.aborted) break; // Ctrl-C: the record keeps the runs it has
    }
    const samplesMs = samples.map((sample) => sample.wallMs);
    const summary = summarize(samplesMs);
    const median = medianSample(samples);
    return {
      ...summary,
      samplesMs,
      phasesMs: closePhases(median),
      ...imbalanceOf(median.friendsBusyMs, median.wallMs),
      ...timelineFields(median),
      clock: strategy.clock,
      startup,
      checksum: hex(checksum(strategy.eaten())),
      verified: true,
      // A strategy without bytesCopied() eats on the calling thread: it has no eaters to copy to.
      bytesCopied: strategy.bytesCopied?.() ?? 0,
      ...memory.growth(),
      settings: strategy.settings?.() ?? {},
      largestError,
      ...(passing ? { passing } : {}),
    };
  } finally {
    await strategy.dispose();
  }
}

/** The median run's timeline and, for pipeline stages, what their overlap bought (src/timeline.ts). */
function timelineFields({ wallMs, timeline }: { wallMs: number; timeline?: Timeline }): Partial<Overlap> & { timeline?: Timeline } {
  if (!timeline) return {};
  return { timeline: compactTimeline(timeline), ...(timeline.kind === 'stages' ? overlapOf(timeline, wallMs) : {}) };
}

/** The sample whose wall time is the median (the lower middle one for an even count). */
function medianSample<T extends { wallMs: number }>(samples: T[]): T {
  const sorted = [...samples].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Adds `unattributed`, so the phases add up to the wall time exactly. */
export function closePhases({ wallMs, phases }: { wallMs: number; phases: Phases }): Phases {
  const attributedMs = Object.values(phases).reduce((sum, ms) => sum + ms, 0);
  return { ...phases, unattributed: wallMs - attributedMs };
}
