// A user's own eat function from a file, through the built CLI as a user runs it: bench, sweep, compare and tune
// eat it (friends, piscina and every GPU shape included), and each kind of bad file is one line and exit 2.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000, cwd: root });
const example = './examples/my-eat.ts';
const quick = ['--runs', '2', '--min-time', '0', '--sizes', '4099', '--rounds', '3'];

describe('cake bench --eat FILE', () => {
  it('eats the example with every strategy that runs here, verified, and the record names the eat function', () => {
    const dir = tempDir('cake-eat-');
    const json = join(dir, 'out.json');
    const result = cake('bench', '--eat', example, '--strategies', 'loop,map,pool-copy,pool-shared,piscina,gpu,gpu-resident', ...quick, '--json', json);
    expect(result.stderr).not.toMatch(/FAILED/);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.results).toHaveLength(7);
    for (const record of report.results) expect(record).toMatchObject({ eat: 'xorshift', element: 'u32', comparison: 'bit-exact', verified: true, eatHash: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(new Set(report.results.map((r: { checksum: string }) => r.checksum)).size).toBe(1);
    // the same command's CSV names it too
    const csv = join(dir, 'out.csv');
    expect(cake('bench', '--eat', example, '--strategies', 'loop', ...quick, '--csv', csv).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n')[1]).toMatch(/xorshift/);
  });

  it('eats an f32 module within its tolerance and reports the largest error', () => {
    const json = join(tempDir('cake-eat-'), 'out.json');
    const result = cake('bench', '--eat', './examples/my-float-eat.mjs', '--strategies', 'loop,pool-shared,gpu', ...quick, '--json', json);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    for (const record of report.results) expect(record).toMatchObject({ eat: 'decay', element: 'f32', comparison: 'within 32 ulps', largestError: { ulps: expect.any(Number) } });
    expect(report.results.find((r: { strategy: string }) => r.strategy === 'loop').largestError.ulps).toBe(0);
  });

  it('never compares records of different eat functions, and says why', () => {
    const dir = tempDir('cake-eat-');
    const base = join(dir, 'base.json');
    expect(cake('bench', '--strategies', 'loop', ...quick, '--json', base).status).toBe(0);
    const result = cake('bench', '--eat', example, '--strategies', 'loop', ...quick, '--compare', base, '--fail-on-regression');
    expect(result.stdout).toMatch(/Only in the baseline \(1\): loop n=4099 rounds=3 .*eat=hash/);
    expect(result.status).toBe(1); // nothing matched, so nothing was checked: not a pass
    // a file of the same name but other sources is not the same eat function either
    const renamed = join(dir, 'my-eat.ts');
    writeFileSync(renamed, readFileSync(join(root, example), 'utf8').replace('0x9e3779b9', '0x12345678').replace('0x9e3779b9u', '0x12345678u'));
    const mine = join(dir, 'mine.json');
    expect(cake('bench', '--eat', example, '--strategies', 'loop', ...quick, '--json', mine).status).toBe(0);
    const other = cake('bench', '--eat', renamed, '--strategies', 'loop', ...quick, '--compare', mine);
    expect(other.stdout).toMatch(/Not compared, the eat function changed .* \(1\): loop n=4099 rounds=3/);
  });

  it('sweeps it', () => {
    const result = cake('bench', '--sweep', '--eat', example, '--strategies', 'loop,pool-shared', '--sizes', '2^10,2^12', '--rounds', 'light', '--budget', '5');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/xorshift/);
  });

  it.skipIf(isGpuSkipped)('tunes it on lavapipe: every shape verified against its CPU twin', () => {
    const dir = tempDir('cake-eat-');
    const result = cake('tune', '--eat', example, '--adapter', 'lavapipe', '--n', '4096', '--workgroup-sizes', '32,64', '--samples', '2', '--max-samples', '2', '--cache', join(dir, 'cache.json'), '--json', join(dir, 'tune.json'));
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'tune.json'), 'utf8'));
    expect(report.kernel).toMatch(/:xorshift#[0-9a-f]{8}$/);
    expect(report.verifiedShapes).toBe(report.spaceSize);
  });

  it('fails the record, naming the first wrong slice, when the twins disagree (not a usage error)', () => {
    const file = join(tempDir('cake-eat-'), 'liar.mjs');
    writeFileSync(file, `export default { name: 'liar', element: 'u32', cpu: (x, rounds) => x + rounds, wgsl: 'fn eat(x: u32, rounds: u32) -> u32 { return x + rounds + select(0u, 1u, x == 5u); }' };\n`);
    const result = cake('bench', '--eat', file, '--strategies', 'loop,gpu', ...quick);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/gpu FAILED: gpu: slice 5 is 0x00000009, expected 0x00000008 \(rounds=3\); first of 1 mismatches\./);
    expect(result.stdout).toMatch(/^loop +4099 .* ok$/m); // the rest still ran
  });
});

