// Installs like a real tool: `npm pack` (whose prepack builds dist/node) gives a package that `npm install -g`
// puts on a machine with nothing from this repo's dev setup, and the installed `cake` runs from another folder:
// info, a verified bench, and --eat with the shipped examples (.mjs, and .ts through amaro).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const repo = join(__dirname, '..');
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 });
/** A verified table: a header, then a row per strategy ending in its checksum and "ok". */
const verifiedRows = (stdout: string) => stdout.split('\n').filter((line) => / 0x[0-9a-f]{8} ok$/.test(line));

describe('the packed package', () => {
  it('installs with npm install -g and runs cake info, bench and --eat from outside the repo', () => {
    const dir = tempDir('cake-pack-');
    const pack = run('npm', ['pack', '--pack-destination', dir, '--no-audit', '--no-fund'], repo);
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const prefix = join(dir, 'global');
    const install = run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(dir, tgz!)], dir);
    expect(install.status, install.stderr).toBe(0);
    const installed = join(prefix, 'lib', 'node_modules', 'parallel-cake');
    // what the package holds: the built CLI and its runtime files, the examples, the README; no sources
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'dist', 'examples', 'node_modules', 'package.json']);
    expect(readdirSync(join(installed, 'dist', 'node'))).toEqual(expect.arrayContaining(['cake.js', 'friend.js', 'piscina-friend.js', 'report-page.js']));

    const cake = (...args: string[]) => run(join(prefix, 'bin', 'cake'), args, dir);
    const info = cake('info');
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/loop/);

    const bench = cake('bench', '--strategies', 'loop,pool-shared', '--sizes', '2^10', '--runs', '2');
    expect(bench.status, bench.stderr).toBe(0);
    expect(verifiedRows(bench.stdout).map((line) => line.split(/\s+/)[0])).toEqual(['loop', 'pool-shared']);

    for (const eat of [join(repo, 'examples', 'my-float-eat.mjs'), join(installed, 'examples', 'my-eat.ts')]) {
      const own = cake('bench', '--eat', eat, '--strategies', 'loop', '--sizes', '2^10', '--runs', '2');
      expect(own.status, own.stderr).toBe(0);
      expect(verifiedRows(own.stdout)).toHaveLength(1);
    }
  }, 300_000);
});
