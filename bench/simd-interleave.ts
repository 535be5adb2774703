// `node dist/node/simd-interleave.js [cake bench options]`: times each SIMD kernel step (1, 2, 4 vectors in
// flight, 4 vectors + 4 scalars) beside loop, every run verified. Defaults: --sizes 2^16 --rounds heavy.
import { describeEnvironment } from '../src/measure/environment.ts';
import { formatTable } from '../src/format/records.ts';
import { runPlan } from '../src/measure/suite.ts';
import { interleaveEntries } from '../src/simd/interleave.ts';
import { loop } from '../src/strategies/loop.ts';
import { hash } from '../src/eats/hash.ts';
import { parseBenchArgs, readBenchOptions, UsageError } from './args.ts';
import { nodeHost } from './node-host.ts';

const usage = `usage: npm run bench:simd-interleave -- [options]
  times each SIMD kernel step (1, 2, 4 vectors in flight; 4 vectors + 4 scalars) beside loop, every run verified
  --sizes 2^16 (default)  --rounds heavy (default)  --runs N  --min-time MS  --max-time MS  --cake ordered|shuffled`;
const allowed = ['--sizes', '--rounds', '--runs', '--min-time', '--max-time', '--cake'];

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(usage + '\n'), 0;
  const refused = argv.map((arg) => arg.split('=')[0]!).find((arg) => arg.startsWith('-') && !allowed.includes(arg));
  if (refused) throw new UsageError(`${refused}: simd-interleave always runs loop and the simd kernel steps; it takes ${allowed.join(', ')}. Example: npm run bench:simd-interleave -- --sizes 2^16 --rounds heavy`);
  const options = readBenchOptions(argv);
  const host = nodeHost();
  const why = interleaveEntries[0]!.unavailable?.(host, hash);
  if (why) throw new Error(`simd-interleave cannot run here: ${why}`);
  if (!options.has('--sizes')) options.set('--sizes', '2^16');
  if (!options.has('--rounds')) options.set('--rounds', 'heavy');
  const args = parseBenchArgs(options, host, hash);
  const report = await runPlan({ ...args, strategies: [loop, ...interleaveEntries] }, host, describeEnvironment(host), (progress) => {
    if (progress.kind === 'start') process.stderr.write(`simd-interleave: [${progress.done + 1}/${progress.total}] ${progress.strategy} n=${progress.n} rounds=${progress.rounds}\n`);
    if (progress.kind === 'failure') process.stderr.write(`simd-interleave: ${progress.strategy} FAILED: ${progress.error}\n`);
  });
  process.stdout.write(formatTable(report) + '\n');
  return report.failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`simd-interleave: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
