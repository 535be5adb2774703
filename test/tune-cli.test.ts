// The built `cake tune`: bad input gets one line and exit 2; a small real tune on lavapipe writes its table,
// its JSON (with the heat-map data) and a cache that --replay reads.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTuneArgs } from '../bench/tune-args.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, 'tune', ...args], { encoding: 'utf8', timeout: 60_000 });
/** Runs `cake` in `cwd`, where its default .cake/ folder lands. */
const cakeIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('cake tune', () => {
  it.each([
    [['--strategy', 'annealing'], /^cake: --strategy: "annealing" is not allowed; use one of exhaustive, random, hill, halving\. Example: cake tune --strategy hill$/],
    [['--budget', '1.5'], /^cake: --budget: "1\.5" is not a share of the space; use a number in \(0, 1\]\./],
    [['--budget', '0.05'], /^cake: --budget: 0\.05 is not allowed with exhaustive \(the default strategy\), which measures every shape \(budget 1\); .*Example: cake tune --strategy halving --budget 0\.3$/],
    [['--strategy', 'exhaustive', '--budget', '0.5'], /^cake: --budget: 0\.5 is not allowed with exhaustive, which measures every shape/],
    [['--n', '0'], /^cake: --n: 0 slices is too few; a cake has at least 1 slice\. Example: cake tune --n 2\^20$/],
    [['--n', '2^10,2^20'], /^cake: --n: "2\^10,2\^20" is a list; tune takes one size \(use cake bench --sizes for several\)\. Example: cake tune --n 2\^20$/],
    [['--n', 'lots'], /^cake: --n: "lots" is not a size\. .*example: cake tune --n 2\^20$/],
    [['--n', '1.5'], /^cake: --n: 1\.5 is not a whole number of slices\. Example: cake tune --n 1000000$/],
    [['--n', '2^10', '--n', '2^12'], /^cake: --n: given twice \("2\^10" and "2\^12"\); give it once\. Example: cake tune --n 2\^20$/],
    [['--replay', '--replay'], /^cake: --replay: given twice; give it once\. Example: cake tune --replay$/],
    [['--replay=yes'], /^cake: tune: --replay takes no value\. Example: cake tune --replay$/],
    [['--rounds', 'spicy'], /^cake: --rounds: "spicy" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\) or an integer 1\.\.1048576; example: cake tune --rounds heavy$/],
    [['--rounds', '2000000'], /^cake: --rounds: "2000000" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\) or an integer 1\.\.1048576;/],
    [['--samples', '0'], /^cake: --samples: "0" is not allowed; use an integer >= 1\. Example: cake tune --samples 5$/],
    [['--samples', '5', '--max-samples', '3'], /^cake: --max-samples: 3 is fewer than --samples 5; .*Example: cake tune --samples 5 --max-samples 20$/],
    [['--workgroup-sizes', '64,x'], /^cake: --workgroup-sizes: "x" is not allowed; use an integer >= 1\. Example: cake tune --workgroup-sizes 32,64,128$/],
    [['--workgroup-sizes', '64,64'], /^cake: --workgroup-sizes: 64 is given twice; list each size once\. Example: cake tune --workgroup-sizes 32,64,128$/],
    [['--seeds', '5'], /^cake: --seeds applies to --replay only \(a tune runs one search, seeded by --seed\)\. Example: cake tune --replay --seeds 200$/],
    [['--replay', '--budget', '0.3'], /^cake: --budget does not apply to --replay: a replay gives every strategy the whole space and counts what it needs\. Example: cake tune --replay/],
    [['--replay', '--seed', '7'], /^cake: --seed does not apply to --replay: a replay runs seeds 1\.\.N, set by --seeds\./],
    [['--bogus'], /^cake: tune: unknown option "--bogus"\. Options: --adapter, .*--replay, --yes\. Example:/],
    [['--cache'], /^cake: tune: --cache needs a value\. Example: cake tune --cache \.cake\/tune-lavapipe\.json$/],
    [['--n'], /^cake: tune: --n needs a value\. Example: cake tune --n 2\^20$/],
    [['--n', '--rounds', 'heavy'], /^cake: tune: --n needs a value\. Example: cake tune --n 2\^20$/],
    [['--json', 'same.json', '--cache', './same.json'], /^cake: --json and --cache both write \.\/same\.json: one would overwrite the other\. Give each its own file\.$/],
    [['--json', '/nonexistent/tune.json'], /^cake: --json: cannot write \/nonexistent\/tune\.json: the folder \/nonexistent does not exist\./],
    [['--cache', '/proc/cake/tune.json'], /^cake: --cache: cannot write \/proc\/cake: \/proc does not take new files\./], // a recursive mkdir here never returns on Node 20
  ])('%j exits 2 with one line', (args, message) => {
    const result = cake(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it.each(['--adapter', '--n', '--rounds', '--strategy', '--budget', '--samples', '--max-samples', '--seed', '--workgroup-sizes', '--cache', '--json', '--seeds'])(
    '%s without a value gives an example with a real value',
    (option) => {
      expect(() => parseTuneArgs([option])).toThrow(new RegExp(`^tune: ${option} needs a value\\. Example: cake tune (\\S+ )*${option} (?!\\.\\.\\.)\\S+$`));
    },
  );

  it('help lists every --rounds name', () => {
    const result = cake('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--rounds light\|medium\|heavy\|N/);
    expect(parseTuneArgs(['--rounds', 'medium']).rounds).toBe(64);
  });

  it('refuses workgroup sizes over the opened adapter\'s limit before tuning, naming the limit', () => {
    const dir = tempDir('cake-tune-');
    const result = cakeIn(dir, 'tune', '--adapter', 'lavapipe', '--n', '4096', '--workgroup-sizes', '64,3000');
    expect(result.status).toBe(2);
    const ours = result.stderr.trim().split('\n').filter((line) => line.startsWith('cake')); // Dawn prints its own warnings
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^cake: --workgroup-sizes: 3000 is over maxComputeInvocationsPerWorkgroup \(1024\) of llvmpipe.*; use sizes 1\.\.1024\. Example: cake tune --workgroup-sizes 32,64,128$/);
    expect(readdirSync(dir)).toEqual([]); // no cache written
  });

  it('run from a folder it cannot write, says where the cache would go and how to move it, before tuning', () => {
    const result = cakeIn('/proc', 'tune', '--n', '4096');
    expect(result.status).toBe(2);
    const ours = result.stderr.trim().split('\n').filter((line) => line.startsWith('cake')); // Dawn prints its own warnings
    expect(ours).toEqual([expect.stringMatching(/^cake: tune: cannot keep the tune cache at \.cake\/tune-\w+\.json in this folder \(\/proc does not take new files\); run cake tune from a folder you can write to, or give --cache FILE\./)]);
  });

  it('without any adapter says so, without blaming an --adapter that was not given', () => {
    const dir = tempDir('cake-tune-');
    const noDrivers = { ...process.env, VK_ICD_FILENAMES: join(dir, 'none.json'), VK_DRIVER_FILES: join(dir, 'none.json') }; // a machine with no Vulkan driver
    const result = spawnSync(process.execPath, [cli, 'tune', '--n', '4096'], { cwd: dir, env: noDrivers, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    const last = result.stderr.trim().split('\n').at(-1);
    expect(last).toMatch(/^cake: tune: No WebGPU adapter\. /);
    expect(result.stderr).not.toMatch(/--adapter/);
  });

  it('tunes a small space on lavapipe, then replays it from the cache', () => {
    const dir = tempDir('cake-tune-');
    const common = ['--adapter', 'lavapipe', '--n', '4096', '--workgroup-sizes', '64,128', '--samples', '3', '--cache', join(dir, 'cache.json')];
    const tuned = cake(...common, '--json', join(dir, 'tune.json'));
    expect(tuned.status).toBe(0);
    const total = /cake tune: \[1\/(\d+)\] wg64-s1-contiguous-scalar-1d: [\d.]+ ms \(median of 3\)/.exec(tuned.stderr)?.[1];
    expect(tuned.stdout).toMatch(/^best wg\d+-s\d-\w+-\w+-\dd: [\d.]+x faster than the default/m);
    expect(tuned.stdout).toMatch(/^heat map: best median ms/m);
    const report = JSON.parse(readFileSync(join(dir, 'tune.json'), 'utf8'));
    expect(report.format).toBe('parallel-cake/tune@1');
    expect(report.heatMap.workgroupSizes).toEqual([64, 128]);
    expect(report.heatMap.slicesPerInvocation).toEqual([1, 2, 4, 8]);
    expect(report.verifiedShapes).toBe(report.spaceSize);
    expect(Number(total)).toBe(report.spaceSize); // exhaustive: the budget is the whole space
    expect(tuned.stderr).toContain(`cake tune: [${total}/${total}] `);
    const replayed = cake(...common, '--replay', '--seeds', '20', '--max-samples', '6', '--json', join(dir, 'replay.json'));
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toMatch(/^replay: .*, 20 seeds each, leaders confirmed with 6 samples\)$/m); // --max-samples confirms, as in a tune
    expect(replayed.stdout).toMatch(/^hill\s+[\d.]+\s+[\d.]+%/m);
    expect(replayed.stdout).toMatch(/^missed: seeds whose final answer was not within 5 %/m);
    const replay = JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'));
    expect(replay.stats.map((s: { strategy: string }) => s.strategy)).toEqual(['exhaustive', 'random', 'hill', 'halving']);
    expect(replay.confirmSamples).toBe(6);
    const hillOnly = cake(...common, '--replay', '--strategy', 'hill', '--seeds', '20', '--json', join(dir, 'replay-hill.json'));
    expect(hillOnly.status).toBe(0);
    expect(hillOnly.stdout).not.toMatch(/^(exhaustive|random|halving) /m);
    expect(JSON.parse(readFileSync(join(dir, 'replay-hill.json'), 'utf8')).stats.map((s: { strategy: string }) => s.strategy)).toEqual(['hill']);
  }, 60_000);

  it('says what to run first when --replay finds no exhaustive landscape', () => {
    const dir = tempDir('cake-tune-');
    const result = cake('--adapter', 'lavapipe', '--n', '4096', '--replay', '--cache', join(dir, 'cache.json'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/has no exhaustive landscape of hash for n=4096 rounds=1 on .*\. Run cake tune --eat hash --strategy exhaustive --n 4096 --rounds 1 first, or replay with the --n and --rounds of an exhaustive tune\.$/);
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
