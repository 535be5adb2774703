// The built `cake` CLI, run as a user runs it: good runs write verified JSON/CSV; bad input gets one clear
// line and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    [['--bogus'], /^cake: bench: unknown option "--bogus"\. Options: --eat, --strategies, .*Example: cake bench --sizes 2\^20 --rounds heavy$/],
    [['--sizes'], /^cake: bench: --sizes needs a value\. Example: cake bench --sizes 2\^16,2\^20$/],
    [['--runs', '0'], /^cake: --runs: "0" is not allowed; use an integer 1\.\.1000000\. Example: --runs 10$/],
    [['--runs', '99999999999999999999'], /^cake: --runs: "99999999999999999999" is not allowed; use an integer 1\.\.1000000\./],
    [['--pool-size', '10000'], /^cake: --pool-size: "10000" is not allowed; use an integer 1\.\.256\. Example: --pool-size 4$/],
    [['--min-time', '5000', '--max-time', '100'], /^cake: --min-time 5000 is over --max-time 100: a record samples for at least --min-time ms and stops at --max-time ms\./],
    [['--sizes', '2^10', '--sizes', '2^12'], /^cake: --sizes: given twice \("2\^10" and "2\^12"\); give it once\. Example: cake bench --sizes 2\^16,2\^20$/],
    [['--strategies', 'loop,loop'], /^cake: --strategies: "loop" is listed twice; list each once\. Example: --strategies loop,pool-shared$/],
    [['--sizes', '2^10,1024'], /^cake: --sizes: "1024" repeats "2\^10" \(both 1024\); list each once\./],
    [['--rounds', 'light,1'], /^cake: --rounds: "1" repeats "light" \(both 1\); list each once\./],
    [['--json', 'r/report.json', '--report', 'r'], /^cake: --json and --report both write r\/report\.json: one would overwrite the other\. Give each its own file\.$/],
    [['--sizes', '--rounds', 'heavy'], /^cake: bench: --sizes needs a value\. Example: cake bench --sizes 2\^16,2\^20$/],
    [['--sweep=yes'], /^cake: bench: --sweep takes no value\. Example: cake bench --sweep$/],
    [['--sweep', '--sweep'], /^cake: --sweep: given twice; give it once\. Example: cake bench --sweep$/],
    [['--adapter', 'voodoo'], /^cake: --adapter: No WebGPU adapter named "voodoo"; this machine has lavapipe and swiftshader\. Example: --adapter lavapipe$/],
    [['--adapter', 'swiftshader', '--strategies', 'gpu', '--workgroup-size', '512'], /^cake: --workgroup-size: 512 is over this adapter's limit of 256 invocations per workgroup/],
    [['--json', '/nonexistent/dir/out.json'], /^cake: --json: cannot write \/nonexistent\/dir\/out\.json: the folder \/nonexistent\/dir does not exist\. Choose a file in a folder you can write to\. Example: --json out\.json$/],
    [['--csv', '/tmp'], /^cake: --csv: cannot write \/tmp: it is a folder\./],
    [['--json', 'same.csv', '--csv', 'same.csv'], /^cake: --json and --csv both write same\.csv: one would overwrite the other\. Give each its own file\.$/],
    [['--report', '/proc/cake-report'], /^cake: --report: cannot write \/proc\/cake-report: \/proc does not take new files\. Choose a folder you can write to\./], // a recursive mkdir here never returns on Node 20
    [['--report', '/etc/hostname'], /^cake: --report: cannot write \/etc\/hostname\/index\.html: \/etc\/hostname is a file, not a folder\. Choose a folder you can write to\./],
    [['--compare', '/etc/hostname'], /^cake: --compare: \/etc\/hostname is not JSON \(.*\)\. A baseline is the file cake bench --json FILE writes; example:/],
    [['--compare', '/tmp'], /^cake: --compare: \/tmp is not a file\./],
    [['--compare', 'package.json'], /^cake: --compare: package\.json has no schema field, expected "parallel-cake\/bench@1" with a results list: it is not a cake bench --json file\./],
    [['--cake', 'round'], /^cake: --cake: "round" is not allowed; use ordered, shuffled, sorted\. Example: --cake shuffled$/],
  ])('%j', (args, message) => {
    const result = cake('bench', ...args);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('Warning: maxDynamic')); // Dawn's own note on opening an adapter
    expect(lines.join('\n')).toMatch(message);
    expect(lines).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  });

  it.each([['bench', '--help'], ['bench', '-h'], ['lessons', '--help'], ['info', '-h'], ['tune', '--help']])('%s %s prints its usage and exits 0', (...args) => {
    const result = cake(...args);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: cake /);
    expect(result.stderr).toBe('');
  });

  it('refuses arguments to cake info', () => {
    const result = cake('info', 'extra');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('cake: cake info takes no options, got "extra". Example: cake info');
  });

  it('saves results it measured but could not write where asked, and says where', () => {
    const result = cake('bench', '--strategies', 'loop', '--sizes', '2^10', '--runs', '1', '--min-time', '0', '--json', '/proc/version'); // opens for writing, refuses the write
    expect(result.status).toBe(1);
    const saved = /^cake: could not write \/proc\/version \(.+\); saved it as (\S+)$/m.exec(result.stderr);
    expect(saved).not.toBeNull();
    expect(JSON.parse(readFileSync(saved![1]!, 'utf8')).results[0]).toMatchObject({ strategy: 'loop', verified: true });
    rmSync(dirname(saved![1]!), { recursive: true });
  });

  it('rejects an unknown command', () => {
    const result = cake('bake');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('cake: unknown command "bake". Commands: bench, tune, predict, compare, lessons, info, help. Example: cake bench --sizes 2^20');
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
    expect(result.stdout).toMatch(/^loop\s+65536\s+1\s.*0x5337aecb ok$/m); // the known checksum of eating 0..65535 once (test/eat.test.ts)
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
    expect(lines[0]).toMatch(/,adapter,workgroupSize,kernel,tuned,uploadRoute,wait,kernelClock,eat,element,eatHash,comparison,largestErrorUlps,largestErrorAbsolute,schedule,imbalance,idleShare,idealMs,percentOfIdeal,friendsBusyMs$/); // appended: no older column moved
    expect(lines[1]).toMatch(/^loop,.*,{7}hash,u32,[0-9a-f]{8},bit-exact,{8}$/); // CPU strategies leave the GPU's columns empty; u32 has no largest error
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
