// Draws the cake as a round cake of wedges, each coloured by who ate its slices.

import { cream, drawWedge } from './wedge.ts';
/** Index 0 is the calling thread; 1.. are friends (pool workers). */
const eaterColours = ['#7b3f00', '#e4572e', '#17bebb', '#ffc914', '#76b041', '#8e6c8a', '#2e86ab', '#f18f01', '#c73e1d'];
const maxWedges = 96; // thinner wedges stop being visible at 360 px

export function eaterColour(eater: number): string {
  return eaterColours[eater % eaterColours.length]!;
}

export function eaterName(eater: number): string {
  return eater === 0 ? 'the calling thread' : `friend ${eater - 1}`;
}

/**
 * Draws `slices` slices as wedges. Without `eaters` the cake is uneaten; with them, each wedge is split into
 * rings in proportion to who ate its slices (a wedge eaten round robin shows every friend's share).
 */
export function drawCake(canvas: HTMLCanvasElement, slices: number, eaters?: Uint8Array, turns?: Uint32Array): void {
  if (turns) return drawTurns(canvas, slices, turns);
  const context = canvas.getContext('2d')!;
  const radius = Math.min(canvas.width, canvas.height) / 2 - 4;
  context.clearRect(0, 0, canvas.width, canvas.height);
  const wedges = Math.max(1, Math.min(slices, maxWedges));
  for (let wedge = 0; wedge < wedges; wedge++) {
    const from = Math.floor((wedge * slices) / wedges);
    const to = Math.floor(((wedge + 1) * slices) / wedges);
    const rings = shares(eaters, from, to).map(([eater, count]): [string, number] => [eater < 0 ? cream : eaterColour(eater), count / (to - from)]);
    drawWedge(context, radius, wedge, wedges, rings);
  }
}

/** How many slices of [from, to) each eater ate; eater -1 means uneaten. */
function shares(eaters: Uint8Array | undefined, from: number, to: number): [number, number][] {
  if (!eaters) return [[-1, to - from]];
  const counts = new Map<number, number>();
  for (let slice = from; slice < to; slice++) counts.set(eaters[slice]!, (counts.get(eaters[slice]!) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** The colour of a GPU turn: early workgroups dark, late ones light (share in 0..1). */
export function turnColour(share: number): string {
  return `hsl(${20 + 25 * share}, 70%, ${22 + 55 * share}%)`;
}

/** Draws wedges coloured by the mean turn in which their slices' workgroups began eating. */
function drawTurns(canvas: HTMLCanvasElement, slices: number, turns: Uint32Array): void {
  const context = canvas.getContext('2d')!;
  const radius = Math.min(canvas.width, canvas.height) / 2 - 4;
  const centre = { x: canvas.width / 2, y: canvas.height / 2 };
  context.clearRect(0, 0, canvas.width, canvas.height);
  const lastTurn = Math.max(1, turns.reduce((most, turn) => Math.max(most, turn), 0));
  const wedges = Math.max(1, Math.min(slices, maxWedges));
  for (let wedge = 0; wedge < wedges; wedge++) {
    const from = Math.floor((wedge * slices) / wedges);
    const to = Math.max(from + 1, Math.floor(((wedge + 1) * slices) / wedges));
    let sum = 0;
    for (let slice = from; slice < to; slice++) sum += turns[slice]!;
    const startAngle = (wedge / wedges) * 2 * Math.PI - Math.PI / 2;
    const endAngle = ((wedge + 1) / wedges) * 2 * Math.PI - Math.PI / 2;
    context.beginPath();
    context.moveTo(centre.x, centre.y);
    context.arc(centre.x, centre.y, radius, startAngle, endAngle);
    context.closePath();
    context.fillStyle = turnColour(sum / (to - from) / lastTurn);
    context.fill();
  }
}
