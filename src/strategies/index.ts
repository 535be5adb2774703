// The registry: one line per strategy. Tests, the CLI and the demo all take their strategies from here.
import type { StrategyEntry } from '../strategy.ts';
import { gpu } from './gpu.ts';
import { gpuResident } from './gpu-resident.ts';
import { gpuStream } from './gpu-stream.ts';
import { loop } from './loop.ts';
import { map } from './map.ts';
import { piscina } from './piscina.ts';
import { poolCopy } from './pool-copy.ts';
import { poolShared } from './pool-shared.ts';
import { poolSimd } from './pool-simd.ts';
import { poolSlice } from './pool-slice.ts';
import { poolTransfer } from './pool-transfer.ts';
import { simd } from './simd.ts';

export const strategies: readonly StrategyEntry[] = [
  loop,
  map,
  poolCopy,
  poolTransfer,
  poolShared,
  poolSlice,
  piscina,
  simd,
  poolSimd,
  gpu,
  gpuResident,
  gpuStream,
];

export function findStrategy(name: string): StrategyEntry | undefined {
  return strategies.find((entry) => entry.name === name);
}
