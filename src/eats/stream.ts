// stream: one multiply per slice and round (BabelStream's scale on integers). At light cost eating is a copy
// with a multiply in it, so its speed is the memory's: the copy limit made visible. Twins: shaders/eats/stream.wgsl,
// src/eats/stream.wat, the same step in the same order.
import wgsl from '../../shaders/eats/stream.wgsl?raw';
import simdBytes from './stream.wat?bytes';
import simdSharedBytes from './stream.wat?shared-bytes';
import type { Eat } from '../eat.ts';

export const stream: Eat = {
  name: 'stream',
  element: 'u32',
  summary: 'memory-bound: one multiply per slice and round, like BabelStream\'s scale; shows the copy limit',
  cpu(x, rounds) {
    let s = x >>> 0;
    for (let round = 0; round < rounds; round++) s = Math.imul(s, 3);
    return s >>> 0;
  },
  wgsl: { file: 'shaders/eats/stream.wgsl', code: wgsl, firstLine: 1 },
  simd: { bytes: (memory) => (memory === 'shared' ? simdSharedBytes : simdBytes) },
  source: { builtin: 'stream' },
  opsPerSliceRound: 1, // one multiply
  bytesPerSlice: 8, // the slice read, the eaten slice written
};
