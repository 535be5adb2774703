// The busy/idle chart: for each pool and schedule, each friend's time eating and time waiting in the median run.
// A static deal of a lumpy cake leaves long idle bars (the friends who drew the easy block wait for the slowest);
// dynamic and guided deals shorten them. Drawn only when records carry friendsBusyMs (pools).
import * as Plot from '@observablehq/plot';
import { formatSize } from '../record/crossover.ts';
import type { BenchRecord, BenchReport } from '../record/record.ts';
import { roundsLabel } from '../format/map.ts';
import type { Palette } from './colours.ts';
import { legend } from './legend.ts';
import type { Chart } from './chart.ts';

const width = 860;
const idleColour = '#d9d9d9'; // waiting is the absence of work: light grey beside the eat phase's colour

export interface BusyIdleRow {
  /** 'pool-shared static': one group of bars per pool and schedule. */
  pool: string;
  friend: string;
  state: 'busy' | 'idle';
  ms: number;
  /** The group's figures, for its label: imbalance and % of ideal. */
  note: string;
}

/** Per pool and schedule, the record at its largest cake and heaviest eat there: the most work to share. */
export function busyIdleRecords(report: BenchReport): BenchRecord[] {
  const best = new Map<string, BenchRecord>();
  for (const record of report.results) {
    if (!record.friendsBusyMs?.length) continue;
    const key = poolName(record);
    const held = best.get(key);
    if (!held || record.n > held.n || (record.n === held.n && record.rounds > held.rounds)) best.set(key, record);
  }
  return [...best.values()];
}

const poolName = (record: BenchRecord) => `${record.strategy} ${record.schedule ?? 'static'}`;

/** The median run's wall time: its phases add up to it (unattributed included). */
const wallOf = (record: BenchRecord) => Object.values(record.phasesMs).reduce((sum, ms) => sum + ms, 0);

/** Two bars per friend: busy (its own clock's eating time) and idle (the rest of the median run's wall time). */
export function busyIdleRows(report: BenchReport): BusyIdleRow[] {
  return busyIdleRecords(report).flatMap((record) => {
    const wallMs = wallOf(record);
    const note = `imbalance ${(record.imbalance ?? 1).toFixed(2)}, ${(record.percentOfIdeal ?? 0).toFixed(0)}% of ideal, n = ${formatSize(record.n)}, ${roundsLabel(record.rounds)}`;
    return record.friendsBusyMs!.flatMap((busyMs, friend) => [
      { pool: poolName(record), friend: `friend ${friend}`, state: 'busy' as const, ms: busyMs, note },
      { pool: poolName(record), friend: `friend ${friend}`, state: 'idle' as const, ms: Math.max(0, wallMs - busyMs), note },
    ]);
  });
}

export function busyIdleChart(report: BenchReport, palette: Palette): Chart {
  return {
    id: 'busy-idle',
    title: "Each friend's busy and idle time, per schedule",
    caption:
      'One group per pool and schedule (its largest cake, heaviest eat): each bar is one friend across the median run, busy while eating (timed by the friend) and idle for the rest of the wall time. ' +
      'Long grey ends are friends waiting for the slowest: imbalance = slowest / mean busy time, % of ideal = mean busy / wall.',
    render: () => {
      const rows = busyIdleRows(report);
      const pools = [...new Set(rows.map((r) => r.pool))];
      const friends = [...new Set(rows.map((r) => r.friend))];
      const notes = pools.map((pool) => rows.find((r) => r.pool === pool)!);
      const states = ['busy', 'idle'];
      const colours = [palette.phase('eat'), idleColour];
      return [
        legend(states.map((label, i) => ({ label, colour: colours[i]!, shape: 'box' as const, kind: 'phase' as const }))),
        Plot.plot({
          width, marginLeft: 80, marginRight: 20, height: pools.length * (22 * friends.length + 40) + 50,
          x: { label: 'ms of the median run', grid: true },
          y: { label: null, domain: friends },
          fy: { label: null, domain: pools, axis: null, padding: 0.3 }, // each group is named by its own label
          color: { type: 'ordinal', domain: states, range: colours, legend: false },
          marks: [
            Plot.barX(rows, { x: 'ms', y: 'friend', fy: 'pool', fill: 'state', order: states, tip: true }),
            Plot.text(notes, { fy: 'pool', text: (r: BusyIdleRow) => `${r.pool}: ${r.note}`, frameAnchor: 'top-left', dy: -12, fontSize: 10, fontWeight: 'bold' }),
            Plot.ruleX([0]),
          ],
        }),
      ];
    },
  };
}
