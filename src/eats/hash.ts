// hash, the default eat function: `rounds` rounds of the lowbias32 mix, all arithmetic mod 2^32. Its twins
// (shaders/eats/hash.wgsl, src/eats/hash.wat) keep the same steps in the same order, so all agree bit for bit.
import wgsl from '../../shaders/eats/hash.wgsl?raw';
import simdBytes from './hash.wat?bytes';
import simdSharedBytes from './hash.wat?shared-bytes';
import type { Eat } from '../eat.ts';

export const hash: Eat = {
  name: 'hash',
  element: 'u32',
  summary: 'rounds of an integer hash (lowbias32): about 8 integer operations per slice and round',
  cpu(x, rounds) {
    let h = x >>> 0;
    for (let round = 0; round < rounds; round++) {
      h ^= h >>> 16;
      h = Math.imul(h, 0x7feb352d);
      h ^= h >>> 15;
      h = Math.imul(h, 0x846ca68b);
      h ^= h >>> 16;
    }
    return h >>> 0;
  },
  wgsl: { file: 'shaders/eats/hash.wgsl', code: wgsl, firstLine: 1 },
  simd: { bytes: (memory) => (memory === 'shared' ? simdSharedBytes : simdBytes) },
  source: { builtin: 'hash' },
  opsPerSliceRound: 8, // three shift-xors (2 each) and two multiplies: 3 * 2 + 2
  bytesPerSlice: 8, // the slice read, the eaten slice written
};
