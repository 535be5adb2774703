// gpu-stream's options through the built CLI, as a user types them: bad values exit 2 with one line naming the
// option, the limit and an example; a run over a --device-memory budget eats with gpu-stream, fails gpu with the
// reason, and writes the timeline and overlap figures into the JSON.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/record/record.ts';
import { isGpuSkipped } from './gpu.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
const stream = ['--strategies', 'gpu-stream'];

describe('cake bench with bad gpu-stream options', () => {
  it.each([
    [[...stream, '--chunk', '2'], /^cake: --chunk: 2 is outside 4 B\.\.4 GiB \(a multiple of 4 bytes \(whole slices\)\)\. Example: --chunk 1MiB$/],
    [[...stream, '--chunk', '6'], /^cake: --chunk: 6 = 6 bytes is not a multiple of 4 bytes \(whole slices\)\. Example: --chunk 1MiB$/],
    [[...stream, '--chunk', 'big'], /^cake: --chunk: "big" is not a size; use 4 B\.\.4 GiB .*written like 65536, 64KiB or 4MiB\. Example: --chunk 1MiB$/],
    [[...stream, '--chunk', '8GiB'], /^cake: --chunk: 8GiB is outside 4 B\.\.4 GiB/],
    [[...stream, '--in-flight', '0'], /^cake: --in-flight: "0" is not allowed; use an integer 1\.\.16 \(chunks in flight; 1 overlaps nothing\)\. Example: --in-flight 3$/],
    [[...stream, '--in-flight', '17'], /^cake: --in-flight: "17" is not allowed; use an integer 1\.\.16/],
    [[...stream, '--device-memory', '1KiB'], /^cake: --device-memory: 1KiB is outside 65536 B\.\.1024 GiB \(bytes\)\. Example: --device-memory 4MiB$/],
    [[...stream, '--chunk', '1MiB', '--device-memory', '1MiB'], /^cake: --chunk 1MiB x --in-flight 3 needs \d+ bytes of device memory .*over --device-memory 1MiB \(1048576 bytes\)\. Example: --device-memory 4MiB --chunk 512KiB$/],
    [['--strategies', 'gpu', '--chunk', '1MiB'], /^cake: --chunk applies to gpu-stream only, which this run does not measure\. Example: cake bench --strategies gpu,gpu-stream --chunk 1MiB$/],
  ])('%j', (args, message) => {
    const result = cake('bench', ...args);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('Warning: maxDynamic'));
    expect(lines.join('\n')).toMatch(message);
    expect(lines).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(isGpuSkipped)('cake bench --device-memory', () => {
  it('eats a cake 4x the budget with gpu-stream and says why gpu could not; the JSON keeps the timeline', () => {
    const json = join(tempDir('cake-stream-'), 'stream.json');
    const result = cake('bench', '--adapter', 'lavapipe', '--strategies', 'gpu,gpu-stream', '--sizes', '2^15', '--rounds', 'light', '--device-memory', '64KiB', '--in-flight', '2', '--runs', '2', '--min-time', '0', '--json', json);
    expect(result.status, result.stderr).toBe(1); // gpu's failure is a failure, reported, not dropped
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report.failures).toEqual([expect.objectContaining({ strategy: 'gpu', error: expect.stringMatching(/over --device-memory 64 KiB\. Use gpu-stream/) })]);
    const record = report.results.find((r) => r.strategy === 'gpu-stream')!;
    expect(record).toMatchObject({ verified: true, inFlight: 2, deviceBytes: expect.any(Number) });
    expect(record.deviceBytes as number).toBeLessThanOrEqual(64 * 2 ** 10);
    expect(record.timeline!.kind).toBe('stages');
    expect(new Set(record.timeline!.bars.map((bar) => bar.chunk)).size).toBe(record.chunks);
    expect(record).toHaveProperty('overlapEfficiency');
    expect(record.serialMs!).toBeGreaterThanOrEqual(record.overlapBoundMs!);
  });
});
