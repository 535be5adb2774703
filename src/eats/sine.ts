// sine: an f32 eat function whose twins differ in the last bits (the GPU's sin and fused multiply-adds are not
// the CPU's), so results are compared within a tolerance. Each round y = 0.5 y + 0.25 sin(y) + 0.25 x, a
// contraction (its slope lies in [0.25, 0.75]), so rounding errors do not grow with rounds: each slice settles
// on its own fixed point. Twin: shaders/eats/sine.wgsl, the same steps in the same order.
import wgsl from '../../shaders/eats/sine.wgsl?raw';
import type { Eat } from '../eat.ts';

const f32 = Math.fround;

export const sine: Eat = {
  name: 'sine',
  element: 'f32',
  summary: 'f32: rounds of y = y/2 + sin(y)/4 + x/4; twins agree within a tolerance, not bit for bit',
  cpu(x, rounds) {
    let y = f32(x);
    for (let round = 0; round < rounds; round++) {
      y = f32(f32(f32(0.5 * y) + f32(0.25 * f32(Math.sin(y)))) + f32(0.25 * x));
    }
    return y;
  },
  // WGSL's sin is accurate to 2^-11 absolute on [-pi, pi] (SwiftShader uses that freedom); the contraction
  // multiplies a step's error by at most 1 / (1 - 0.75) = 4, and a quarter of sin enters each step.
  tolerance: { ulps: 64, absolute: 2 ** -10 },
  /** Slices spread over [-1, 1), each its own value (so the eaten cake's checksum is no XOR of pairs). */
  slice: (index, n) => (2 * index) / n - 1,
  wgsl: { file: 'shaders/eats/sine.wgsl', code: wgsl, firstLine: 1 },
  source: { builtin: 'sine' },
  // 3 multiplies and 2 adds, plus sin: about 15 floating-point operations as a polynomial with range reduction
  opsPerSliceRound: 20,
  bytesPerSlice: 8, // the slice read, the eaten slice written
};
