// The GPU run as a device machine takes it, on this machine's lavapipe: scripts/gpu-run/pack.sh packs the bundle
// (with the tests' node_modules), scripts/gpu-run/run.sh runs every step from it with the quick preset (one GPU
// test file), and must leave the JSON, CSV, the HTML report and a summary; when a real GPU is expected, it must
// refuse the software adapter. (Named device-run, not
// gpu-run: the device runs test/gpu-*.test.ts on its own adapter, and this one needs npm to pack.)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/record/record.ts';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const root = join(import.meta.dirname, '..');
const limitMiB = 64; // what may travel to the device machine with the working tree

function runScript(env: Record<string, string>) {
  const results = join(tempDir('cake-device-run-'), 'results');
  const out = tempDir('cake-device-out-');
  const run = spawnSync('bash', [join(root, 'scripts/gpu-run/run.sh')], {
    encoding: 'utf8',
    env: { ...process.env, CAKE_BUNDLE: bundle, CAKE_RESULTS: results, CAKE_RUN_PRESET: 'quick', OUT: out, ...env },
  });
  return { ...run, results, out };
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BenchReport;
let bundle = '';

describe.skipIf(isGpuSkipped)('the GPU run (scripts/gpu-run) on lavapipe', () => {
  beforeAll(() => {
    bundle = join(tempDir('cake-bundle-'), 'bundle');
    const pack = spawnSync('bash', [join(root, 'scripts/gpu-run/pack.sh'), '--with-tests', '--out', bundle], { cwd: root, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const size = /with the working tree \(([\d.]+) MiB\) ([\d.]+) MiB of the 64 MiB/.exec(pack.stdout);
    expect(size, pack.stdout).not.toBeNull();
    expect(Number(size![2])).toBeLessThan(limitMiB);
    expect(readdirSync(bundle).sort()).toEqual(['MANIFEST.txt', 'app.tar.gz', 'node.gz', 'tests.tar.gz']);
  }, 120_000);

  it('measures every step from the bundle and leaves JSON, CSV, the HTML report and a summary', () => {
    const run = runScript({ CAKE_EXPECT_ADAPTER: 'lavapipe' });
    expect(run.status, run.stderr).toBe(0);
    const file = (name: string) => join(run.results, name);
    for (const name of ['bench', 'large']) {
      const report = json(file(`${name}.json`));
      expect(report.results.length, name).toBeGreaterThan(0);
      expect(report.results.every((r) => r.verified)).toBe(true);
      expect(report.environment.gpu?.adapter).toMatchObject({ architecture: 'software', isFallbackAdapter: true });
      expect(readFileSync(file(`${name}.csv`), 'utf8').split('\n')[0]).toMatch(/^strategy,/);
    }
    const sweep = json(file('sweep/report.json'));
    expect(sweep.sweep).toBeDefined();
    expect(sweep.overheads?.length).toBeGreaterThan(0);
    expect(sweep.copies?.some((copy) => copy.route.startsWith('upload:'))).toBe(true);
    expect(readFileSync(file('sweep/index.html'), 'utf8')).toContain('<html');
    expect(existsSync(file('sweep/report.csv'))).toBe(true);
    expect(JSON.parse(readFileSync(file('tune.json'), 'utf8'))).toMatchObject({ format: 'parallel-cake/tune@1' });
    const steps = readFileSync(file('steps.tsv'), 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t').slice(0, 2));
    expect(steps.filter(([, status]) => /^ok\b/.test(status!)).map(([name]) => name)).toEqual(['info', 'probe', 'bench', 'gpu-tests', 'large', 'sweep', 'tune']);
    expect(Object.fromEntries(steps)['gpu-tests']).toMatch(/^ok: 4 passed \(4\), on default: mesa\/software "llvmpipe/); // test/gpu-phases.test.ts, on the adapter checked
    // the summary: printed, saved, and handed to $OUT with the packed folder
    for (const line of ['GPU run results: llvmpipe', 'Dispatch: round trip', 'Copies at n=2^', 'Kernel vs pool-simd', 'Tune: best', 'Failures: none', 'Break-even vs loop']) {
      expect(run.stdout).toContain(line);
    }
    expect(readFileSync(file('summary.txt'), 'utf8')).toBe(run.stdout);
    expect(readdirSync(run.out).sort()).toEqual(['results.tar.gz', 'run.log', 'summary.txt']);
    // the README's side-by-side table reads the same folder
    const cli = join(root, 'dist', 'node', 'gpu-run.js');
    const table = spawnSync(process.execPath, [cli, 'table', run.results, run.results], { encoding: 'utf8' });
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('|  | results | results |');
    expect(table.stdout).toMatch(/\| n\* gpu \(light[a-z /]*\) \| (always|never <= 2\^\d+|2\^[\d.]+)[^|]* \| [^|]+ \|/); // a sweep under load may reach light only
  }, 150_000);

  it('refuses the software adapter where a real GPU is expected, before measuring anything', () => {
    const run = runScript({ CAKE_EXPECT_ADAPTER: 'nvidia' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('a software adapter, where a real GPU matching "nvidia" was expected');
    expect(existsSync(join(run.results, 'bench.json'))).toBe(false);
  }, 60_000);
});
