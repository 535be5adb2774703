// The facts others read from a registry entry (family, colour, left out by default, Node only), checked over
// every entry, so a strategy added as one file and one registry line is held to them the moment it is listed,
// and what the CLI does with the facts follows the entries rather than a list of names. The report's colours
// against its copy routes' are checked in report-charts-data.test.ts, and in a drawn report in report-html.test.ts.
import { spawnSync } from 'node:child_process';
import { hash } from '../src/eats/hash.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, readBenchOptions } from '../bench/args.ts';
import { nodeHost } from '../bench/node-host.ts';
import { nodeStrategies } from '../bench/node-strategies.ts';
import { gpuCostSizes } from '../src/measure/gpu-costs.ts';
import type { BenchReport } from '../src/record/record.ts';
import type { Host } from '../src/host.ts';
import type { StrategyEntry, StrategyFamily } from '../src/strategy.ts';
import { syntheticRecord } from './records.ts';

const families: readonly StrategyFamily[] = ['cpu', 'simd', 'pool', 'gpu'];
const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');

/** One record per entry, each at its own size (2^10, 2^11, ...), so a size names the entry measured at it. */
function reportOfEvery(entries: readonly StrategyEntry[]): BenchReport {
  return {
    schema: 'parallel-cake/bench@1',
    environment: { runtime: 'node', cpus: 'x', cores: 2, hostClock: { name: 'performance.now', resolutionMs: 1e-4 } },
    results: entries.map((entry, i) => syntheticRecord(entry.name, 2 ** (10 + i), 1, 1)),
    startup: [],
    failures: [],
  };
}

const sizesOf = (entries: readonly StrategyEntry[], which: (entry: StrategyEntry) => boolean) =>
  entries.flatMap((entry, i) => (which(entry) ? [2 ** (10 + i)] : []));

describe.each(nodeStrategies.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
  it('has a family and a colour of its own', () => {
    expect(families).toContain(entry.family);
    expect(entry.colour).toMatch(/^#[0-9a-f]{6}$/i);
    const others = nodeStrategies.filter((other) => other !== entry);
    expect(others.map((other) => other.name)).not.toContain(entry.name);
    expect(others.map((other) => other.colour.toLowerCase()), `${entry.name}'s colour`).not.toContain(entry.colour.toLowerCase());
  });

  it('gives a reason when it is left out by default', () => {
    if (entry.leftOutByDefault !== undefined) expect(entry.leftOutByDefault.length).toBeGreaterThan(10);
  });
});

describe('the registry\'s facts', () => {
  it('decide where the GPU costs are measured: at the sizes of the gpu family\'s records, and no others', () => {
    const gpuSizes = sizesOf(nodeStrategies, (entry) => entry.family === 'gpu');
    expect(gpuSizes.length).toBeGreaterThan(0);
    expect(gpuCostSizes(reportOfEvery(nodeStrategies), nodeStrategies)).toEqual(gpuSizes);
    // Negative control: the same names in other families bring no GPU costs; a new name in the gpu family does.
    const noGpu = nodeStrategies.map((entry): StrategyEntry => ({ ...entry, family: entry.family === 'gpu' ? 'cpu' : entry.family }));
    expect(gpuCostSizes(reportOfEvery(noGpu), noGpu)).toEqual([]);
    const withNew = [...nodeStrategies, { ...nodeStrategies[0]!, name: 'gpu-new', family: 'gpu' as const }];
    expect(gpuCostSizes(reportOfEvery(withNew), withNew)).toContain(2 ** (10 + nodeStrategies.length));
  });

  it('decide what a plain `cake bench` runs: every entry that runs here but those left out by default, which a sweep runs too', () => {
    const host = nodeHost();
    const runnable = nodeStrategies.filter((entry) => !entry.unavailable?.(host, hash));
    expect(runnable.some((entry) => entry.leftOutByDefault)).toBe(true); // else this test shows nothing
    const plain = parseBenchArgs(readBenchOptions([]), host, hash).strategies;
    expect(plain).toEqual(runnable.filter((entry) => !entry.leftOutByDefault));
    expect(parseBenchArgs(readBenchOptions(['--sweep']), host, hash).strategies).toEqual(runnable);
  });

  it('name in `cake help` the strategies a plain bench leaves out', () => {
    const help = spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8', timeout: 60_000 });
    const leftOut = nodeStrategies.filter((entry) => entry.leftOutByDefault).map((entry) => entry.name);
    expect(help.stdout).toContain(`(default: all that run here but ${leftOut.join(', ')})`);
  });

  it('mark Node only what cannot run in a host without Node (the page does not offer it)', () => {
    const browserLike: Host = { runtime: 'Chrome', cpuModel: 'x', cores: 2, hasSharedMemory: true, inviteFriend: () => { throw new Error('no friends in this test'); } };
    for (const entry of nodeStrategies.filter((e) => e.isNodeOnly)) expect(entry.unavailable?.(browserLike, hash), entry.name).toEqual(expect.any(String));
  });
});
