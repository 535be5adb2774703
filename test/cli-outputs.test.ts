// Outputs never clobber silently: cake replaces only files it wrote (a marker in a --report folder, a bench JSON
// or CSV by its first bytes) unless --force, never follows a symbolic link, and one output it cannot write (with
// no usable temp folder either) does not take the others down.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
const quick = ['--strategies', 'loop', '--sizes', '2^10', '--rounds', 'light', '--runs', '1', '--min-time', '0'];
const bench = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [cli, 'bench', ...quick, ...args], { encoding: 'utf8', timeout: 60_000, env });

describe('cake bench --report into a folder that holds files cake did not write', () => {
  it('refuses before measuring and leaves them alone; --force replaces them', () => {
    const dir = tempDir('cake-clobber-');
    writeFileSync(join(dir, 'index.html'), '<h1>the demo</h1>');
    const refused = bench(['--report', dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`--report: ${dir} already holds index.html, which cake did not write (no .cake-report marker there); choose another path, or add --force`);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<h1>the demo</h1>');
    const forced = bench(['--report', dir, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(bench(['--report', dir]).status).toBe(0); // its own report, marked: replaced without asking
  });

  it('never follows a symbolic link out of the folder', () => {
    const dir = tempDir('cake-clobber-');
    const outside = join(dir, 'precious.json');
    writeFileSync(outside, 'keep me');
    const report = join(dir, 'report');
    mkdirSync(report);
    writeFileSync(join(report, '.cake-report'), 'a marker');
    symlinkSync(outside, join(report, 'report.json'));
    const refused = bench(['--report', report]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('report.json is a symbolic link, which cake never follows');
    expect(bench(['--report', report, '--force']).status).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('keep me'); // the link was replaced, not followed
    expect(JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')).schema).toBe('parallel-cake/bench@1');
  });
});

describe('cake bench --json onto an existing file', () => {
  it('replaces its own JSON, refuses any other file unless --force', () => {
    const dir = tempDir('cake-clobber-');
    const json = join(dir, 'out.json');
    expect(bench(['--json', json]).status).toBe(0);
    expect(bench(['--json', json]).status).toBe(0);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my thesis');
    const refused = bench(['--csv', notes]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`--csv: ${notes} exists and is not a cake bench CSV file`);
    expect(readFileSync(notes, 'utf8')).toBe('my thesis');
  });
});

describe('an unusable temp folder', () => {
  it('does not take the good outputs down with the one that failed', () => {
    const dir = tempDir('cake-notmp-');
    const csv = join(dir, 'good.csv');
    const result = spawnSync(process.execPath, [cli, 'bench', ...quick, '--json', '/proc/version', '--csv', csv], { encoding: 'utf8', timeout: 60_000, cwd: '/proc', env: { ...process.env, TMPDIR: '/nonexistent-tmp' } });
    expect(result.status).toBe(1);
    expect(readFileSync(csv, 'utf8')).toMatch(/^strategy,n,rounds,/);
    expect(result.stderr).toMatch(/could not write \/proc\/version \(.+\), nor save it elsewhere: no folder to save it in/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['good.csv']);
  });
});
