// A timeline of one eating: who did what to which chunk, when. GPU strategies draw a row per stage (upload,
// kernel, readback, split where a stage has a host side and a device side), pools a row per friend. From a GPU
// timeline come the overlap figures of CUDA's simpleMultiCopy: the serial sum (no overlap), the slowest stage
// (full overlap), and how much of the way from the one to the other the measured wall time went.

/** One interval: `stage` of `chunk`, drawn in `row`, in ms from the eating's start. */
export interface TimelineBar {
  row: string;
  stage: string;
  chunk: number;
  startMs: number;
  endMs: number;
}

export interface Timeline {
  /** 'stages': rows are pipeline stages (overlap figures apply); 'friends': rows are a pool's friends. */
  kind: 'stages' | 'friends';
  /** The rows, top to bottom. */
  rows: string[];
  bars: TimelineBar[];
  /** Which clock each kind of bar is on, in words (GPU timestamps aligned to the host's clock, or wall clock). */
  clock: string;
}

/** What overlapping the stages bought, from a 'stages' timeline and the measured wall time of the same eating. */
export interface Overlap {
  /** Every stage's bars added up: the wall time with no overlap at all (the no-overlap bound). */
  serialMs: number;
  /** The slowest stage's bars added up: the wall time with perfect overlap (the full-overlap bound). */
  overlapBoundMs: number;
  /** (serial - measured) / (serial - bound): 0 when nothing overlapped, 1 at the bound; undefined for one stage. */
  overlapEfficiency?: number;
  /** Per stage: ms of its bars during which another stage's bars ran too (the part hidden behind others). */
  hiddenMs: Record<string, number>;
}

/** Sorted, merged [start, end) intervals. */
function union(bars: readonly TimelineBar[]): [number, number][] {
  const sorted = bars.map((b) => [b.startMs, b.endMs] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Length of the intersection of two unions. */
function sharedMs(a: [number, number][], b: [number, number][]): number {
  let total = 0;
  for (const [aStart, aEnd] of a) for (const [bStart, bEnd] of b) total += Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
  return total;
}

const round = (ms: number) => Math.round(ms * 1e4) / 1e4;

/** Adds each stage's bars: the phases a 'stages' timeline reports. */
export function stageTotals(timeline: Timeline): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const bar of timeline.bars) totals[bar.stage] = (totals[bar.stage] ?? 0) + (bar.endMs - bar.startMs);
  return totals;
}

export function overlapOf(timeline: Timeline, measuredMs: number): Overlap {
  const totals = stageTotals(timeline);
  const serialMs = Object.values(totals).reduce((sum, ms) => sum + ms, 0);
  const overlapBoundMs = Math.max(0, ...Object.values(totals));
  const hiddenMs: Record<string, number> = {};
  for (const stage of Object.keys(totals)) {
    const own = union(timeline.bars.filter((b) => b.stage === stage));
    const others = union(timeline.bars.filter((b) => b.stage !== stage));
    hiddenMs[stage] = round(sharedMs(own, others));
  }
  const room = serialMs - overlapBoundMs;
  return {
    serialMs: round(serialMs),
    overlapBoundMs: round(overlapBoundMs),
    ...(room > 0 ? { overlapEfficiency: round((serialMs - measuredMs) / room) } : {}),
    hiddenMs,
  };
}

/** The timeline with times rounded to 0.1 µs, so records stay compact. */
export function compactTimeline(timeline: Timeline): Timeline {
  return { ...timeline, bars: timeline.bars.map((b) => ({ ...b, startMs: round(b.startMs), endMs: round(b.endMs) })) };
}

/**
 * One chunk's trip in one eating, in ms since eat() began (the caller's and the friends' clocks share the epoch):
 * posted to its friend (`sentMs`), eaten (`eatStartMs`..`eatEndMs`, the friend's own clock; absent where the friend
 * reports no start, as pool-slice's one-slice messages), and back in the caller's hands (`backMs`).
 */
export interface ChunkSpan {
  chunk: number;
  friend: number;
  from: number;
  to: number;
  sentMs: number;
  eatStartMs?: number;
  eatEndMs?: number;
  backMs: number;
}

/** What a pool recorded of its last eating, for the demo's replay: when each friend arrived, and every chunk's trip. */
export interface EatTimeline {
  /** Per friend: ms from the first spawn to its ready reply (the start-up the friends cost). */
  arrivalsMs: number[];
  chunks: ChunkSpan[];
}
