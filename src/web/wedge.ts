// One wedge of a round cake, split into rings by share (who ate its slices, or what colour they are): the drawing
// that the cake (cake-view.ts) and a friend's plate (plate-view.ts) share.

export const cream = '#f3e3c3'; // an uneaten slice

/** Fills wedge `wedge` of `wedges` with `rings` ([colour, share], inside out, shares summing to 1) and outlines it. */
export function drawWedge(context: CanvasRenderingContext2D, radius: number, wedge: number, wedges: number, rings: readonly [string, number][]): void {
  const centre = { x: context.canvas.width / 2, y: context.canvas.height / 2 };
  const startAngle = (wedge / wedges) * 2 * Math.PI - Math.PI / 2;
  const endAngle = ((wedge + 1) / wedges) * 2 * Math.PI - Math.PI / 2;
  let inner = 0;
  for (const [colour, share] of rings) {
    const outer = inner + share * radius;
    context.beginPath();
    context.arc(centre.x, centre.y, outer, startAngle, endAngle);
    context.arc(centre.x, centre.y, inner, endAngle, startAngle, true);
    context.closePath();
    context.fillStyle = colour;
    context.fill();
    inner = outer;
  }
  context.beginPath();
  context.moveTo(centre.x, centre.y);
  context.arc(centre.x, centre.y, radius, startAngle, endAngle);
  context.closePath();
  context.strokeStyle = '#fffaf3';
  context.lineWidth = wedges > 48 ? 0.5 : 1.2; // thin wedges keep their colour visible
  context.stroke();
}