describe('a bad eat file is one line and exit 2, before anything is measured', () => {
  const cases: [string, string | undefined, RegExp][] = [
    ['missing.ts', undefined, /^cake: --eat: .*missing\.ts: does not exist \(ENOENT\)\. Example: --eat stream/],
    ['syntax.mjs', 'export default {', /^cake: --eat: .*syntax\.mjs: does not load: /],
    ['throws.mjs', 'throw new Error("boom");', /^cake: --eat: .*throws\.mjs: does not load: boom$/],
    ['nodefault.mjs', 'export const eat = 1;', /^cake: --eat: .*nodefault\.mjs: the default export must be an object with name, element, cpu and wgsl; got undefined\./],
    ['noname.mjs', "export default { element: 'u32', cpu: (x) => x, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return x; }' };", /name must be 1-40 letters/],
    ['element.mjs', "export default { name: 'e', element: 'f64', cpu: (x) => x, wgsl: 'fn eat(x: f32, r: u32) -> f32 { return x; }' };", /element must be one of 'u32', 'f32'; got "f64"\./],
    ['nocpu.mjs', "export default { name: 'e', element: 'u32', cpu: 3, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return x; }' };", /cpu must be a function \(x, rounds\) => eaten slice; got number\./],
    ['nowgsl.mjs', "export default { name: 'e', element: 'u32', cpu: (x) => x };", /wgsl must be a string holding the WGSL function fn eat\(x: u32, rounds: u32\) -> u32; got undefined\./],
    ['cputhrows.mjs', "export default { name: 'e', element: 'u32', cpu: () => { throw new Error('nope'); }, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return x; }' };", /cpu\(0, 1\) threw: nope$/],
    ['cpustring.mjs', "export default { name: 'e', element: 'u32', cpu: (x) => 'x' + x, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return x; }' };", /cpu\(0, 1\) returned string; it must return a number\.$/],
    ['constant.mjs', "export default { name: 'e', element: 'u32', cpu: () => 0, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return 0u; }' };", /cpu returns the same value \(0\) for every one of 256 slices at rounds=1: a check against it proves nothing/],
    ['notolerance.mjs', "export default { name: 'e', element: 'f32', cpu: (x) => x * 2, wgsl: 'fn eat(x: f32, r: u32) -> f32 { return x * 2.0; }' };", /an f32 eat function needs a tolerance/],
    ['builtin.mjs', "export default { name: 'hash', element: 'u32', cpu: (x) => x, wgsl: 'fn eat(x: u32, r: u32) -> u32 { return x; }' };", /the name 'hash' belongs to a built-in eat function/],
    ['notes.txt', 'hello', /notes\.txt: is a \.txt; give a \.js, \.mjs or \.ts module\./],
  ];
  it.each(cases)('%s', (name, text, message) => {
    const dir = tempDir('cake-eat-');
    const file = join(dir, name);
    if (text !== undefined) writeFileSync(file, text);
    const result = cake('bench', '--eat', file, '--strategies', 'loop');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown built-in name, listing the built-ins', () => {
    const result = cake('bench', '--eat', 'cheesecake');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('cake: --eat: "cheesecake" is neither a built-in eat function (hash, stream, sine, mandelbrot, lumpy) nor a file (.js, .mjs or .ts). Example: --eat stream, or --eat ./examples/my-eat.ts');
  });

  it.skipIf(isGpuSkipped)('names WGSL that does not compile at its own file, line and column', () => {
    const file = join(tempDir('cake-eat-'), 'broken.ts');
    writeFileSync(file, [
      '// line 1',
      'export default {',
      "  name: 'broken', element: 'u32',",
      '  cpu: (x: number, rounds: number): number => x + rounds,',
      '  wgsl: `',
      'fn eat(x: u32, rounds: u32) -> u32 {',
      '  return x + rounds + 1.5;',
      '}`,',
      '};',
    ].join('\n'));
    const result = cake('bench', '--eat', file, '--strategies', 'loop,gpu', '--adapter', 'lavapipe');
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('Warning: maxDynamic')); // Dawn's own, harmless
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cake: --eat: broken's WGSL does not compile: .*broken\.ts:7:\d+: no matching overload for 'operator \+ \(u32, abstract-float\)'$/);
    expect(result.stdout).toBe('');
  });
});
