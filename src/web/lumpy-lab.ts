// The lab's lumpy cake: eat the Mandelbrot picture with a pool and a schedule (or the GPU), measured and verified,
// then show the eaten picture, the same picture coloured by who ate each pixel, and a busy/idle bar per friend.
import { bake } from '../cake.ts';
import { mandelbrot } from '../eats/mandelbrot.ts';
import type { Host } from '../host.ts';
import { describeEnvironment } from '../measure/environment.ts';
import { eatToShow } from '../measure/show.ts';
import { runPlan } from '../measure/suite.ts';
import { scheduleKinds, type ScheduleKind } from '../pool/schedule.ts';
import type { BenchRecord } from '../record/record.ts';
import { findStrategy } from '../strategies/index.ts';
import { drawBusyBars } from './busy-bars.ts';
import { drawEatersPicture, drawPicture, pictureSize } from './mandelbrot-view.ts';

const slices = 2 ** 16; // a 351 x 187 picture: big enough to see the set, about 20 ms to eat on one core
const rounds = 256;
const eaters = ['pool-shared', 'pool-transfer', 'gpu-resident'];
const stop = { warmupRuns: 1, minRuns: 5, minTimeMs: 0, maxTimeMs: 2_000 };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Fills the strategy list with those that can eat the Mandelbrot cake here; the schedule applies to pools only. */
export function setUpLumpyLab(host: Host): void {
  const strategySelect = byId<HTMLSelectElement>('lumpy-strategy');
  const scheduleSelect = byId<HTMLSelectElement>('lumpy-schedule');
  for (const name of eaters) {
    const why = findStrategy(name)?.unavailable?.(host, mandelbrot);
    strategySelect.add(Object.assign(new Option(why ? `${name} (cannot run here)` : name, name), { disabled: Boolean(why), title: why ?? '' }));
  }
  strategySelect.value = eaters.find((name) => !findStrategy(name)?.unavailable?.(host, mandelbrot)) ?? eaters[0]!;
  for (const kind of scheduleKinds) scheduleSelect.add(new Option(kind, kind));
  const followSchedule = () => (scheduleSelect.disabled = !findStrategy(strategySelect.value)?.takesSchedule);
  strategySelect.onchange = followSchedule;
  followSchedule();
  const { width, height } = pictureSize(slices);
  byId('lumpy-size').textContent = `${width} x ${height}`;
}

/** Measures the chosen eater on the Mandelbrot cake (every run verified), then draws what it ate and who ate it. */
export async function eatLumpyCake(host: Host, interrupt: AbortSignal): Promise<BenchRecord | undefined> {
  const entry = findStrategy(byId<HTMLSelectElement>('lumpy-strategy').value)!;
  const schedule = { kind: byId<HTMLSelectElement>('lumpy-schedule').value as ScheduleKind };
  const schedules = entry.takesSchedule ? [schedule] : undefined;
  const plan = { eat: mandelbrot, strategies: [entry], sizes: [slices], rounds: [rounds], order: 'ordered' as const, poolSize: host.cores, stop, ...(schedules ? { schedules } : {}) };
  const report = await runPlan(plan, host, describeEnvironment(host), undefined, interrupt);
  const record = report.results[0];
  if (!record) throw new Error(report.failures[0]?.error ?? `${entry.name} did not eat the Mandelbrot cake`);
  const shown = await eatToShow(entry, host, bake(slices, { eat: mandelbrot }), { eat: mandelbrot, rounds, poolSize: host.cores, ...(entry.takesSchedule ? { schedule } : {}) });
  drawPicture(byId('lumpy-picture'), shown.eaten, rounds);
  drawEatersPicture(byId('lumpy-eaters'), shown.eaters, shown.turns);
  drawBusyBars(byId('lumpy-bars'), record);
  const who = record.schedule ? `${record.strategy}, ${record.schedule} schedule, ${record.poolSize} friends` : record.strategy;
  byId('lumpy-eaters-caption').textContent = shown.turns
    ? `Coloured by the turn in which each pixel's workgroup began (dark: first, light: last), as the kernel recorded.`
    : `Coloured by who ate each pixel (${who}), from one more verified eating.`;
  byId('lumpy-summary').textContent = record.friendsBusyMs
    ? `${who}: median ${record.medianMs.toFixed(2)} ms; the busiest friend ate ${(record.imbalance ?? 1).toFixed(2)}x the mean, the friends idled ${(100 * (record.idleShare ?? 0)).toFixed(0)}% of the time, ${(record.percentOfIdeal ?? 0).toFixed(0)}% of ideal. Every run verified (checksum ${record.checksum}).`
    : `${who}: median ${record.medianMs.toFixed(2)} ms. Every run verified (checksum ${record.checksum}).`;
  return record;
}
