// The memory rate of all cores at once: memcpy is one core's, and friends eating a light cake together move more
// bytes than one core can, so a pool went over 100 % of a one-core limit on a quiet machine. Here friends eat the
// `stream` eat function at one round in place (pool-simd where it runs, else pool-shared): each slice read and
// written once, as memcpy reads and writes each byte once, verified like every run. Its message round trip is
// counted too, so at small cakes memcpy stays the larger and the limit stays memcpy's there.
import { bake, bytesPerSlice } from '../cake.ts';
import { stream } from '../eats/stream.ts';
import type { Host } from '../host.ts';
import type { CopyRecord } from '../record/record.ts';
import { poolShared } from '../strategies/pool-shared.ts';
import { poolSimd } from '../strategies/pool-simd.ts';
import { measure, type StopRule } from './run.ts';
import { expectedEaten } from './verify.ts';

/** As a sweep samples a cell: a few runs, a short time; the record keeps its p10-p90. */
const stopRule: StopRule = { warmupRuns: 1, minRuns: 5, minTimeMs: 20, maxTimeMs: 500 };

/**
 * All `poolSize` friends streaming a cake of `n` slices in place, as a copy record (route `stream:<strategy>`,
 * bytes one side as memcpy's, so the limit doubles it for read + write); undefined where no shared pool runs here.
 */
export async function measureAllCoresMemory(host: Host, n: number, poolSize: number): Promise<CopyRecord | undefined> {
  const entry = [poolSimd, poolShared].find((e) => !e.unavailable?.(host, stream));
  if (!entry) return undefined;
  const cake = bake(n, { eat: stream });
  const m = await measure(entry, host, cake, expectedEaten(stream, cake, 1), { eat: stream, rounds: 1, poolSize }, stopRule);
  const bytes = n * bytesPerSlice;
  return { route: `stream:${entry.name}`, n, bytes, medianMs: m.medianMs, p10Ms: m.p10Ms, p90Ms: m.p90Ms, gbPerS: bytes / (m.medianMs * 1e6), verified: true };
}
