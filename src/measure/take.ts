// Eats a small cake a few times, verified, and keeps the median run with everything it recorded: its phases,
// its pool timeline, who ate what, and the GPU's turns. For the demo's story, which replays one real eating.
import { checksum, hex } from '../cake.ts';
import type { Cake } from '../eat.ts';
import type { Host } from '../host.ts';
import type { EatTimeline } from '../timeline.ts';
import type { EatOptions, Phases, StartupCost, StrategyEntry } from '../strategy.ts';
import { closePhases } from './run.ts';
import { expectedEaten, verifyEaten } from './verify.ts';

export interface Take {
  strategy: string;
  n: number;
  /** The median run's wall time and its phases, `unattributed` included (they add up to wallMs). */
  wallMs: number;
  phasesMs: Phases;
  /** How many timed runs the median is of (one warm-up before them is discarded). */
  runs: number;
  timeline?: EatTimeline;
  /** Per slice: 0 the calling thread, friend id + 1 a friend. */
  eaters: Uint8Array;
  /** GPU strategies: per slice, the turn in which its workgroup began (from a separate, watched eating). */
  turns?: Uint32Array;
  startup: StartupCost[];
  bytesCopied: number;
  /** Whether the caller's cake reads as it did before eating (a copy was eaten), checked slice by slice. */
  isCallersCakeUntouched: boolean;
  checksum: string;
  settings: Record<string, string | number>;
}

/** Prepares `entry`, eats `cake` once to warm up and `runs` times more, verifying every eating; keeps the median run. */
export async function takeOf(entry: StrategyEntry, host: Host, cake: Cake, options: EatOptions, runs = 3): Promise<Take> {
  const uneaten = cake.slice();
  const expected = expectedEaten(options.eat, cake, options.rounds);
  const strategy = entry.create(host);
  try {
    const startup = await strategy.prepare(cake, options);
    const takes: { wallMs: number; phases: Phases; timeline?: EatTimeline; eaters?: Uint8Array }[] = [];
    for (let run = 0; run <= runs; run++) {
      strategy.reset?.();
      const startMs = performance.now();
      const phases = await strategy.eat();
      const wallMs = performance.now() - startMs;
      await strategy.fetchEaten?.();
      verifyEaten(entry.name, options.eat, strategy.eaten(), expected, options.rounds);
      if (run > 0) takes.push({ wallMs, phases, timeline: strategy.replay?.(), eaters: strategy.eaters?.().slice() });
    }
    const median = [...takes].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((takes.length - 1) / 2)]!;
    const isCallersCakeUntouched = cake.every((slice, i) => Object.is(slice, uneaten[i]));
    const eatenChecksum = hex(checksum(strategy.eaten()));
    const watched = await strategy.watch?.();
    if (watched) verifyEaten(`${entry.name} (watched)`, options.eat, watched.eaten, expected, options.rounds);
    return {
      strategy: entry.name,
      n: cake.length,
      wallMs: median.wallMs,
      phasesMs: closePhases(median),
      runs,
      ...(median.timeline ? { timeline: median.timeline } : {}),
      eaters: median.eaters ?? new Uint8Array(cake.length),
      ...(watched ? { turns: watched.turns } : {}),
      startup,
      bytesCopied: strategy.bytesCopied?.() ?? 0,
      isCallersCakeUntouched,
      checksum: eatenChecksum,
      settings: strategy.settings?.() ?? {},
    };
  } finally {
    await strategy.dispose();
  }
}
