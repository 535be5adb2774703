// The built `cake` CLI, run as a user runs it: good runs write verified JSON/CSV; bad input gets one clear
// line and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

/** The cells of one CSV line, with RFC 4180 quotes undone. */
function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replaceAll('""', '"') : cell!));
}

describe('cake bench with bad input', () => {
  it.each([
    [['--sizes', '0'], /^cake: --sizes: 0 slices is too few; a cake has at least 1 slice\. Example: --sizes 1,2\^20$/],
    [['--sizes', '-5'], /^cake: --sizes: -5 slices is too few; a cake has at least 1 slice\./],
    [['--sizes', '1.5'], /^cake: --sizes: 1\.5 is not a whole number of slices\. Example:/],
    [['--sizes', 'lots'], /^cake: --sizes: "lots" is not a size\. Use integers >= 1, powers like 2\^20, or 64k \/ 1Mi; example:/],
    [['--sizes', '2^40'], /^cake: --sizes: 2\^40 = 1099511627776 slices is over the limit of 2\^32 - 1/],
    [['--sizes', '2^31'], /^cake: --sizes: a cake of 2147483648 slices needs about 40\.0 GiB .* GiB of memory is free to use\. Use n <= \d+ \(about 2\^\d+\)\.$/],
    [['--rounds', '0'], /^cake: --rounds: "0" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\) or an integer 1\.\.\d+; example:/],
    [['--rounds', 'spicy'], /^cake: --rounds: "spicy" is not allowed\./],
    [['--strategies', 'loop,fork'], /^cake: --strategies: unknown strategy "fork"\. Known: loop, map, pool-copy, .*Example: --strategies loop,pool-shared$/],
    [['--bogus'], /^cake: unknown option "--bogus"\. Options: --strategies, .*Example: cake bench/],
    [['--sizes'], /^cake: --sizes needs a value\. Example: cake bench --sizes 2\^16,2\^20$/],
    [['--runs', '0'], /^cake: --runs: "0" is not allowed; use an integer >= 1\. Example: --runs 10$/],
    [['--cake', 'round'], /^cake: --cake: "round" is not allowed; use ordered or shuffled\. Example: --cake shuffled$/],
  ])('%j', (args, message) => {
    const result = cake('bench', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  });

  it('rejects an unknown command', () => {
    const result = cake('bake');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('cake: unknown command "bake". Commands: bench, tune, lessons, info, help. Example: cake bench --sizes 2^20');
  });
});

describe('cake bench', () => {
  it('prints a verified table and writes JSON and CSV in the record schema', () => {
    const dir = tempDir('cake-');
    const json = join(dir, 'out.json');
    const csv = join(dir, 'out.csv');
    const result = cake('bench', '--strategies', 'loop,pool-copy', '--sizes', '2^16', '--rounds', 'light,2', '--runs', '3', '--json', json, '--csv', csv);
    expect(result.stderr).toMatch(/\[1\/4\] loop n=65536 rounds=1/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^loop\s+65536\s+1\s.*0x5337aecb ok$/m); // the known checksum, DESIGN.md
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.schema).toBe('parallel-cake/bench@1');
    expect(report.environment).toMatchObject({ runtime: `node ${process.versions.node}`, cores: expect.any(Number), cpus: expect.any(String) });
    expect(report.results).toHaveLength(4);
    for (const record of report.results) {
      expect(record).toMatchObject({ verified: true, cake: 'ordered', n: 65536, clock: expect.any(String) });
      expect(record.runs).toBe(record.samplesMs.length);
      expect(record.minMs).toBeLessThanOrEqual(record.medianMs);
      expect(record.p10Ms).toBeLessThanOrEqual(record.p90Ms);
      const phaseSumMs = Object.values(record.phasesMs as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(record.samplesMs).toContainEqual(expect.closeTo(phaseSumMs, 6));
    }
    expect(report.results.find((r: { strategy: string }) => r.strategy === 'pool-copy').poolSize).toBeGreaterThan(0);
    expect(report.startup[0]).toMatchObject({ strategy: 'pool-copy', ms: expect.any(Number) });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^strategy,n,rounds,cake,poolSize,medianMs,.*phase_eat_ms/);
    expect(lines[0]).toMatch(/,adapter,workgroupSize,kernel,tuned,uploadRoute,wait,kernelClock$/); // appended: no older column moved
    expect(lines[1]).toMatch(/^loop,.*,{7}$/); // CPU strategies leave the GPU's columns empty
  });

  it.skipIf(isGpuSkipped)('writes the GPU\'s adapter, kernel, routes, wait and kernel clock in the CSV', () => {
    const dir = tempDir('cake-');
    const csv = join(dir, 'gpu.csv');
    const result = cake('bench', '--adapter', 'lavapipe', '--strategies', 'gpu', '--sizes', '2^12', '--rounds', 'light', '--runs', '3', '--min-time', '0', '--csv', csv);
    expect(result.status).toBe(0);
    const [header, row] = readFileSync(csv, 'utf8').trim().split('\n').map(csvCells);
    const gpu = Object.fromEntries(header!.map((column, i) => [column, row![i]]));
    expect(gpu).toMatchObject({ strategy: 'gpu', adapter: expect.stringMatching(/llvmpipe/), workgroupSize: expect.stringMatching(/^\d+$/), kernel: expect.stringMatching(/\.wgsl/), uploadRoute: 'writeBuffer', wait: 'nap', kernelClock: expect.stringMatching(/^(timestamp-query|wall)$/) });
    expect(row).toHaveLength(header!.length); // quoted commas in the adapter's name and the clock stay in their cells
  });

  it('eats a shuffled cake and says so in the record', () => {
    const dir = tempDir('cake-');
    const json = join(dir, 'out.json');
    const result = cake('bench', '--strategies', 'pool-shared', '--sizes', '1000', '--rounds', '1', '--runs', '2', '--cake', 'shuffled', '--json', json);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).results[0]).toMatchObject({ cake: 'shuffled', verified: true });
  });
});

describe('cake info', () => {
  it('names the runtime, CPU, cores and strategies', () => {
    const result = cake('info');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^runtime: node \d+\.\d+\.\d+$/m);
    expect(result.stdout).toMatch(/^cores: {3}\d+ \(the default pool size\)$/m);
    expect(result.stdout).toMatch(/^ {2}piscina +the piscina worker pool/m);
  });
});
