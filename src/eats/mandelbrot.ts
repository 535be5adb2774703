// mandelbrot: slice i is a pixel of a w x h view (row by row, w from n: mandelbrotWidth); eating it iterates
// z = z^2 + c up to `rounds` times and the eaten slice is the iteration count, so the eaten cake is the picture.
// The view, re -2.2..0.8 and im 1.3 (top row) down to -0.3, holds the upper half of the set and a strip below the
// axis: the classic view is symmetric about the real axis, so two row blocks would be balanced by accident; here the
// bottom rows hold the set's body and the top rows mostly escape at once (2 static blocks: about 1.7x the mean).
// Fixed point with 12 fraction bits (Q19.12 in i32) so the CPU and the GPU agree bit for bit: every product stays
// under 2^30. Twin: shaders/eats/mandelbrot.wgsl, the same steps in the same order.
import wgsl from '../../shaders/eats/mandelbrot.wgsl?raw';
import type { Eat } from '../eat.ts';

const viewAspect = 3.0 / 1.6; // width / height of the view in the complex plane
const costRounds = 256; // the sorted cake orders pixels by their iterations up to this many

/** Pixels per row of a picture of n pixels with the view's aspect ratio. */
export function mandelbrotWidth(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(n * viewAspect)));
}

/** The uneaten slice of pixel `index`: its place in the view, (X << 16) | Y, each on a 0..65535 grid. */
function pixel(index: number, n: number): number {
  const width = mandelbrotWidth(n);
  const height = Math.ceil(n / width);
  const X = Math.floor(((index % width) * 65536) / width);
  const Y = Math.floor((Math.floor(index / width) * 65536) / height);
  return ((X << 16) | Y) >>> 0;
}

function iterations(x: number, rounds: number): number {
  const cr = -9011 + ((Math.imul(x >>> 16, 12288)) >> 16); // re from -2.2 across 3.0
  const ci = 5325 - ((Math.imul(x & 0xffff, 6554)) >> 16); // im from 1.3 down 1.6
  let zr = 0;
  let zi = 0;
  let k = 0;
  for (; k < rounds; k++) {
    const zr2 = Math.imul(zr, zr) >> 12;
    const zi2 = Math.imul(zi, zi) >> 12;
    if (zr2 + zi2 > 16384) break; // |z| > 2: escaped
    zi = (Math.imul(zr, zi) >> 11) + ci;
    zr = zr2 - zi2 + cr;
  }
  return k;
}

export const mandelbrot: Eat = {
  name: 'mandelbrot',
  element: 'u32',
  summary: 'a pixel per slice: up to rounds iterations of z^2 + c (fixed point); lumpy rows, the eaten cake is the picture',
  cpu: (x, rounds) => iterations(x >>> 0, rounds),
  slice: pixel,
  cost: (x) => iterations(x >>> 0, costRounds) + 1,
  wgsl: { file: 'shaders/eats/mandelbrot.wgsl', code: wgsl, firstLine: 1 },
  source: { builtin: 'mandelbrot' },
};
