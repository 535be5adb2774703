// Words for why parallel pays: the machine's limits and each record's share of them (best and worst), the
// model's break-even beside the measured one with one sentence each, and the records the model does not fit.
import { heldOutAgreement } from '../record/held-out.ts';
import { agreement } from '../record/break-even-model.ts';
import type { BreakEvenEntry } from '../record/explained.ts';
import { formatSize } from '../record/crossover.ts';
import type { BenchReport } from '../record/record.ts';
import { roundsLabel } from './map.ts';

const costNames: Record<number, string> = { 1: 'light', 64: 'medium', 1024: 'heavy' };
const costName = (rounds: number) => (costNames[rounds] ? `${costNames[rounds]} cost` : `${rounds} rounds`);

/** '4k', '1.2M', '850': slices as a person says them. */
export function aboutSlices(n: number): string {
  if (n >= 1e9) return `${(n / 2 ** 30).toPrecision(2)}Gi`;
  if (n >= 1e6) return `${(n / 2 ** 20).toPrecision(2)}Mi`;
  if (n >= 1e3) return `${(n / 2 ** 10).toPrecision(2)}k`;
  return n.toFixed(0);
}

const ns = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(2));
const ms = (value: number) => (value >= 1 ? value.toFixed(2) : value.toPrecision(2));

/** One sentence: why the strategy pays (or not) at these rounds, in the cake's words and the model's numbers. */
export function reason(e: BreakEvenEntry): string {
  const extraMs = e.fixedMs - e.loopFixedMs;
  const perSlice = `${ns(e.nsPerSlice)} ns a slice against the loop's ${ns(e.loopNsPerSlice)} (${ns(e.loopNsPerSliceRound)} ns a slice-round)`;
  switch (e.predicted) {
    case 'from':
      return `${e.strategy} pays from about ${aboutSlices(e.predictedN!)} slices at ${costName(e.rounds)}: its ${ms(extraMs)} ms more fixed cost per eating is repaid once the ${ns(e.loopNsPerSlice - e.nsPerSlice)} ns it saves a slice add up to more (${perSlice}).`;
    case 'always':
      return `${e.strategy} pays at every size at ${costName(e.rounds)}: no more fixed cost than the loop (${ms(e.fixedMs)} ms vs ${ms(e.loopFixedMs)} ms) and ${perSlice}.`;
    case 'never':
      return `${e.strategy} never pays at ${costName(e.rounds)}: ${ms(extraMs)} ms more fixed cost per eating and no saving a slice (${perSlice}).`;
    case 'until':
      return `${e.strategy} pays only below about ${aboutSlices(e.predictedN!)} slices at ${costName(e.rounds)}: less fixed cost, but ${perSlice}.`;
  }
}

/** The measured n* in words: '2^14.3', 'always', 'never'. */
function measured(e: BreakEvenEntry): string {
  return e.measuredN !== undefined ? formatSize(e.measuredN) : e.measured;
}

function predicted(e: BreakEvenEntry): string {
  return e.predictedN !== undefined ? `${e.predicted === 'until' ? 'until ' : ''}${formatSize(e.predictedN)}` : e.predicted;
}

/** The break-even predicted beside measured, one line each with its reason, and how many agree within 1.5x. */
export function formatPredictedBreakEven(report: BenchReport): string {
  const entries = report.breakEven ?? [];
  if (entries.length === 0) return '';
  const { within, bracketed } = agreement(entries);
  const lines = [`Break-even, measured vs predicted by each strategy's cost model (${within} of ${bracketed} crossovers the sweep brackets within 1.5x):`];
  for (const e of entries) {
    const off = e.ratio !== undefined ? ` (${e.ratio.toFixed(2)}x)` : '';
    lines.push(`  ${e.strategy.padEnd(13)} ${roundsLabel(e.rounds).padEnd(14)} measured ${measured(e).padEnd(18)} predicted ${predicted(e)}${off}`);
    lines.push(`    ${reason(e)}`);
  }
  return lines.join('\n');
}

