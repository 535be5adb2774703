// Explains a report: the machine's limits and each record's share of them, a cost model per strategy, the model's
// break-even beside the measured one, and the records the model does not fit. Everything is computed from the
// report's own measurements, so it can be redone on any report (an older file, a browser's export).
import { breakEvens, findMisfits } from './break-even-model.ts';
import { heldOutErrors, heldOutTargetPercent } from './held-out.ts';
import { findLimits, percentOfLimit, type FamilyOf } from './limits.ts';
import { defaultBytesPerSlice, fitModels } from './model.ts';
import type { BenchReport } from './record.ts';

/** A record more than this factor slower or faster than its model is flagged: beyond a sweep's noise (spreads of 10-50 %). */
export const misfitFactor = 2;

/** Adds limits, percentOfLimit on every record, models, breakEven, misfits and the held-out check to `report`; returns it. */
export function explain(report: BenchReport, familyOf: FamilyOf): BenchReport {
  const { opsPerSliceRound, bytesPerSlice } = report.environment.eat ?? {};
  const limits = findLimits(report, familyOf);
  for (const record of report.results) record.percentOfLimit = percentOfLimit(record, limits, familyOf, opsPerSliceRound, bytesPerSlice);
  const models = fitModels(report.results, bytesPerSlice ?? defaultBytesPerSlice);
  return Object.assign(report, {
    limits,
    models,
    breakEven: breakEvens(report.results, models),
    misfits: findMisfits(report.results, models, misfitFactor),
    misfitFactor,
    heldOut: heldOutErrors(report.results, bytesPerSlice ?? defaultBytesPerSlice),
    heldOutTargetPercent,
  });
}
