// One number reader for every option (src/measure/asked.ts parseDecimal): hex, octal, binary, blanks and
// Infinity are refused everywhere, as --sizes always refused them. And a closed stdout ends the CLI quietly.
import { spawnSync } from 'node:child_process';
import { hash } from '../src/eats/hash.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, readBenchOptions, UsageError } from '../bench/args.ts';
import { nodeHost } from '../bench/node-host.ts';
import { parseTuneArgs } from '../bench/tune-args.ts';

const notDecimal = ['0x10', '0o17', '0b11', 'Infinity', '1_000', '', ' '];

describe('numbers in options', () => {
  it.each(['--runs', '--min-time', '--max-time', '--pool-size', '--workgroup-size', '--rounds'])('bench %s refuses hex, octal, binary and the like', (option) => {
    for (const text of notDecimal.filter(Boolean)) {
      expect(() => parseBenchArgs(readBenchOptions([option, text]), nodeHost(), hash), `${option} ${text}`).toThrow(UsageError);
    }
  });

  it.each(['--samples', '--max-samples', '--seed', '--workgroup-sizes', '--rounds'])('tune %s refuses hex, octal, binary and the like', (option) => {
    for (const text of notDecimal.filter(Boolean)) expect(() => parseTuneArgs([option, text]), `${option} ${text}`).toThrow(UsageError);
  });

  it('tune --budget refuses a hex share', () => {
    expect(() => parseTuneArgs(['--strategy', 'hill', '--budget', '0x0'])).toThrow(UsageError);
  });

  it('still reads decimals as before', () => {
    expect(parseBenchArgs(readBenchOptions(['--runs', '12', '--workgroup-size', '128', '--rounds', '1e2']), nodeHost(), hash)).toMatchObject({ stop: { minRuns: 12 }, rounds: [100], gpu: { workgroupSize: 128 } });
    expect(parseTuneArgs(['--samples', '7', '--strategy', 'hill', '--budget', '0.5'])).toMatchObject({ fullSamples: 7, budgetShare: 0.5 });
  });
});

describe('a closed stdout', () => {
  it('cake bench | true (a reader that is gone before the table) exits quietly: no EPIPE stack trace', () => {
    const cli = join(import.meta.dirname, '..', 'dist', 'node', 'cake.js');
    const script = `"$0" "$1" bench --strategies loop --sizes 2^10 --runs 1 --min-time 0 | true; echo "status \${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script, process.execPath, cli], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout.trim()).toBe('status 0');
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
