// The reference eating (the CPU twin over the whole cake), in turns: at 2^24 x heavy it takes a minute on one
// thread, and Ctrl-C, SIGTERM or the page's Stop must be heard during it, not after. About every 50 ms the event
// loop turns; once `stop` is aborted the eating ends and nothing is returned.
import { eatSlices, newCake, type Cake, type Eat } from '../eat.ts';
import { turnEventLoop } from '../turn-event-loop.ts';

const turnEveryMs = 50;
const sliceRoundsPerStep = 2 ** 22; // ~15 ms of hash between clock reads; a step is at least one slice

/** The CPU twin's eaten cake, as expectedEaten gives it, or undefined when `stop` came first. */
export async function referenceEaten(eat: Eat, cake: Cake, rounds: number, stop?: AbortSignal): Promise<Cake | undefined> {
  const eaten = newCake(eat.element, cake.length);
  const step = Math.max(1, Math.floor(sliceRoundsPerStep / rounds));
  let turnedMs = performance.now();
  for (let from = 0; from < cake.length; from += step) {
    eatSlices(eat, cake, eaten, rounds, from, Math.min(cake.length, from + step));
    if (performance.now() - turnedMs < turnEveryMs) continue;
    await turnEventLoop();
    if (stop?.aborted) return undefined;
    turnedMs = performance.now();
  }
  return eaten;
}
