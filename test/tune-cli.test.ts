// The built `cake tune`: bad input gets one line and exit 2; a small real tune on lavapipe writes its table,
// its JSON (with the heat-map data) and a cache that --replay reads.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, 'tune', ...args], { encoding: 'utf8', timeout: 60_000 });
/** Runs `cake` in `cwd`, where its default .cake/ folder lands. */
const cakeIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('cake tune', () => {
  it.each([
    [['--strategy', 'annealing'], /^cake: --strategy: "annealing" is not allowed; use one of exhaustive, random, hill, halving\. Example: cake tune --strategy hill$/],
    [['--budget', '1.5'], /^cake: --budget: "1\.5" is not a share of the space; use a number in \(0, 1\]\./],
    [['--n', '0'], /^cake: --n: 0 slices is too few; a cake has at least 1 slice\./],
    [['--rounds', 'spicy'], /^cake: --rounds: "spicy" is not allowed; use an integer >= 1\. Example: cake tune --rounds heavy$/],
    [['--samples', '0'], /^cake: --samples: "0" is not allowed; use an integer >= 1\./],
    [['--bogus'], /^cake: tune: unknown option "--bogus"\. Options: --adapter, .*--replay\. Example:/],
    [['--cache'], /^cake: tune: --cache needs a value\./],
  ])('%j exits 2 with one line', (args, message) => {
    const result = cake(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('tunes a small space on lavapipe, then replays it from the cache', () => {
    const dir = tempDir('cake-tune-');
    const common = ['--adapter', 'lavapipe', '--n', '4096', '--workgroup-sizes', '64,128', '--samples', '3', '--cache', join(dir, 'cache.json')];
    const tuned = cake(...common, '--json', join(dir, 'tune.json'));
    expect(tuned.stderr).toMatch(/cake tune: \[1\] wg64-s1-contiguous-scalar-1d: [\d.]+ ms \(median of 3\)/);
    expect(tuned.status).toBe(0);
    expect(tuned.stdout).toMatch(/^best wg\d+-s\d-\w+-\w+-\dd: [\d.]+x faster than the default/m);
    expect(tuned.stdout).toMatch(/^heat map: best median ms/m);
    const report = JSON.parse(readFileSync(join(dir, 'tune.json'), 'utf8'));
    expect(report.format).toBe('parallel-cake/tune@1');
    expect(report.heatMap.workgroupSizes).toEqual([64, 128]);
    expect(report.heatMap.slicesPerInvocation).toEqual([1, 2, 4, 8]);
    expect(report.verifiedShapes).toBe(report.spaceSize);
    const replayed = cake(...common, '--replay', '--seeds', '20', '--json', join(dir, 'replay.json'));
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toMatch(/^hill\s+[\d.]+\s+[\d.]+%/m);
    const replay = JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'));
    expect(replay.stats.map((s: { strategy: string }) => s.strategy)).toEqual(['exhaustive', 'random', 'hill', 'halving']);
  }, 60_000);

  it('says what to run first when --replay finds no exhaustive landscape', () => {
    const dir = tempDir('cake-tune-');
    const result = cake('--adapter', 'lavapipe', '--n', '4096', '--replay', '--cache', join(dir, 'cache.json'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/has no exhaustive landscape for n=4096 rounds=1 on .*; run cake tune --strategy exhaustive with the same --n, --rounds and --adapter first\.$/);
  });

  it('names the cache after the adapter opened: no --adapter and --adapter lavapipe share it, and bench uses it', () => {
    const dir = tempDir('cake-tune-');
    const small = ['--n', '4096', '--workgroup-sizes', '64,128', '--samples', '3', '--max-samples', '6'];
    const plain = cakeIn(dir, 'tune', ...small); // Dawn's default adapter here is lavapipe
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/, cache \.cake\/tune-lavapipe\.json$/m);
    const named = cakeIn(dir, 'tune', '--adapter', 'lavapipe', ...small);
    expect(named.status).toBe(0);
    expect(named.stderr).toMatch(/, cache \.cake\/tune-lavapipe\.json$/m);
    expect(named.stdout).toMatch(/^samples: \d+ taken now, [1-9]\d* from the cache;/m); // resumed the first tune's file
    expect(readdirSync(join(dir, '.cake'))).toEqual(['tune-lavapipe.json']);
    const best = JSON.parse(readFileSync(join(dir, '.cake', 'tune-lavapipe.json'), 'utf8')).entries[0].tuned.shape as string;
    const bench = cakeIn(dir, 'bench', '--strategies', 'gpu', '--sizes', '4096', '--rounds', 'light', '--runs', '2', '--min-time', '0', '--json', 'out.json');
    expect(bench.status).toBe(0);
    const [record] = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).results;
    expect(record.tuned).toMatch(/^\.cake\/tune-lavapipe\.json: the tune's best shape /);
    expect(record.kernel).toBe(/-s1-contiguous-scalar-1d$/.test(best) ? 'eat.wgsl' : best);
  }, 60_000);
});
