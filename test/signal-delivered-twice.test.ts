// One stop delivered twice is one stop: `timeout` signals the command and then its process group, and npm run
// forwards the terminal's Ctrl-C to a child that already got it. Two signals within 100 ms used to quit at once,
// writing nothing (found by the adversarial pass under `timeout -s TERM`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');

it.each(['SIGINT', 'SIGTERM'] as const)('%s twice 30 ms apart stops once: the outputs are written', async (signal) => {
  const json = join(tempDir('cake-twice-'), 'out.json');
  const child = spawn(process.execPath, [cli, 'bench', '--strategies', 'pool-shared', '--sizes', '2^18', '--runs', '1000', '--min-time', '0', '--max-time', '60000', '--json', json]);
  let stderr = '';
  let isSent = false;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!isSent && stderr.includes('[1/1] pool-shared')) {
      isSent = true;
      setTimeout(() => child.kill(signal), 500);
      setTimeout(() => child.kill(signal), 530); // after the first was heard: the loop is idle while friends eat
    }
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
  expect((JSON.parse(readFileSync(json, 'utf8')) as { interrupted?: { signal: string } }).interrupted?.signal).toBe(signal);
});
