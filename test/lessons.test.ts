// `cake lessons` from the built CLI: every lesson of the list, each with a measured number and a verification.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from '../src/lessons/index.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');

describe('cake lessons', () => {
  it('tells every lesson with a live, verified measurement', () => {
    const run = spawnSync(process.execPath, [cli, 'lessons'], { encoding: 'utf8' });
    // Dawn prints two harmless limit warnings per adapter (Dawn's own note when it opens one); nothing else may appear.
    const unexpected = run.stderr.split('\n').filter((line) => line && !/^Warning: maxDynamic\w+BuffersPerPipelineLayout artificially reduced/.test(line));
    expect(unexpected).toEqual([]);
    expect(run.status).toBe(0);
    const blocks = run.stdout.split(/\n(?=\d+\. ")/).slice(1);
    expect(blocks).toHaveLength(lessons.length);
    blocks.forEach((block, index) => {
      expect(block).toContain(`${index + 1}. "${lessons[index]!.claim}"`);
      expect(block).toMatch(/\d(\.\d+)? (ms|us|ns|MiB)\b/); // a measured figure
      expect(block).toMatch(/\n {3}verified: .+\(\d+\.\d s\)/);
      expect(block).not.toContain('FAILED');
    });
    expect(run.stdout).toMatch(/^Clocks: every time is a median on the wall clock, performance\.now \(smallest step here [\d.]+ (ns|us|ms)\); .*timestamp-query/m);
    expect(run.stdout).toMatch(/the kernel itself [\d.]+ (ns|us|ms) on the (GPU's timestamp-query|wall) clock|No GPU lesson on this machine/);
    expect(run.stdout).toContain("The caller's cake still reads 0, 1, 2, 3, ...: all 65536 slices untouched.");
    expect(run.stdout).toMatch(/pool-shared {2}beats loop from n\* = (2\^[\d.]+ \(\d+\)|always|never in range)/);
    expect(run.stdout).toMatch(new RegExp(`${lessons.length} of ${lessons.length} lessons shown in [\\d.]+ s\\.`));
  });
});
