// The report's "Where it was measured" rows: the machine and clocks always, the GPU's adapter, kernel clock and
// wait when the report has them, from the probe (CLI) or else from the records themselves (the demo).
import { describe, expect, it } from 'vitest';
import type { BenchRecord, BenchReport } from '../src/record/record.ts';
import { environmentRows } from '../src/report/environment-rows.ts';

const environment = { runtime: 'node 20.20.2', cpus: 'AMD EPYC', cores: 2, hostClock: { name: 'performance.now' as const, resolutionMs: 7e-5 } };
const loop = { strategy: 'loop', clock: 'performance.now', phasesMs: { eat: 1 } };
const gpu = { strategy: 'gpu', clock: 'kernel: timestamp-query, overlapping encode and readback; other phases: performance.now', phasesMs: { kernel: 1 }, adapter: 'llvmpipe', wait: 'nap', kernel: 'eat.wgsl', workgroupSize: 64 };
const resident = { ...gpu, strategy: 'gpu-resident', clock: 'performance.now (no trustworthy timestamp-query, or --kernel-clock wall: ...)' };
const report = (results: object[], extra: Partial<BenchReport['environment']> = {}) => ({ environment: { ...environment, ...extra }, results: results as BenchRecord[] }) as BenchReport;
const value = (rows: { label: string; value: string }[], label: string) => rows.find((row) => row.label === label)?.value;

describe('environmentRows', () => {
  it('names the runtime, CPU, cores and host clock with its step, and no GPU rows for CPU records', () => {
    const rows = environmentRows(report([loop]));
    expect(rows.map((row) => row.label)).toEqual(['Runtime', 'CPU', 'Cores', 'Host clock', 'Eat function']);
    expect(value(rows, 'Eat function')).toMatch(/^hash \(u32, built in\): every run checked against its CPU twin, bit-exact$/); // a report from before eat functions were values
    expect(value(rows, 'Host clock')).toBe('performance.now, smallest step 70 ns (every wall time and CPU phase)');
  });

  it('takes the adapter, kernel clock and wait from the records when no probe ran, naming who used which clock', () => {
    const rows = environmentRows(report([loop, gpu, resident]));
    expect(value(rows, 'GPU adapter')).toBe('llvmpipe');
    expect(value(rows, 'Kernel clock')).toBe('timestamp-query (gpu), wall (gpu-resident); wall: submit to onSubmittedWorkDone on performance.now');
    expect(value(rows, 'Host wait')).toMatch(/^nap: polls for the first 0\.5 ms/);
    expect(value(rows, 'GPU kernel')).toBe('eat.wgsl; workgroup size 64');
  });

  it('gives the probed adapter and timestamps where the report measured them', () => {
    const probed = {
      gpu: {
        adapter: { description: 'SwiftShader Device', vendor: 'google', architecture: 'swiftshader' },
        timestampQuery: true,
        timestamps: { smallestStepNs: 4188, zeroOrNegativeShare: 0.02, passes: 200, quantization: 'off' },
        wait: 'spin' as const,
      },
    };
    const rows = environmentRows(report([gpu], probed));
    expect(value(rows, 'GPU adapter')).toBe('SwiftShader Device (vendor google, architecture swiftshader)');
    expect(value(rows, 'Kernel clock')).toBe("timestamp-query, the GPU's own clock: smallest step 4.2 us, 2% of 200 one-workgroup passes read zero or negative; quantization off");
    expect(value(rows, 'Host wait')).toBe('spin: awaits while Dawn polls in a busy loop');
  });
});
