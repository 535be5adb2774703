// Films from takes: turns what a measured eating recorded into the intervals the player replays. Nothing here is
// invented: a pool's bars are its chunks' own timestamps, a GPU's are its phases in the order they happen, and a
// single thread's is its one eating.
import { phaseOrder } from '../../strategy.ts';
import type { Take } from '../../measure/take.ts';
import type { Bar, Film } from './scene.ts';

const friendTrack = (friend: number) => `friend ${friend}`;

/** Per chunk: posted (send), eaten on the friend's clock (eat), back and placed (back). */
export function poolBars(take: Take, { eatsOn = 'cake', isReassembled = false, offsetMs = 0 }: { eatsOn?: 'cake' | 'plate'; isReassembled?: boolean; offsetMs?: number } = {}): Bar[] {
  const bars: Bar[] = [];
  for (const span of take.timeline?.chunks ?? []) {
    const track = friendTrack(span.friend);
    const slices = { from: span.from, to: span.to, eater: span.friend + 1 };
    const at = (ms: number) => ms + offsetMs;
    bars.push({ track, phase: 'send', fromMs: at(0), toMs: at(span.sentMs) });
    if (span.eatStartMs !== undefined && span.eatEndMs !== undefined) {
      bars.push({ track, phase: 'eat', fromMs: at(span.eatStartMs), toMs: at(span.eatEndMs), eats: { ...slices, on: eatsOn } });
      bars.push({ track, phase: 'back', fromMs: at(span.eatEndMs), toMs: at(span.backMs), ...(isReassembled ? { eats: { ...slices, on: 'reassembled' as const } } : {}) });
    } else {
      // One message per slice: each message a tick when it was posted and a tick when its answer came back (the
      // friend reports how long it ate, not when), the slice eaten in the picture when it is back.
      bars.pop();
      bars.push({ track, phase: 'out', fromMs: at(span.sentMs), toMs: at(span.sentMs) });
      bars.push({ track, phase: 'back', fromMs: at(span.backMs), toMs: at(span.backMs), eats: { ...slices, on: eatsOn } });
    }
  }
  return bars;
}

/** The phases of the median run, one after another on one track, in the order they happen. */
export function phaseBars(take: Take, track: string, eatingPhases: string[] = ['eat', 'kernel', 'total']): Bar[] {
  const bars: Bar[] = [];
  let atMs = 0;
  for (const phase of phaseOrder) {
    const ms = take.phasesMs[phase];
    if (ms === undefined || ms <= 0 || phase === 'unattributed') continue;
    const isEating = eatingPhases.includes(phase);
    bars.push({ track, phase, fromMs: atMs, toMs: atMs + ms, ...(isEating ? { eats: { from: 0, to: take.n, eater: 0, on: 'cake' as const }, isByTurns: Boolean(take.turns) } : {}) });
    atMs += ms;
  }
  return bars;
}

/** A film of `bars`; it spans the latest bar's end or the take's wall time, whichever is later. */
export function film(take: Take, bars: Bar[], extra: Partial<Film> = {}): Film {
  const endMs = Math.max(take.wallMs, ...bars.map((bar) => bar.toMs));
  return { n: take.n, bars, measuredMs: endMs, ...(take.turns ? { turns: take.turns } : {}), note: `the median of ${take.runs} verified eatings of ${take.n.toLocaleString('en')} slices`, ...extra };
}

/** '0.41 ms', '12.3 us' */
export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} us`;
}

export const sizeChoices = (exponents: number[]): [string, string][] => exponents.map((e) => [String(2 ** e), `${(2 ** e).toLocaleString('en')} slices`]);
export const roundChoices: [string, string][] = [['64', 'medium (64 rounds)'], ['1', 'light (1 round)'], ['1024', 'heavy (1024 rounds)']];
