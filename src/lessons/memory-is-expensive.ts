// Lesson: memory can be expensive for large datasets; think how data is passed.
import type { Lesson } from './lesson.ts';
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

export const memoryIsExpensive: Lesson = {
  claim: 'Memory can be expensive for large datasets: think how data is passed',
  async run(context) {
    const lines = [`A ${mebibytes(slices * 4)} cake, light eating, passed three ways:`];
    const checksums = new Set<string>();
    for (const route of routes) {
      const m = await measureStrategy(context, route, slices, rounds);
      checksums.add(m.checksum);
      lines.push(`  ${route.padEnd(13)} ${duration(m.medianMs).padStart(9)}, copied ${mebibytes(m.bytesCopied ?? 0)} per eating, ${peakGrowth(m)}`);
    }
    return { lines, verified: `all three ate the cake exactly as the CPU twin (checksum ${[...checksums].join(', ')})` };
  },
};
