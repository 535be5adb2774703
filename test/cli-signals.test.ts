// Real signals sent to the built `cake` at each phase of a bench: every way a run is stopped keeps what it
// measured, writes every output whole and exits 128 + the signal's number (SIGINT 130, SIGTERM 143, SIGHUP 129).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/record/record.ts';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');

/** Runs `cake bench args`, sends `signal` once stderr matches `when` (after `delayMs`), and resolves on exit. */
function benchUntil(args: string[], when: RegExp, signal: NodeJS.Signals, delayMs = 300) {
  const child = spawn(process.execPath, [cli, 'bench', ...args]);
  let stderr = '';
  let stdout = '';
  let isSent = false;
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!isSent && when.test(stderr)) {
      isSent = true;
      setTimeout(() => child.kill(signal), delayMs);
    }
  });
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
}

// loop on the main thread, a record long enough that the signal lands while it eats
const longLoop = ['--strategies', 'loop,map', '--sizes', '2^18', '--rounds', 'medium', '--runs', '1000', '--max-time', '60000'];

describe.each([
  ['SIGTERM', 143, 'SIGTERM'],
  ['SIGHUP', 129, 'SIGHUP'],
  ['SIGINT', 130, 'Ctrl-C'],
] as const)('%s while eating', (signal, exitCode, said) => {
  it(`keeps the record in flight, writes every output and exits ${exitCode}`, async () => {
    const dir = tempDir('cake-signal-');
    const json = join(dir, 'out.json');
    const report = join(dir, 'report');
    const result = await benchUntil([...longLoop, '--json', json, '--report', report], /\[1\/2\] loop/, signal, 500);
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toContain(`cake: ${said}`);
    const written = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(written.results.map((r) => r.strategy)).toEqual(['loop']);
    expect(written.interrupted).toMatchObject({ cellsNotMeasured: 1, signal });
    expect(readdirSync(report).filter((name) => name !== '.cake-report').sort()).toEqual(['index.html', 'report.csv', 'report.json']); // whole: no temp file left
    expect(readdirSync(dir).sort()).toEqual(['out.json', 'report']);
  });
});

describe.skipIf(isGpuSkipped)('a signal while the GPU\'s copy routes are measured', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s writes the records measured before it and exits %i', async (signal, exitCode) => {
    const dir = tempDir('cake-signal-');
    const json = join(dir, 'gpu.json');
    const result = await benchUntil(['--adapter', 'lavapipe', '--strategies', 'gpu', '--sizes', '2^16', '--rounds', 'light', '--runs', '2', '--min-time', '0', '--json', json, '--report', join(dir, 'r')], /measuring GPU copy routes/, signal, 50);
    expect(result.code).toBe(exitCode);
    const written = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(written.results.map((r) => r.strategy)).toEqual(['gpu']);
    expect(written.interrupted).toMatchObject({ cellsNotMeasured: 0, signal });
    expect(existsSync(join(dir, 'r', 'index.html'))).toBe(true);
  });
});
