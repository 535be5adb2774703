// Draws a cake (or a friend's plate) from one colour per slice: undefined is an uneaten slice. A wedge holding
// slices of several colours is split into rings in proportion, as cake-view.ts does for who ate what.

import { cream, drawWedge } from './wedge.ts';
const maxWedges = 64; // thinner wedges stop being visible on a 160 px plate

export function drawPlate(canvas: HTMLCanvasElement, colours: readonly (string | undefined)[]): void {
  const context = canvas.getContext('2d')!;
  const radius = Math.min(canvas.width, canvas.height) / 2 - 3;
  context.clearRect(0, 0, canvas.width, canvas.height);
  const slices = colours.length;
  const wedges = Math.max(1, Math.min(slices, maxWedges));
  for (let wedge = 0; wedge < wedges; wedge++) {
    const from = Math.floor((wedge * slices) / wedges);
    const to = Math.max(from + 1, Math.floor(((wedge + 1) * slices) / wedges));
    const counts = new Map<string, number>();
    for (let slice = from; slice < to && slice < slices; slice++) {
      const colour = colours[slice] ?? cream;
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    if (slices === 0) counts.set(cream, 1);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const rings = [...counts].sort((a, b) => (a[0] === cream ? 1 : b[0] === cream ? -1 : 0)).map(([colour, count]): [string, number] => [colour, count / total]);
    drawWedge(context, radius, wedge, wedges, rings);
  }
}
