// Memory rates as a light eat moves its bytes: a cake streamed in place (the `stream` eat function at one round),
// each slice read and written once, by one core (simd) and by all cores at once (pool-simd, else pool-shared).
// memcpy alone is one core copying into a second array: friends eating together move more bytes than one core,
// and an in-place stream skips the target's read-for-ownership a copy pays, so records went over 100 % of a
// memcpy limit (simd at 283 % of memory at 2^22 on the loaded 2-core lab machine). Verified like every run; the
// friends' message round trip is counted, so at small cakes memcpy stays the larger.
import { bake, bytesPerSlice } from '../cake.ts';
import { stream } from '../eats/stream.ts';
import type { Host } from '../host.ts';
import type { CopyRecord } from '../record/record.ts';
import { poolShared } from '../strategies/pool-shared.ts';
import { poolSimd } from '../strategies/pool-simd.ts';
import { simd } from '../strategies/simd.ts';
import type { StrategyEntry } from '../strategy.ts';
import { measure, type StopRule } from './run.ts';
import { expectedEaten } from './verify.ts';

/** As a sweep samples a cell: a few runs, a short time; the record keeps its p10-p90. */
const stopRule: StopRule = { warmupRuns: 1, minRuns: 5, minTimeMs: 20, maxTimeMs: 500 };

/**
 * One core and all `poolSize` friends streaming a cake of `n` slices in place, as copy records (route
 * `stream:<strategy>`; bytes one side as memcpy's, so the limit doubles them for read + write). Leaves out what
 * cannot run here (no SIMD twin engine, no shared memory).
 */
export async function measureInPlaceMemory(host: Host, n: number, poolSize: number): Promise<CopyRecord[]> {
  const oneCore = [simd].find((e) => !e.unavailable?.(host, stream));
  const allCores = [poolSimd, poolShared].find((e) => !e.unavailable?.(host, stream));
  const cake = bake(n, { eat: stream });
  const expected = expectedEaten(stream, cake, 1);
  const rates: CopyRecord[] = [];
  for (const entry of [oneCore, allCores].filter((e): e is StrategyEntry => e !== undefined)) {
    const m = await measure(entry, host, cake, expected, { eat: stream, rounds: 1, poolSize }, stopRule);
    const bytes = n * bytesPerSlice;
    rates.push({ route: `stream:${entry.name}`, n, bytes, medianMs: m.medianMs, p10Ms: m.p10Ms, p90Ms: m.p90Ms, gbPerS: bytes / (m.medianMs * 1e6), verified: true });
  }
  return rates;
}
