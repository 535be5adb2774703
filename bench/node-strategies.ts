// The strategies the Node CLI offers: the library's registry plus the minimal-code GPU baseline, which lives
// beside the CLI because it is a measuring stick, not a way the library eats.
import { strategies } from '../src/strategies/index.ts';
import type { StrategyEntry } from '../src/strategy.ts';
import { minimalGpu } from './minimal-gpu.ts';

export const nodeStrategies: readonly StrategyEntry[] = [...strategies, minimalGpu];
