// Two `cake tune`s on one cache file at once (other rounds, or the same) never collide: each writes through its
// own temporary file and merges under a lock, so both finish and the cache holds every sample of both. A cache
// path that is a FIFO is refused at once, and a cache whose tuned shape is impossible (workgroup size 0) is
// dropped with a note by cake bench, which then runs.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGpuSkipped } from './gpu.ts';
import { mkfifoSync } from './fifo.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
const tuneArgs = (cache: string, rounds: string) => ['tune', '--adapter', 'lavapipe', '--n', '2^10', '--rounds', rounds, '--workgroup-sizes', '32,64', '--cache', cache];

function run(args: string[], cwd?: string) {
  const child = spawn(process.execPath, [cli, ...args], { cwd });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

interface CacheEntry { rounds: number; samplesMs: Record<string, number[]>; tuned?: { shape: string } }

describe.skipIf(isGpuSkipped)('cake tune on one cache file', () => {
  it('two tunes of other rounds at once both finish, and the cache keeps every sample of both', async () => {
    const dir = tempDir('cake-tune-race-');
    const cache = join(dir, 'tune.json');
    const runs = await Promise.all([run(tuneArgs(cache, '1')), run(tuneArgs(cache, '2')), run(tuneArgs(cache, '1'))]);
    for (const { code, stderr } of runs) expect(code, stderr).toBe(0);
    const entries = (JSON.parse(readFileSync(cache, 'utf8')) as { entries: CacheEntry[] }).entries;
    expect(entries.map((e) => e.rounds).sort()).toEqual([1, 2]);
    for (const entry of entries) {
      const counts = Object.values(entry.samplesMs).map((samples) => samples.length);
      expect(counts.length).toBeGreaterThan(20); // every legal shape of the narrowed space
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(5); // each tune's full evaluation of each, none lost
      expect(entry.tuned).toBeDefined();
    }
    expect(readdirSync(dir)).toEqual(['tune.json']); // no temporary file or lock left behind
  });

  it('refuses a cache path that is a FIFO at once, naming it', () => {
    const dir = tempDir('cake-tune-fifo-');
    const fifo = join(dir, 'tune.json');
    mkfifoSync(fifo);
    const result = spawnSync(process.execPath, [cli, ...tuneArgs(fifo, '1')], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).not.toBeNull(); // did not hang
    expect(result.status).toBeGreaterThan(0);
    expect(result.stderr).toContain(fifo);
    expect(result.stderr).toMatch(/FIFO/);
  });

  it('cake bench drops a cached tuned shape of workgroup size 0 and runs the gpu strategies', async () => {
    const dir = tempDir('cake-tune-zero-');
    const made = await run(tuneArgs(join(dir, '.cake', 'tune-lavapipe.json'), '1'));
    expect(made.code, made.stderr).toBe(0);
    const path = join(dir, '.cake', 'tune-lavapipe.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: CacheEntry[] };
    const entry = file.entries[0]!;
    entry.samplesMs['wg0-s1-contiguous-scalar-1d'] = [0.001, 0.001];
    entry.tuned!.shape = 'wg0-s1-contiguous-scalar-1d';
    writeFileSync(path, JSON.stringify(file));
    const started = performance.now();
    const json = join(dir, 'out.json');
    const bench = spawnSync(process.execPath, [cli, 'bench', '--adapter', 'lavapipe', '--strategies', 'gpu', '--sizes', '2^10', '--rounds', 'light', '--runs', '2', '--min-time', '0', '--json', json], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(bench.status, bench.stderr).toBe(0);
    expect(performance.now() - started).toBeLessThan(60_000);
    const record = (JSON.parse(readFileSync(json, 'utf8')) as { results: { workgroupSize: number; tuned: string }[] }).results[0]!;
    expect(record.workgroupSize).toBeGreaterThanOrEqual(1);
    expect(record.tuned).toMatch(/impossible part\(s\) of the file ignored/);
  });
});
