// One phase order for the terminal, the CSV and the report's charts (src/strategy.ts's phaseOrder). The terminal
// once printed a gpu record's copy-out first: its own copy of the order lacked copy-out, sync and total.
import { describe, expect, it } from 'vitest';
import { formatTable, toCsv } from '../src/format/records.ts';
import type { BenchReport } from '../src/record/record.ts';
import { phaseNames } from '../src/report/report-data.ts';
import { inPhaseOrder } from '../src/strategy.ts';
import { syntheticRecord } from './records.ts';

// Keys deliberately out of order: what the terminal prints must come from the order, not from the record.
const gpuPhases = { unattributed: 0.1, 'copy-out': 0.2, readback: 0.3, kernel: 0.4, encode: 0.5, upload: 0.6 };
const residentPhases = { sync: 0.3, kernel: 0.4, encode: 0.5, unattributed: 0.1 };

function reportOf(...results: BenchReport['results']): BenchReport {
  return {
    schema: 'parallel-cake/bench@1',
    environment: { runtime: 'node', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 1e-4 } },
    results, startup: [], failures: [],
  };
}

/** The phase names of one record's line under "Phases of the median run", in the order printed. */
function printedPhases(table: string, strategy: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`  ${strategy} n=`))!;
  const list = line.slice(line.indexOf(': ') + 2, line.indexOf('  ['));
  return list.split(', ').map((item) => item.slice(0, item.lastIndexOf(' ')));
}

describe('the phase order', () => {
  const report = reportOf(
    syntheticRecord('gpu', 1024, 1, 2.1, { phasesMs: gpuPhases }),
    syntheticRecord('gpu-resident', 1024, 1, 1.3, { phasesMs: residentPhases }),
    syntheticRecord('loop', 1024, 1, 1, { phasesMs: { unattributed: 0, eat: 1 } }),
  );

  it('prints a gpu record\'s phases in the terminal as they happen: upload, encode, kernel, readback, copy-out, unattributed', () => {
    const table = formatTable(report);
    expect(printedPhases(table, 'gpu')).toEqual(['upload', 'encode', 'kernel', 'readback', 'copy-out', 'unattributed']);
    expect(printedPhases(table, 'gpu-resident')).toEqual(['encode', 'kernel', 'sync', 'unattributed']);
    expect(printedPhases(table, 'loop')).toEqual(['eat', 'unattributed']);
  });

  it('gives the CSV columns and the report\'s charts the same order', () => {
    const expected = ['upload', 'encode', 'eat', 'kernel', 'sync', 'readback', 'copy-out', 'unattributed'];
    expect(phaseNames(report)).toEqual(expected);
    const header = toCsv(report).split('\n')[0]!.split(',');
    expect(header.filter((column) => column.startsWith('phase_')).map((column) => column.slice('phase_'.length, -'_ms'.length))).toEqual(expected);
  });

  it('puts a phase it does not know yet before unattributed, which stays last', () => {
    expect(inPhaseOrder(['unattributed', 'defrost', 'eat'])).toEqual(['eat', 'defrost', 'unattributed']);
    expect(inPhaseOrder(['defrost', 'unattributed', 'upload'])).toEqual(['upload', 'defrost', 'unattributed']);
  });
});
