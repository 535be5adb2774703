// One colour per strategy, per copy route and per phase, the same in every chart of a report and the demo, so a
// reader who learnt that gpu is blue in one chart can trust blue in the next. A shared 10-colour scheme gave
// loop and gpu-resident the same blue once a report held 19 names. A strategy's colour is a fact of its registry
// entry, handed in by the host that drew the report (its registry, or the colours the HTML report embeds): this
// file never imports the strategies, whose engines the report's script does not carry. No DOM here.
import type { BenchReport } from '../record/record.ts';
import type { StrategyEntry } from '../strategy.ts';
import { memcpyRoute, phaseNames } from './report-data.ts';

/** What the report needs of each registry entry: its name and colour, in the registry's order. */
export type StrategyLook = Pick<StrategyEntry, 'name' | 'colour'>;

/** Measured copy routes, drawn only in the copy chart next to the strategies' own rates: none of their colours. */
const routeColours: Record<string, string> = {
  [memcpyRoute]: '#000000', // the dashed limit line
  'upload:writeBuffer': '#808000',
  'upload:mappedAtCreation': '#2e8b57',
  'upload:staging': '#e6b800',
  readback: '#800000',
  'minimal:upload': '#708090',
  'minimal:readback': '#ffa07a',
};

/** Phases stack in one bar, so they need only tell each other apart: Tableau 10, and a dark slate for total. */
const phaseColours: Record<string, string> = {
  upload: '#4e79a7',
  encode: '#f28e2b',
  send: '#59a14f',
  eat: '#e15759',
  kernel: '#b07aa1',
  sync: '#76b7b2',
  receive: '#edc948',
  readback: '#9c755f',
  'copy-out': '#ff9da7',
  total: '#2f4b7c',
  unattributed: '#bab0ac',
};

/** For names no entry or list above knows (a strategy of an older report, a new route or phase). */
const spareColours = ['#bfef45', '#dcbeff', '#aaffc3', '#ffd8b1', '#fabed4', '#808080', '#7f3c8d', '#11a579'];

export interface Palette {
  strategy(name: string): string;
  route(name: string): string;
  phase(name: string): string;
  /** The strategies among `names`, each once, in the registry's order (unknown ones last): every legend lists them alike. */
  inStrategyOrder(names: Iterable<string>): string[];
}

/**
 * The report's colours, strategies' from `looks` (registry entries). Names not known take spare colours that no
 * entry uses, in the report's order, so they too keep one colour across its charts; past the spares, hues 137.5
 * degrees apart.
 */
export function reportPalette(report: BenchReport, looks: readonly StrategyLook[]): Palette {
  const taken = new Set(looks.map((look) => look.colour));
  const spareLeft = spareColours.filter((colour) => !taken.has(colour));
  let spares = 0;
  const nextSpare = () => spareLeft[spares] ?? `hsl(${Math.round((spares * 137.5) % 360)} 65% 40%)`;
  const colourOf = (known: Map<string, string>) => (name: string) => {
    if (!known.has(name)) {
      known.set(name, nextSpare());
      spares++;
    }
    return known.get(name)!;
  };
  const strategy = colourOf(new Map(looks.map((look) => [look.name, look.colour])));
  const route = colourOf(new Map(Object.entries(routeColours)));
  const phase = colourOf(new Map(Object.entries(phaseColours)));
  // In the report's order, so that which spare a new name gets does not depend on which chart asks first.
  report.results.forEach((r) => strategy(r.strategy));
  (report.copies ?? []).forEach((c) => route(c.route));
  phaseNames(report).forEach(phase);
  const rank = (name: string) => {
    const at = looks.findIndex((look) => look.name === name);
    return at >= 0 ? at : looks.length;
  };
  const inStrategyOrder = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => rank(a) - rank(b));
  return { strategy, route, phase, inStrategyOrder };
}

/** Dark text on light fills, white on dark: the break-even map writes its speed-ups on every strategy's colour. */
export function textOn(colour: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return 'white';
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 0.6 ? '#222222' : 'white';
}
