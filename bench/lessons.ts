// `cake lessons`: the deck's story in the terminal, each claim with a live, verified measurement.
import { defaultEat } from '../src/eats/index.ts';
import { lessonsClock } from '../src/lessons/clock.ts';
import { lessons } from '../src/lessons/index.ts';
import { UsageError } from './args.ts';
import { checkGpu } from './node-gpu.ts';
import { nodeHost } from './node-host.ts';

/** Prints every lesson; a lesson that fails is reported and the rest still run. Exit code 1 if any failed. */
export async function runLessons(argv: string[]): Promise<number> {
  if (argv.length === 1 && ['--help', '-h'].includes(argv[0]!)) {
    process.stdout.write('usage: cake lessons\n  the deck\'s story, each claim shown with a live, verified measurement on this machine (under 30 s)\n');
    return 0;
  }
  if (argv.length > 0) throw new UsageError(`cake lessons takes no options, got "${argv.join(' ')}". Example: cake lessons`);
  const host = await checkGpu(nodeHost());
  const context = { host, poolSize: host.cores, eat: defaultEat };
  const out = (text: string) => process.stdout.write(text + '\n');
  out(`The parallel cake, told on this machine (${host.cpuModel} x${host.cores}, ${host.runtime}).`);
  out('A cake is n slices (cake[i] = i); eating a slice is rounds of an integer mix; every eating below is checked slice by slice.');
  out(`${lessonsClock()}\n`);
  const startMs = performance.now();
  let failed = 0;
  for (const [index, lesson] of lessons.entries()) {
    const lessonStartMs = performance.now();
    out(`${index + 1}. "${lesson.claim}"`);
    try {
      const { lines, verified } = await lesson.run(context);
      for (const line of lines) out(`   ${line}`);
      out(`   verified: ${verified}. (${((performance.now() - lessonStartMs) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed++;
      out(`   FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  out(`${lessons.length - failed} of ${lessons.length} lessons shown in ${((performance.now() - startMs) / 1000).toFixed(1)} s.`);
  return failed > 0 ? 1 : 0;
}
