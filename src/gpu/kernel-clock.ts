// Which clock timed a GPU record's kernel phase. The strategies say it in their `clock` sentence; reports,
// the CSV and the HTML environment block need it as one word.
import type { Phases } from '../strategy.ts';

export type KernelClock = 'timestamp-query' | 'wall';

/** How a strategy's clock sentence begins when its kernel phase is on the GPU's timestamp clock. */
export const timestampClockPrefix = 'kernel: timestamp-query';

/** The kernel clock of a record, or undefined where it has no kernel phase (CPU strategies, minimal-gpu). */
export function kernelClockOf(record: { clock: string; phasesMs: Phases }): KernelClock | undefined {
  if (record.phasesMs.kernel === undefined) return undefined;
  return record.clock.startsWith(timestampClockPrefix) ? 'timestamp-query' : 'wall';
}
