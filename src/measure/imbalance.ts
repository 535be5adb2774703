// How evenly friends shared the work of one run: from each friend's busy time (timed by the friend) and the wall.
import type { BenchRecord } from '../record/record.ts';

export type Imbalance = Pick<BenchRecord, 'friendsBusyMs' | 'imbalance' | 'idleShare' | 'idealMs' | 'percentOfIdeal'>;

/**
 * imbalance: the slowest friend's busy time / the mean (1 when all ate alike; a friend given nothing counts, at 0).
 * idealMs: the total busy time / friends, what the run would take if the work were spread perfectly and nothing
 * else cost. idleShare: the share of the friends' time (friends x wall) not spent eating. percentOfIdeal: idealMs as
 * a percentage of the wall time.
 */
export function imbalanceOf(friendsBusyMs: number[] | undefined, wallMs: number): Imbalance {
  if (!friendsBusyMs || friendsBusyMs.length === 0) return {};
  const totalMs = friendsBusyMs.reduce((sum, ms) => sum + ms, 0);
  const idealMs = totalMs / friendsBusyMs.length;
  return {
    friendsBusyMs,
    imbalance: idealMs > 0 ? Math.max(...friendsBusyMs) / idealMs : 1,
    idleShare: wallMs > 0 ? Math.max(0, 1 - totalMs / (friendsBusyMs.length * wallMs)) : 0,
    idealMs,
    percentOfIdeal: wallMs > 0 ? (100 * idealMs) / wallMs : 100,
  };
}
