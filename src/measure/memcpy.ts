// The memcpy limit: how fast this host copies a cake from one array to another, the ceiling of every copy route.
import { bytesPerSlice } from '../cake.ts';
import { bitsOf, type Cake } from '../eat.ts';
import type { CopyRecord } from '../record/record.ts';
import { summarize } from './stats.ts';

const minCopies = 10; // enough samples for a p10-p90 spread
const minCopyTimeMs = 20; // small cakes copy in microseconds: sample for at least this long

/** Times `copy.set(cake)` (a plain memcpy in V8) and checks the copy is bit-exact. */
export function measureMemcpy(eatenOrNot: Cake): CopyRecord {
  return measureCopy('memcpy', eatenOrNot, new Uint32Array(eatenOrNot.length));
}

/**
 * Times copying `from` into `to` (any memory: an array, a WebAssembly memory's, a SharedArrayBuffer's) and checks
 * the copy is bit-exact; `to` holds `from`'s slices afterwards. `route` names the copy in the record.
 */
export function measureCopy(route: string, from: Cake, to: Cake): CopyRecord {
  const cake = bitsOf(from);
  const copy = bitsOf(to);
  copy.set(cake); // first touch of the target's pages is not part of a copy's cost
  const samplesMs: number[] = [];
  const startMs = performance.now();
  while (samplesMs.length < minCopies || performance.now() - startMs < minCopyTimeMs) {
    copy.fill(0);
    const copyStartMs = performance.now();
    copy.set(cake);
    samplesMs.push(performance.now() - copyStartMs);
  }
  const wrong = copy.findIndex((slice, i) => slice !== cake[i]);
  if (wrong >= 0) {
    throw new Error(`${route}: slice ${wrong} of the copy is ${copy[wrong]}, expected ${cake[wrong]} (n=${cake.length}); the host's memory is not trustworthy.`);
  }
  const { medianMs, p10Ms, p90Ms } = summarize(samplesMs);
  const bytes = cake.length * bytesPerSlice;
  return { route, n: cake.length, bytes, medianMs, p10Ms, p90Ms, gbPerS: bytes / (medianMs * 1e6), verified: true };
}
