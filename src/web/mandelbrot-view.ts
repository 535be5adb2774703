// Draws the Mandelbrot cake as what it is, a picture (w x h from mandelbrotWidth, row by row), twice: once as
// eaten (each pixel's iteration count on a colour ramp) and once coloured by who ate each pixel (a pool's friend,
// or for the GPU the turn in which its workgroup began).
import type { Cake } from '../eat.ts';
import { mandelbrotWidth } from '../eats/mandelbrot.ts';
import { eaterColour, turnColour } from './cake-view.ts';

/** The picture's size in pixels for a cake of `n` slices: the last row may be short. */
export function pictureSize(n: number): { width: number; height: number } {
  const width = mandelbrotWidth(n);
  return { width, height: Math.ceil(n / width) };
}

/** Paints one RGB per pixel of the picture; pixels past the cake's end stay cream. */
function paint(canvas: HTMLCanvasElement, n: number, rgbOf: (slice: number) => [number, number, number]): void {
  const { width, height } = pictureSize(n);
  Object.assign(canvas, { width, height });
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(width, height);
  for (let slice = 0; slice < width * height; slice++) {
    const [r, g, b] = slice < n ? rgbOf(slice) : [243, 227, 195];
    image.data.set([r, g, b, 255], slice * 4);
  }
  context.putImageData(image, 0, 0);
}

/** Escaped at once: pale; near the limit: deep blue; never escaped (the set itself): black. */
function rampOf(iterations: number, rounds: number): [number, number, number] {
  if (iterations >= rounds) return [0, 0, 0];
  const t = Math.sqrt(iterations / rounds); // most pixels escape in a few iterations: stretch the low end
  return [Math.round(255 * (1 - t) ** 2), Math.round(230 * (1 - t * 0.7)), Math.round(120 + 135 * t)];
}

/** The eaten cake as the picture: each pixel's iteration count (up to `rounds`) on the colour ramp. */
export function drawPicture(canvas: HTMLCanvasElement, eaten: Cake, rounds: number): void {
  paint(canvas, eaten.length, (slice) => rampOf(eaten[slice]!, rounds));
}

const rgb = (css: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as [number, number, number];

/** The same picture coloured by eater (0: the calling thread, 1..: friends) or, given `turns`, by turn. */
export function drawEatersPicture(canvas: HTMLCanvasElement, eaters: Uint8Array, turns?: Uint32Array): void {
  if (turns) {
    const lastTurn = Math.max(1, turns.reduce((most, turn) => Math.max(most, turn), 0));
    const context = canvas.getContext('2d')!;
    paint(canvas, turns.length, (slice) => {
      context.fillStyle = turnColour(turns[slice]! / lastTurn); // the canvas turns hsl() into #rrggbb
      return rgb(context.fillStyle);
    });
    return;
  }
  const colours = Array.from({ length: 256 }, (_, eater) => rgb(eaterColour(eater)));
  paint(canvas, eaters.length, (slice) => colours[eaters[slice]!]!);
}
