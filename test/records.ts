// Synthetic bench records for the tests of pure functions (crossover, compare): real runs are tested elsewhere.
import type { BenchRecord } from '../src/record/record.ts';

/** A record with a median and a p10-p90 band of +-`noise` (a fraction of the median). */
export function syntheticRecord(strategy: string, n: number, rounds: number, medianMs: number, extra: Partial<BenchRecord> = {}, noise = 0.05): BenchRecord {
  return {
    strategy, n, rounds, cake: 'ordered',
    medianMs, minMs: medianMs * (1 - 2 * noise), p10Ms: medianMs * (1 - noise), p90Ms: medianMs * (1 + noise), spread: 2 * noise,
    runs: 10, samplesMs: [medianMs], phasesMs: { eat: medianMs }, clock: 'performance.now', checksum: '0x00000000', verified: true,
    nsPerSliceRound: (medianMs * 1e6) / (n * rounds),
    ...extra,
  };
}

/** loop and one contender over sizes, with given medians in ms. */
export function pairOverSizes(contender: string, rounds: number, sizes: number[], loopMs: number[], contenderMs: number[]): BenchRecord[] {
  return sizes.flatMap((n, i) => [syntheticRecord('loop', n, rounds, loopMs[i]!), syntheticRecord(contender, n, rounds, contenderMs[i]!)]);
}
