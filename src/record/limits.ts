// The machine's limits, from what one run measured, and each record's share of the limit that binds it (the
// roofline): bytes per second against the memory limit where the eat is memory-bound, operations per second
// against the compute limit where it is compute-bound. Which one binds comes from the eat's declared operations
// per slice-round and bytes per slice (src/eat.ts): its intensity, ops per byte, against the ridge of the two.
import type { BenchRecord, BenchReport } from './record.ts';
import type { ComputeLimit, Limits, PercentOfLimit } from './explained.ts';

/** Who eats, as the registry says (src/strategy.ts StrategyFamily); the CLI passes its registry's answer. */
export type FamilyOf = (strategy: string) => 'cpu' | 'simd' | 'pool' | 'gpu' | undefined;

function computeLimit(records: readonly BenchRecord[], msOf: (r: BenchRecord) => number | undefined, ops: number | undefined): ComputeLimit | undefined {
  const heaviest = Math.max(...records.map((r) => r.rounds));
  let best: ComputeLimit | undefined;
  for (const r of records.filter((r) => r.rounds === heaviest)) {
    const ms = msOf(r);
    if (!ms || ms <= 0) continue;
    const sliceRoundsPerS = (r.n * r.rounds) / (ms / 1000);
    if (!best || sliceRoundsPerS > best.sliceRoundsPerS) best = { sliceRoundsPerS, strategy: r.strategy, n: r.n, rounds: r.rounds };
  }
  return best && ops ? { ...best, opsPerS: best.sliceRoundsPerS * ops } : best;
}

/** The limits a report's measurements show. */
export function findLimits(report: BenchReport, familyOf: FamilyOf): Limits {
  const limits: Limits = {};
  const memory = memoryLimit(report);
  if (memory) limits.memory = memory;
  const ops = report.environment.eat?.opsPerSliceRound;
  const cpu = report.results.filter((r) => familyOf(r.strategy) !== 'gpu' && familyOf(r.strategy) !== undefined);
  const cpuLimit = computeLimit(cpu, (r) => r.medianMs, ops);
  if (cpuLimit) limits.cpuCompute = { ...cpuLimit, measuredBy: 'the fastest CPU strategy (SIMD kernels on all cores where the eat has them) at its heaviest rounds, whole eating' };
  const gpu = report.results.filter((r) => familyOf(r.strategy) === 'gpu');
  const gpuLimit = computeLimit(gpu, (r) => r.phasesMs.kernel, ops);
  if (gpuLimit) limits.gpuCompute = { ...gpuLimit, measuredBy: "the GPU kernel's phase alone, fastest GPU record at its heaviest rounds" };
  return limits;
}

const oneCore = 'memcpy, one core';

/** Who streamed an in-place rate (route `stream:<strategy>`), in words for the limit's `by`. */
export function streamedBy(route: string): string {
  const strategy = route.replace(/^stream:/, '');
  return `${strategy} streaming in place, ${strategy === 'simd' ? 'one core' : 'all cores'}`;
}

/**
 * Host memory, read + write, at each size: the largest of memcpy on one core and a cake streamed in place by one
 * core and by all cores (a sweep's inPlaceMemory), each size saying which one it is.
 */
function memoryLimit(report: BenchReport): Limits['memory'] {
  const rates = [
    ...(report.copies ?? []).filter((c) => c.route === 'memcpy').map((c) => ({ c, by: oneCore })),
    ...(report.inPlaceMemory ?? []).map((c) => ({ c, by: streamedBy(c.route) })),
  ];
  if (rates.length === 0) return undefined;
  const sizes = [...new Set(rates.map(({ c }) => c.n))].sort((a, b) => a - b);
  const bySize = sizes.map((n) => {
    const best = rates.filter(({ c }) => c.n === n).reduce((a, b) => (b.c.gbPerS > a.c.gbPerS ? b : a));
    return { n, gbPerS: 2 * best.c.gbPerS, by: best.by }; // read + write
  });
  const isInPlace = (report.inPlaceMemory ?? []).length > 0;
  const measuredBy = isInPlace
    ? 'at each cake size the largest of memcpy on one core and a cake streamed in place by one core and by all cores (bytes read + written per second; by says which)'
    : 'memcpy on one core (bytes read + bytes written per second), at each cake size';
  return { peakGbPerS: Math.max(...bySize.map((s) => s.gbPerS)), bySize, measuredBy };
}

/** The memory limit at `n`: memcpy at the nearest size measured (in log n), so caches count for small cakes. */
export function memoryGbPerSAt(limits: Limits, n: number): number | undefined {
  const sizes = limits.memory?.bySize ?? [];
  if (sizes.length === 0) return undefined;
  return sizes.reduce((a, b) => (Math.abs(Math.log2(b.n / n)) < Math.abs(Math.log2(a.n / n)) ? b : a)).gbPerS;
}

/**
 * Where a record sits under its roofline: intensity I = ops x rounds / bytes; the ceiling is
 * min(compute, I x memory); the record is memory-bound when I x memory is the lower one.
 */
export function percentOfLimit(record: BenchRecord, limits: Limits, familyOf: FamilyOf, ops?: number, bytesPerSlice?: number): PercentOfLimit {
  const compute = familyOf(record.strategy) === 'gpu' ? limits.gpuCompute : limits.cpuCompute;
  const memoryGbPerS = memoryGbPerSAt(limits, record.n);
  if (!ops || !bytesPerSlice || !compute?.opsPerS || !memoryGbPerS) return { limit: 'unknown intensity' };
  const intensityOpsPerByte = (ops * record.rounds) / bytesPerSlice;
  const seconds = record.medianMs / 1000;
  const achievedGopPerS = (record.n * record.rounds * ops) / seconds / 1e9;
  const computeGop = compute.opsPerS / 1e9;
  if (intensityOpsPerByte * memoryGbPerS < computeGop) {
    const achieved = (record.n * bytesPerSlice) / seconds / 1e9;
    return { limit: 'memory', percent: (100 * achieved) / memoryGbPerS, intensityOpsPerByte, achieved, ceiling: memoryGbPerS, unit: 'GB/s' };
  }
  const limit = familyOf(record.strategy) === 'gpu' ? 'gpu compute' : 'cpu compute';
  return { limit, percent: (100 * achievedGopPerS) / computeGop, intensityOpsPerByte, achieved: achievedGopPerS, ceiling: computeGop, unit: 'Gop/s' };
}
