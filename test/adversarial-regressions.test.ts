// What the adversarial pass broke, kept as plain tests: files that are not files for predict and compare (they
// hung on /dev/zero and a FIFO), compare --report onto a file (a raw EEXIST), tune's --json over a file it did not
// write (replaced in silence), an unusable --cache (exit 1, now 2 like --compare), and an eat module whose
// top-level await never settles (cake exited 0 with nothing measured).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWithin } from '../bench/eat-file.ts';
import { mkfifoSync } from './fifo.ts';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
/** cake's own lines on stderr (Dawn prints warnings of its own when an adapter opens). */
const ours = (stderr: string) => stderr.trim().split('\n').filter((line) => line.startsWith('cake'));

describe('files that are not what they claim', () => {
  const dir = tempDir('cake-adversarial-');
  const fifo = join(dir, 'fifo');
  mkfifoSync(fifo);
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'my notes\n');
  const report = join(dir, 'base.json');
  writeFileSync(report, JSON.stringify({ schema: 'parallel-cake/bench@1', results: [{ strategy: 'loop', n: 1024, rounds: 1, medianMs: 1, p10Ms: 1, p90Ms: 1 }] }));

  it.each([
    [['predict', '--from', '/dev/zero'], /^cake: --from: cannot read \/dev\/zero: \/dev\/zero is a character device, not a regular file/],
    [['predict', '--from', fifo], /is a FIFO \(named pipe\), not a regular file/],
    [['compare', '/dev/zero', report], /^cake: compare: cannot read \/dev\/zero: \/dev\/zero is a character device/],
    [['compare', fifo, report], /is a FIFO \(named pipe\), not a regular file/],
    [['compare', report, report, '--report', notes], /^cake: --report: cannot write .*notes\.txt\/index\.html: .*notes\.txt is a file, not a folder\./],
    [['tune', '--json', notes], /^cake: --json: .*notes\.txt exists and is not a cake tune JSON file; cake tune replaces only its own\./],
  ])('%j: exit 2, one line, at once', (args, message) => {
    const result = cake(...args);
    expect(result.status, result.stderr).toBe(2);
    expect(ours(result.stderr)).toEqual([expect.stringMatching(message)]);
  });

  it.skipIf(isGpuSkipped)('tune --cache that is not a cache: exit 2, one line naming it', () => {
    const result = cake('tune', '--adapter', 'lavapipe', '--n', '4096', '--cache', notes);
    expect(result.status, result.stderr).toBe(2);
    expect(ours(result.stderr)).toEqual([expect.stringMatching(/^cake: --cache: .*notes\.txt is not valid JSON/)]);
  });
});

it('an eat module still loading after the limit fails, naming why, instead of leaving an empty event loop', async () => {
  const module = join(tempDir('cake-tla-'), 'never.mjs');
  writeFileSync(module, 'await new Promise(() => {});\nexport default 1;\n');
  await expect(importWithin(`file://${module}`, 200)).rejects.toThrow(/^it was still loading after 0\.2 s \(a top-level await that never settles\?\)$/);
});
