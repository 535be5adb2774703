// The pure parts of the report's charts: colours, log-axis ticks, start-up rows. The page itself is tested in
// report-html.test.ts on a real sweep.
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/record/record.ts';
import { reportPalette } from '../src/report/colours.ts';
import { logTicks } from '../src/report/log-ticks.ts';
import { startupMedians } from '../src/report/report-data.ts';
import { nodeStrategies } from '../bench/node-strategies.ts';
import { syntheticRecord } from './records.ts';

const routes = ['memcpy', 'upload:writeBuffer', 'upload:mappedAtCreation', 'upload:staging', 'readback', 'minimal:upload', 'minimal:readback'];

function reportWith(strategies: readonly string[], startup: BenchReport['startup'] = []): BenchReport {
  return {
    schema: 'parallel-cake/bench@1',
    environment: { runtime: 'node', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 1e-4 } },
    results: strategies.map((s) => syntheticRecord(s, 1024, 1, 1, { phasesMs: { upload: 1, encode: 1, send: 1, eat: 1, kernel: 1, sync: 1, receive: 1, readback: 1, 'copy-out': 1, total: 1, unattributed: 0 } })),
    startup,
    failures: [],
    copies: routes.map((route) => ({ route, n: 1024, bytes: 4096, medianMs: 1, p10Ms: 1, p90Ms: 1, gbPerS: 1, verified: true })),
  };
}

describe('the report palette', () => {
  const names = nodeStrategies.map((entry) => entry.name);

  it('gives every registered strategy its entry\'s colour, all apart from each other and from every copy route, and phases theirs', () => {
    const palette = reportPalette(reportWith(names), nodeStrategies);
    for (const entry of nodeStrategies) expect(palette.strategy(entry.name), entry.name).toBe(entry.colour);
    const strategyAndRoute = [...names.map(palette.strategy), ...routes.map(palette.route)];
    expect(new Set(strategyAndRoute).size).toBe(names.length + routes.length);
    const phases = ['upload', 'encode', 'send', 'eat', 'kernel', 'sync', 'receive', 'readback', 'copy-out', 'total', 'unattributed'].map(palette.phase);
    expect(new Set(phases).size).toBe(phases.length);
  });

  it('keeps a strategy its colour whatever else the report holds, and gives a new one a colour of its own', () => {
    const all = reportPalette(reportWith([...names, 'pool-new']), nodeStrategies);
    expect(reportPalette(reportWith(['gpu']), nodeStrategies).strategy('gpu')).toBe(all.strategy('gpu'));
    expect(names.map(all.strategy)).not.toContain(all.strategy('pool-new'));
    expect(all.strategy('pool-new')).toBe(all.strategy('pool-new'));
  });
});

describe('log-axis ticks', () => {
  it('labels each power of ten over three decades or more', () => {
    expect(logTicks([0.003, 0.5, 40])).toEqual([0.01, 0.1, 1, 10]);
  });

  it('steps 1-2-5, then every step, when the values span less, so an axis never reads one label', () => {
    expect(logTicks([3, 70])).toEqual([5, 10, 20, 50]);
    expect(logTicks([3, 8])).toEqual([3, 4, 5, 6, 7, 8]);
    expect(logTicks([12, 13])).toEqual([12, 13]);
  });
});

describe('start-up rows', () => {
  it('takes one median per strategy and kind of cost, never across kinds', () => {
    const startup = [
      { strategy: 'gpu', name: 'adapter + device request', ms: 12 },
      { strategy: 'gpu', name: 'adapter + device request', ms: 14 },
      { strategy: 'gpu', name: 'first dispatch (submit to done)', ms: 1 },
      { strategy: 'pool-copy', name: 'worker spawn (2 friends, spawn to first reply)', ms: 50 },
    ];
    expect(startupMedians(reportWith(['gpu', 'pool-copy'], startup))).toEqual([
      { strategy: 'gpu', what: 'gpu: adapter + device request', ms: 13, count: 2 },
      { strategy: 'gpu', what: 'gpu: first dispatch', ms: 1, count: 1 },
      { strategy: 'pool-copy', what: 'pool-copy: worker spawn', ms: 50, count: 1 },
    ]);
  });
});
