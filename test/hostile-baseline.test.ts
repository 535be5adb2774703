// A --compare baseline is a file we were handed: every file of the hostile corpus (test/fixtures/hostile/baseline)
// is refused before anything is measured, with its path and exit code 2, or read with its impossible records
// dropped and said so; nothing crashes after measuring, and no escape sequence from the file reaches the terminal.
import { spawnSync } from 'node:child_process';
import { mkfifoSync } from './fifo.ts';
import { readdirSync, symlinkSync, writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
const corpus = join(import.meta.dirname, 'fixtures', 'hostile', 'baseline');
const compare = (path: string) =>
  spawnSync(process.execPath, [cli, 'bench', '--strategies', 'loop', '--sizes', '2^10', '--rounds', 'light', '--runs', '1', '--min-time', '0', '--compare', path], { encoding: 'utf8', timeout: 30_000 });

/** Files refused as a whole; the rest are read with their bad records dropped. */
const refused = new Set(['null-record.json', 'empty-record.json', 'string-median.json', 'negative-median.json', 'null-p90.json', 'zero-median.json', 'huge-n.json', 'fraction-rounds.json',
  'results-object.json', 'results-missing.json', 'schema-number.json', 'array-top.json', 'string-top.json', 'empty.json', 'truncated.json']);

describe('the hostile baseline corpus', () => {
  it.each(readdirSync(corpus))('%s', (name) => {
    const path = join(corpus, name);
    const result = compare(path);
    expect(result.stdout + result.stderr).not.toMatch(/\u001b|\u0007/); // no escape sequence from the file is printed
    expect(result.stderr).not.toMatch(/\n\s+at |TypeError|Cannot read/); // no crash
    if (refused.has(name)) {
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n').filter((line) => !line.startsWith('Warning: maxDynamic'))).toHaveLength(1); // Dawn's own note on opening an adapter
      expect(result.stderr).toContain(`--compare: ${path}`);
      expect(result.stderr).not.toContain('[1/1] loop'); // refused before anything is measured
    } else {
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Compared with ${path}`);
    }
  });

  it('drops the impossible records of a mixed file, naming each, and compares the rest', () => {
    const path = join(corpus, 'mixed-good-and-bad.json');
    const result = compare(path);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`cake: --compare: ${path}: record 2 dropped: the record must be an object (got null)`);
    expect(result.stderr).toMatch(/record 3 dropped: medianMs must be a number \(got "NaN"\)/);
    expect(result.stdout).toMatch(/^loop n=1024 rounds=1 cake=ordered .*x/m);
  });
});

describe('a baseline path that is not a regular file', () => {
  it('refuses a FIFO, a symlink to a device and a file over the size cap, naming the path, at once', () => {
    const dir = tempDir('cake-hostile-');
    const fifo = join(dir, 'base.fifo');
    mkfifoSync(fifo);
    const zero = join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 65 * 2 ** 20); // sparse: no disk used
    for (const [path, why] of [[fifo, /is not a file|a FIFO/], [zero, /is not a file|a character device/], [big, /is 65\.0 MiB, over the 64\.0 MiB/]] as const) {
      const started = performance.now();
      const result = compare(path);
      expect(result.status, path).toBe(2);
      expect(result.stderr).toMatch(why);
      expect(result.stderr).toContain(path);
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });
});
