// Lesson: memory can be expensive for large datasets; think how data is passed.
import { findStrategy } from '../strategies/index.ts';
import type { Lesson, LessonContext } from './lesson.ts';
import { duration, measureStrategy, mebibytes } from './lesson.ts';

const slices = 2 ** 22; // 16 MiB: copies show in the memory figures
const rounds = 1;
// Shared, transfer, clone: three ways to pass the cake, least memory first, because RSS rarely shrinks after a
// record, so a hungry route measured first would hide the growth of the ones after it.
const routes = ['pool-shared', 'pool-transfer', 'pool-copy'];

/** The memory figures, or that there are none: a page cannot read its memory, and 0.0 MiB would claim it grew none. */
function peakGrowth(m: { peakRssGrowthBytes?: number; peakArrayBufferGrowthBytes?: number }): string {
  if (m.peakRssGrowthBytes === undefined || m.peakArrayBufferGrowthBytes === undefined) return 'peak memory growth not measured in a browser';
  return `peak growth ${mebibytes(m.peakRssGrowthBytes)} RSS, ${mebibytes(m.peakArrayBufferGrowthBytes)} ArrayBuffers`;
}

/**
 * The SIMD kernel eats only WebAssembly memory: the cake is baked there, and copying the caller's cake in is
 * measured apart (the record's `passing`). On a light cake that copy is the larger cost (issue 14: 4.8 ms of copy
 * against 4.0 of eating at 2^22 on the 2-core lab machine), so it is told beside the eating, not hidden in it.
 */
async function simdPassing(context: LessonContext, checksums: Set<string>): Promise<string[]> {
  if (findStrategy('simd')?.unavailable?.(context.host, context.eat)) return [];
  const m = await measureStrategy(context, 'simd', slices, rounds);
  checksums.add(m.checksum);
  if (!m.passing) return [];
  return [`  simd          ${duration(m.medianMs).padStart(9)} eating in WebAssembly memory; passing the cake there, one copy measured apart, ${duration(m.passing.medianMs)} (${m.passing.gbPerS.toFixed(1)} GB/s)`];
}

export const memoryIsExpensive: Lesson = {
  claim: 'Memory can be expensive for large datasets: think how data is passed',
  async run(context) {
    const lines = [`A ${mebibytes(slices * 4)} cake, light eating, passed three ways (friends started once beforehand, so their own start-up is not counted as the cake's):`];
    await measureStrategy(context, 'pool-shared', 1024, rounds); // untold warm-up: the first pool's thread heaps
    const checksums = new Set<string>();
    for (const route of routes) {
      // pool-shared gets a cake baked in shared memory, as shared memory is used: else it would copy it there first
      const m = await measureStrategy(context, route, slices, rounds, { isShared: route === 'pool-shared' });
      checksums.add(m.checksum);
      lines.push(`  ${route.padEnd(13)} ${duration(m.medianMs).padStart(9)}, copied ${mebibytes(m.bytesCopied ?? 0)} per eating, ${peakGrowth(m)}`);
    }
    lines.push(...(await simdPassing(context, checksums)));
    lines.push("  What passing costs is the copied column. Peak growth also holds the bench's own keeping (pool-shared keeps an uneaten copy to restart each eating) and RSS that rarely shrinks: read it as a rough second figure.");
    return { lines, verified: `every one of them ate the cake exactly as the CPU twin (checksum ${[...checksums].join(', ')})` };
  },
};
