// Compares a run with a baseline run (like clpeak's --compare): ratio per matching record, flagged only
// when the change is beyond both runs' measured noise.
import type { BenchRecord, BenchReport } from './record.ts';

/**
 * Fields that are measurements or explanations, not identity: everything else (strategy, n, rounds, cake, the eat
 * function, settings, the kernel that ran) must match. `tuned` is a sentence saying why a kernel was chosen (it
 * names the cache file), so two runs of the same kernel match whatever the sentence says. `eatHash` is checked
 * apart (compareReports), since records from before eat functions were values lack it.
 */
const notIdentity = new Set([
  'medianMs', 'minMs', 'p10Ms', 'p90Ms', 'spread', 'runs', 'samplesMs', 'phasesMs', 'clock', 'checksum', 'verified',
  'nsPerSliceRound', 'bytesCopied', 'peakRssGrowthBytes', 'peakArrayBufferGrowthBytes', 'tuned', 'comparison', 'eatHash',
  'serialMs', 'overlapBoundMs', 'overlapEfficiency',
  'friendsBusyMs', 'imbalance', 'idleShare', 'idealMs', 'percentOfIdeal',
]);

/** Records written before eat functions were values ate the hash on u32 cakes, and do not say so. */
const eatOfOlderRecords = { eat: 'hash', element: 'u32' };

/**
 * 'slower' / 'faster': the new p10-p90 range lies wholly above / below the baseline's, so the change is beyond
 * the noise of both. 'same': the ranges overlap.
 */
export type Verdict = 'slower' | 'faster' | 'same';

export interface Comparison {
  key: string;
  baseline: BenchRecord;
  current: BenchRecord;
  /** current median / baseline median: above 1 is slower. */
  ratio: number;
  verdict: Verdict;
}

export interface CompareResult {
  comparisons: Comparison[];
  /** Keys measured on one side only. */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  /** Keys on both sides whose eat functions share a name but not their sources (eatHash): never compared. */
  differentEat: string[];
  regressions: number;
}

/** The identity of a record: strategy, n, rounds and every setting, in a stable order. */
export function recordKey(record: BenchRecord): string {
  const identity = Object.entries({ ...eatOfOlderRecords, ...record })
    .filter(([field, value]) => !notIdentity.has(field) && (typeof value !== 'object' || value === null))
    .filter(([field, value]) => !(field === 'schedule' && value === 'static')) // static: the pools' only deal before schedules
    .sort(([a], [b]) => a.localeCompare(b));
  const { strategy, n, rounds } = record;
  const settings = identity.filter(([field]) => !['strategy', 'n', 'rounds'].includes(field));
  return [`${strategy} n=${n} rounds=${rounds}`, ...settings.map(([field, value]) => `${field}=${String(value)}`)].join(' ');
}

export function verdictOf(baseline: BenchRecord, current: BenchRecord): Verdict {
  if (current.p10Ms > baseline.p90Ms) return 'slower';
  if (current.p90Ms < baseline.p10Ms) return 'faster';
  return 'same';
}

/** Matches records by recordKey and compares their medians; records on one side only are listed, not dropped. */
export function compareReports(baseline: Pick<BenchReport, 'results'>, current: Pick<BenchReport, 'results'>): CompareResult {
  const baselineByKey = new Map(baseline.results.map((r) => [recordKey(r), r]));
  const currentKeys = new Set<string>();
  const comparisons: Comparison[] = [];
  const differentEat: string[] = [];
  for (const record of current.results) {
    const key = recordKey(record);
    currentKeys.add(key);
    const before = baselineByKey.get(key);
    if (!before) continue;
    if (before.eatHash && record.eatHash && before.eatHash !== record.eatHash) {
      differentEat.push(key);
      continue;
    }
    comparisons.push({ key, baseline: before, current: record, ratio: record.medianMs / before.medianMs, verdict: verdictOf(before, record) });
  }
  return {
    comparisons,
    onlyInBaseline: [...baselineByKey.keys()].filter((key) => !currentKeys.has(key)),
    onlyInCurrent: [...currentKeys].filter((key) => !baselineByKey.has(key)),
    differentEat,
    regressions: comparisons.filter((c) => c.verdict === 'slower').length,
  };
}
