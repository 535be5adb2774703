// Lesson: starting a parallel process has an overhead; go parallel when the task is long. With this
// machine's break-even, from a small sweep.
import { powersOfTwo } from './sizes.ts';
import { describeBreakEven, findBreakEven, formatSize } from '../record/crossover.ts';
import { describeEnvironment } from '../measure/environment.ts';
import { runSweep } from '../measure/sweep.ts';
import { findStrategy } from '../strategies/index.ts';
import type { Lesson } from './lesson.ts';
import { breakEvens } from '../record/break-even-model.ts';
import { fitModels } from '../record/model.ts';
import { reason } from '../format/explain.ts';
import { duration, lessonStopRule } from './lesson.ts';

const rounds = 64; // medium: light eating rarely pays for friends, heavy always does soon
const sizes = powersOfTwo(8, 20, 2); // 2^8 (all overhead) ... 2^20 (all eating)
const budgetMs = 10_000; // the small sweep's share of the lessons' 30 s
const contenders = ['pool-shared', 'pool-copy'];

export const startupOverhead: Lesson = {
  claim: 'Starting a parallel process has an overhead: go parallel when a task is long',
  async run(context) {
    const entries = ['loop', ...contenders].map((name) => findStrategy(name)!).filter((entry) => !entry.unavailable?.(context.host, context.eat));
    const plan = { eat: context.eat, strategies: entries, sizes, rounds: [rounds], order: 'ordered' as const, poolSize: context.poolSize, stop: lessonStopRule, budgetMs };
    const report = await runSweep(plan, context.host, describeEnvironment(context.host));
    const spawns = report.startup.map((s) => s.ms).sort((a, b) => a - b);
    const smallest = report.results.filter((r) => r.n === sizes[0]);
    const loopSmall = smallest.find((r) => r.strategy === 'loop');
    const crossovers = contenders.flatMap((name) => findBreakEven(report.results, name, rounds) ?? []);
    const lines = [
      `Inviting ${context.poolSize} friends takes ${duration(spawns[Math.floor((spawns.length - 1) / 2)] ?? NaN)} (median of ${spawns.length} starts), before any eating.`,
      `And every eating pays to hand out the work: at ${sizes[0]} slices loop takes ${duration(loopSmall?.medianMs ?? NaN)}, ` +
        smallest.filter((r) => r.strategy !== 'loop').map((r) => `${r.strategy} ${duration(r.medianMs)}`).join(', ') + '.',
      `So the friends pay off only above a break-even size n* (medium eating, this machine, ${formatSize(sizes[0]!)}..${formatSize(sizes.at(-1)!)}):`,
      ...crossovers.map(({ strategy, breakEven }) => `  ${strategy.padEnd(12)} beats loop from n* = ${describeBreakEven(breakEven)}`),
    ];
    // Why, from each strategy's cost model fitted to this small sweep: its fixed cost against what a slice saves.
    for (const entry of breakEvens(report.results, fitModels(report.results)).filter((e) => contenders.includes(e.strategy))) lines.push(`  why: ${reason(entry)}`);
    if (crossovers.some(({ breakEven }) => breakEven.kind === 'always')) {
      lines.push(`  ("always": on this machine right now even ${formatSize(sizes[0]!)} slices paid off; a busy core slows the loop too.)`);
    }
    const skipped = report.skipped?.length ?? 0;
    if (skipped > 0) lines.push(`  (${skipped} cell${skipped === 1 ? '' : 's'} skipped to keep within ${budgetMs / 1000} s)`);
    return { lines, verified: `${report.results.length} records, every run of every one equal to the CPU twin${report.failures.length > 0 ? `; ${report.failures.length} FAILED` : ''}` };
  },
};