/** The limits measured, the models' fit, each record's % of limit (best and worst), and the misfits. */
export function formatLimits(report: BenchReport): string {
  const { limits, models = [], misfits = [] } = report;
  if (!limits) return '';
  const lines = ['Limits measured in this run:'];
  if (limits.memory) lines.push(`  memory      ${limits.memory.peakGbPerS.toFixed(1)} GB/s at best (${limits.memory.bySize.map((s) => `${formatSize(s.n)} ${s.gbPerS.toFixed(1)}${s.by && s.by !== 'memcpy, one core' ? ` (${s.by.replace(/ streaming in place, /, ' in place, ')})` : ''}`).join(', ')}): ${limits.memory.measuredBy}`);
  for (const [name, limit] of [['cpu compute', limits.cpuCompute], ['gpu compute', limits.gpuCompute]] as const) {
    if (!limit) continue;
    const ops = limit.opsPerS ? `, ${(limit.opsPerS / 1e9).toFixed(1)} Gop/s` : '';
    lines.push(`  ${name} ${(limit.sliceRoundsPerS / 1e9).toFixed(2)} G slice-rounds/s${ops} (${limit.strategy} at ${formatSize(limit.n)} x ${limit.rounds}): ${limit.measuredBy}`);
  }
  const placed = report.results.flatMap((r) => (r.percentOfLimit && r.percentOfLimit.limit !== 'unknown intensity' ? [{ r, p: r.percentOfLimit }] : []));
  if (placed.length === 0 && report.results.length > 0) {
    const why = report.environment.eat?.opsPerSliceRound ? 'no memory limit measured (a sweep or a GPU run measures memcpy)' : 'unknown intensity (the eat function declares no opsPerSliceRound and bytesPerSlice)';
    lines.push(`  % of limit: ${why}.`);
  }
  for (const strategy of [...new Set(placed.map(({ r }) => r.strategy))]) {
    const own = placed.filter(({ r }) => r.strategy === strategy).sort((a, b) => b.p.percent - a.p.percent);
    const show = ({ r, p }: (typeof own)[number]) => `${p.percent.toFixed(0)} % of ${p.limit} at ${formatSize(r.n)} x ${r.rounds}`;
    lines.push(`  ${strategy.padEnd(13)} best ${show(own[0]!)}; worst ${show(own.at(-1)!)}`);
  }
  if (models.length > 0) {
    lines.push('Cost model per strategy (time = fixed + bytes x per byte + slice-rounds x per slice-round; error = relative, over its records):');
    for (const m of models) {
      lines.push(`  ${m.strategy.padEnd(13)} fixed ${ms(m.fixedMs)} ms, ${m.nsPerByte.toPrecision(2)} ns/byte, ${m.nsPerSliceRound.toPrecision(2)} ns/slice-round; error rms ${m.rmsErrorPercent.toFixed(0)} %, worst ${m.maxErrorPercent.toFixed(0)} % (${m.points} records)`);
    }
  }
  const heldOut = formatHeldOut(report);
  if (heldOut) lines.push(heldOut);
  if (misfits.length > 0) {
    lines.push(`Records more than ${report.misfitFactor}x off their strategy's model, to look into (a model with one cost per byte cannot see caches):`);
    for (const f of misfits) lines.push(`  ${f.strategy} ${formatSize(f.n)} x ${f.rounds}: measured ${ms(f.measuredMs)} ms, model ${ms(f.predictedMs)} ms (${f.ratio.toFixed(2)}x)`);
  }
  return lines.join('\n');
}

/** The held-out check: each strategy's worst error at the size its refit never saw, against the target. */
export function formatHeldOut(report: BenchReport): string {
  const entries = report.heldOut ?? [];
  if (entries.length === 0) return '';
  const target = report.heldOutTargetPercent ?? 25;
  const { within, total } = heldOutAgreement(entries, target);
  const lines = [`Held out: each model fitted again without its largest cake predicts it within ${target} % in ${within} of ${total} records:`];
  for (const strategy of [...new Set(entries.map((e) => e.strategy))]) {
    const own = entries.filter((e) => e.strategy === strategy);
    const worst = own.reduce((a, b) => (Math.abs(b.errorPercent) > Math.abs(a.errorPercent) ? b : a));
    const sign = worst.errorPercent >= 0 ? '+' : '';
    lines.push(`  ${strategy.padEnd(13)} at ${formatSize(worst.n)}: worst ${sign}${worst.errorPercent.toFixed(0)} % (x ${worst.rounds}: predicted ${ms(worst.predictedMs)} ms, measured ${ms(worst.measuredMs)} ms; fitted on ${worst.fittedOn} smaller records)`);
  }
  return lines.join('\n');
}
