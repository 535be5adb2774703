// A chart's legend, drawn by us rather than Plot: Plot's swatches are colour boxes only, and memcpy, the limit, is
// a dashed line that a box would misname. Each chart lists only what it draws.

/** How the entry is drawn: a filled box (cells, bars), a line (solid: a strategy; dotted: a copy route; dashed: the limit). */
export type SwatchShape = 'box' | 'line' | 'dotted' | 'dashed';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: SwatchShape;
  /** What the label names, so that tests can check one name keeps one colour: a strategy, a copy route, a phase. */
  kind: 'strategy' | 'route' | 'phase';
}

const svgNs = 'http://www.w3.org/2000/svg';
const dashes: Record<SwatchShape, string | null> = { box: null, line: null, dotted: '2 2', dashed: '6 3' };

function swatch(entry: LegendEntry): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.style.verticalAlign = 'middle';
  svg.style.marginRight = '4px';
  const shape = document.createElementNS(svgNs, entry.shape === 'box' ? 'rect' : 'line');
  if (entry.shape === 'box') {
    for (const [name, value] of Object.entries({ x: '4', y: '0', width: '14', height: '12', fill: entry.colour })) shape.setAttribute(name, value);
  } else {
    for (const [name, value] of Object.entries({ x1: '0', y1: '6', x2: '22', y2: '6', stroke: entry.colour, 'stroke-width': entry.shape === 'line' ? '2.5' : '2' })) shape.setAttribute(name, value);
    const dash = dashes[entry.shape];
    if (dash) shape.setAttribute('stroke-dasharray', dash);
  }
  svg.appendChild(shape);
  return svg;
}

/** The entries as one wrapping row, styled inline so the demo's page needs no stylesheet for it. */
export function legend(entries: readonly LegendEntry[]): HTMLDivElement {
  const row = document.createElement('div');
  row.className = 'cake-legend';
  row.style.cssText = 'display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font: 12px system-ui, sans-serif; margin: 0.3rem 0;';
  for (const entry of entries) {
    const item = document.createElement('span');
    item.className = 'cake-swatch';
    item.dataset.kind = entry.kind;
    item.dataset.colour = entry.colour;
    item.append(swatch(entry), entry.label);
    row.appendChild(item);
  }
  return row;
}
