// The built `cake` CLI as a user runs it: Ctrl-C during a sweep, --compare exit codes, usage errors.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';
import type { BenchReport } from '../src/record/record.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('cake bench --sweep, interrupted by Ctrl-C', () => {
  it('stops after the record in flight, writes what was measured, says so and exits 130', async () => {
    const dir = tempDir('cake-sigint-');
    const json = join(dir, 'sweep.json');
    const child = spawn(process.execPath, [cli, 'bench', '--sweep', '--strategies', 'loop,pool-shared', '--sizes', '2^10,2^12,2^14,2^16,2^18', '--json', json, '--report', join(dir, 'report')]);
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const interrupted = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if ((stderr.match(/verified 0x/g) ?? []).length >= 2 && !child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await interrupted;
    expect(exitCode).toBe(130);
    expect(stderr).toContain('Ctrl-C: stopping after the record in flight');
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report.results.length).toBeGreaterThanOrEqual(2);
    expect(report.results.length).toBeLessThan(30); // 5 sizes x 3 rounds x 2 strategies: it did stop early
    expect(report.results.every((r) => r.verified)).toBe(true);
    expect(report.interrupted!.cellsNotMeasured).toBe(30 - report.results.length - (report.skipped?.length ?? 0) - report.failures.length);
    expect(stdout).toContain(`Interrupted (Ctrl-C): kept the ${report.results.length} records measured`);
    expect(existsSync(join(dir, 'report', 'index.html'))).toBe(true);
  });
});

describe('cake bench on the CPU alone, interrupted by Ctrl-C', () => {
  it('hears Ctrl-C during synchronous eatings, ends after the record in flight, and a second Ctrl-C quits at once', async () => {
    const dir = tempDir('cake-sigint-');
    const json = join(dir, 'cpu.json');
    // loop eats on the main thread: without turns of the event loop between runs, the signal would wait for the end
    const child = spawn(process.execPath, [cli, 'bench', '--strategies', 'loop,map', '--sizes', '2^20,2^21', '--rounds', 'medium', '--runs', '1000', '--max-time', '60000', '--json', json]);
    let stderr = '';
    const sent: number[] = [];
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (sent.length === 0 && stderr.includes('[1/4] loop')) setTimeout(() => (child.kill('SIGINT'), sent.push(performance.now())), 500);
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(exitCode).toBe(130);
    expect(performance.now() - sent[0]!).toBeLessThan(20_000); // not the minute --runs 1000 would take
    expect(stderr).toContain('Ctrl-C: stopping after the record in flight');
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report.results.map((r) => r.strategy)).toEqual(['loop']);
    expect(report.interrupted).toEqual({ cellsNotMeasured: 3, signal: 'SIGINT' });

    // Friends eat while the main thread waits, so the first Ctrl-C is heard at once and the second finds SIGINT
    // given back to the system: the process ends mid-run (a run here takes about a second) and writes nothing.
    const again = spawn(process.execPath, [cli, 'bench', '--strategies', 'pool-shared', '--sizes', '2^19', '--rounds', 'heavy', '--runs', '1000', '--max-time', '60000', '--json', join(dir, 'never.json')]);
    let againErr = '';
    let isStarted = false;
    again.stderr.on('data', (chunk) => {
      againErr += chunk;
      if (againErr.includes('[1/1] pool-shared') && !isStarted) {
        isStarted = true;
        setTimeout(() => again.kill('SIGINT'), 300);
        setTimeout(() => again.kill('SIGINT'), 600);
      }
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => again.on('exit', (c, s) => resolve([c, s])));
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(existsSync(join(dir, 'never.json'))).toBe(false); // quit at once: nothing written
  });
});

describe('cake bench --compare', () => {
  it('prints ratios, exits 0, and exits 1 with --fail-on-regression when a record is slower beyond noise', () => {
    const dir = tempDir('cake-compare-');
    const base = join(dir, 'base.json');
    const first = cake('bench', '--strategies', 'loop', '--sizes', '2^16', '--rounds', 'medium', '--json', base);
    expect(first.status).toBe(0);
    // A baseline 100x faster than anything this machine can do: the new run must be flagged slower.
    const report = JSON.parse(readFileSync(base, 'utf8')) as BenchReport;
    for (const r of report.results) Object.assign(r, { medianMs: r.medianMs / 100, p10Ms: r.p10Ms / 100, p90Ms: r.p90Ms / 100 });
    const fast = join(dir, 'fast.json');
    writeFileSync(fast, JSON.stringify(report));
    const compared = cake('bench', '--strategies', 'loop', '--sizes', '2^16', '--rounds', 'medium', '--compare', fast);
    expect(compared.status).toBe(0);
    expect(compared.stdout).toMatch(/loop n=65536 rounds=64 cake=ordered .* (9\d|1\d\d)\.\d\dx +SLOWER/);
    const failing = cake('bench', '--strategies', 'loop', '--sizes', '2^16', '--rounds', 'medium', '--compare', fast, '--fail-on-regression');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('1 regression(s) beyond noise.');
  });

  it('fails --fail-on-regression when no record matches the baseline: nothing checked is not a pass', () => {
    const dir = tempDir('cake-compare-');
    const base = join(dir, 'base.json');
    expect(cake('bench', '--strategies', 'loop', '--sizes', '2^10', '--rounds', 'light', '--runs', '2', '--json', base).status).toBe(0);
    const other = cake('bench', '--strategies', 'loop', '--sizes', '2^11', '--rounds', 'light', '--runs', '2', '--compare', base, '--fail-on-regression');
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('NO matching records');
    expect(other.stderr).toMatch(/cake: --fail-on-regression: no record of this run matches one in .*base\.json, so nothing was checked/);
  });

  it('rejects sweep and compare options used wrongly with one line and exit code 2', () => {
    const budget = cake('bench', '--budget', '5m');
    expect(budget.status).toBe(2);
    expect(budget.stderr.trim()).toBe('cake: --budget applies to sweeps only. Example: cake bench --sweep --budget 5m');
    const badBudget = cake('bench', '--sweep', '--budget', 'soon');
    expect(badBudget.status).toBe(2);
    expect(badBudget.stderr).toContain('--budget: "soon" is not a time budget');
    const missing = cake('bench', '--compare', '/nonexistent/base.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('cake: --compare: /nonexistent/base.json does not exist. Write a baseline first with cake bench --json /nonexistent/base.json');
    const lonely = cake('bench', '--fail-on-regression');
    expect(lonely.status).toBe(2);
    expect(lonely.stderr).toContain('--fail-on-regression needs --compare FILE');
  });
});
