// A friend that stops answering fails its record, named, within a timeout derived from the pool's measured rate
// (never a hang): the pool is shut down, the next record gets a fresh one, and the rest of the run is kept.
import { fileURLToPath } from 'node:url';
import { hash } from '../src/eats/hash.ts';
import { expect, it } from 'vitest';
import { nodeHost } from '../bench/node-host.ts';
import { describeEnvironment } from '../src/measure/environment.ts';
import { defaultStopRule } from '../src/measure/run.ts';
import { runPlan } from '../src/measure/suite.ts';
import { findStrategy } from '../src/strategies/index.ts';

const hung = fileURLToPath(new URL('./fixtures/hung-friend.mjs', import.meta.url));

it('a hung friend fails its record naming the friend and the wait; the records around it are kept', async () => {
  const host = nodeHost({ friendScript: hung });
  const strategies = ['loop', 'pool-copy', 'pool-shared', 'map'].map((name) => findStrategy(name)!);
  const startedMs = performance.now();
  const report = await runPlan({ eat: hash, strategies, sizes: [4096], rounds: [1], order: 'ordered', poolSize: 2, stop: { ...defaultStopRule, minRuns: 3, minTimeMs: 0 } }, host, describeEnvironment(host));
  expect(performance.now() - startedMs).toBeLessThan(40_000); // two timeouts of 5 s, not for ever
  expect(report.results.map((r) => r.strategy)).toEqual(['loop', 'map']);
  expect(report.failures.map((f) => f.strategy)).toEqual(['pool-copy', 'pool-shared']);
  for (const failure of report.failures) {
    expect(failure.error).toMatch(/^friend [01] failed while eating chunk [01] \(slices \d+\.\.\d+\): it did not answer within \d+\.\d s \(expected about .* ms at this pool's measured .* ns per slice-round\): it hung/);
  }
}, 60_000);
