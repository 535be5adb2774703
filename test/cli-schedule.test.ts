// --schedule and --cake sorted as a user types them into the built CLI: each schedule its own verified record with
// its imbalance; bad input gets one line and exit code 2.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('bad --schedule and --cake input: one line, exit 2', () => {
  it.each([
    [['--schedule', 'balanced'], /^cake: --schedule: "balanced" is not a schedule; use static, cyclic, dynamic, guided/],
    [['--schedule', 'dynamic:0'], /^cake: --schedule: "dynamic:0": k must be an integer 1\.\.2\^32 - 1/],
    [['--schedule', 'static:4'], /^cake: --schedule: "static:4": static deals one equal block per friend and takes no :k/],
    [['--schedule', 'dynamic,dynamic'], /^cake: --schedule: "dynamic" is listed twice/],
    [['--cake', 'sorted'], /^cake: --cake: the sorted cake needs to know what each slice costs, and the eat function 'hash' does not say/],
  ])('%j', (args, message) => {
    const result = cake('bench', '--strategies', 'loop', ...args);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

it('--schedule static,dynamic measures each as its own record, with schedule and imbalance in JSON and CSV', () => {
  const dir = tempDir('cli-schedule');
  const result = cake('bench', '--eat', 'mandelbrot', '--strategies', 'loop,pool-shared', '--sizes', '4096', '--rounds', '64', '--pool-size', '2',
    '--schedule', 'static,dynamic:64', '--runs', '1', '--min-time', '0', '--json', join(dir, 'r.json'), '--csv', join(dir, 'r.csv'));
  expect(result.status, result.stderr).toBe(0);
  const { results } = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  expect(results.map((r: { strategy: string; schedule?: string }) => [r.strategy, r.schedule])).toEqual([['loop', undefined], ['pool-shared', 'static'], ['pool-shared', 'dynamic:64']]);
  for (const r of results.slice(1)) {
    expect(r.friendsBusyMs).toHaveLength(2);
    expect(r.imbalance).toBeGreaterThanOrEqual(1);
    expect(r.percentOfIdeal).toBeGreaterThan(0);
  }
  const [header, , staticRow] = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n');
  const cells = header!.split(',');
  expect(staticRow!.split(',')[cells.indexOf('schedule')]).toBe('static');
  expect(Number(staticRow!.split(',')[cells.indexOf('imbalance')])).toBeGreaterThanOrEqual(1);
  expect(result.stdout).toMatch(/pool-shared dynamic:64 n=4096 rounds=64: busy .* imbalance \d\.\d\d, idle \d+%, ideal .* of wall/);
});
