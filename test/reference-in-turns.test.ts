// The reference eating hears a stop: at 2^24 x heavy it takes a minute, and Ctrl-C during it used to wait for
// the whole of it (found by the adversarial pass: exit after 30 s and more, not at once).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bake } from '../src/cake.ts';
import { hash } from '../src/eats/hash.ts';
import { referenceEaten } from '../src/measure/reference.ts';
import { expectedEaten } from '../src/measure/verify.ts';
import { tempDir } from './temp-dir.ts';

describe('referenceEaten', () => {
  it('eats what expectedEaten eats, in steps, at any rounds', async () => {
    for (const rounds of [1, 64, 2 ** 20]) {
      const cake = bake(rounds === 2 ** 20 ? 8 : 5000);
      expect(await referenceEaten(hash, cake, rounds)).toEqual(expectedEaten(hash, cake, rounds));
    }
  });

  it('returns nothing once stopped, and stops within a turn', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const startMs = performance.now();
    expect(await referenceEaten(hash, bake(2 ** 22), 1024, stop.signal)).toBeUndefined(); // ~20 s uninterrupted
    expect(performance.now() - startMs).toBeLessThan(2000);
  });
});

it('cake bench: SIGINT during the reference eating exits 130 at once with the JSON written', async () => {
  const json = join(tempDir('cake-reference-'), 'out.json');
  const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
  const child = spawn(process.execPath, [cli, 'bench', '--strategies', 'loop', '--sizes', '2^24', '--rounds', 'heavy', '--yes', '--json', json]);
  let stderr = '';
  let sentMs = 0;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!sentMs && /eating the reference cake/.test(stderr)) {
      sentMs = performance.now();
      setTimeout(() => child.kill('SIGINT'), 500);
    }
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code, stderr).toBe(130);
  expect(performance.now() - sentMs).toBeLessThan(10_000);
  expect((JSON.parse(readFileSync(json, 'utf8')) as { interrupted?: { signal: string } }).interrupted?.signal).toBe('SIGINT');
});
