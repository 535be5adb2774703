// Checks a user's eat function (the default export of a module) before anything is measured: the shape of the
// contract and how its CPU twin behaves on a probe cake. Every failure names the file and says what to change.
import { bitsOf, elements, newCake, type Eat, type EatSource, type Element, type Tolerance } from '../eat.ts';
import { findEat } from './index.ts';

/** What is wrong with a user's eat function: a usage error for the CLI (exit 2), a message on the page. */
export class EatError extends Error {}

const probeSlices = 256;
const example = "export default { name: 'triple', element: 'u32', cpu: (x, rounds) => x * 3, wgsl: 'fn eat(x: u32, rounds: u32) -> u32 { return x * 3u; }' }";

/** The eat function `raw` describes, checked; `where` names it in messages (a file path, "the editor"). */
/**
 * `wgslFirstLine`: the line of `where` on which the WGSL text begins, when known; otherwise errors count lines from
 * the start of the wgsl string.
 */
export function checkEat(raw: unknown, source: EatSource, where: string, wgslFirstLine?: number): Eat {
  const fail = (what: string): never => {
    throw new EatError(`${where}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null) fail(`the default export must be an object with name, element, cpu and wgsl; got ${raw === null ? 'null' : typeof raw}. Example: ${example}`);
  const eat = raw as Record<string, unknown>;
  const name = eat.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(name)) fail(`name must be 1-40 letters, digits, '.', '_' or '-' (starting with a letter or digit); got ${JSON.stringify(name)}.`);
  if (findEat(name as string)) fail(`the name '${name}' belongs to a built-in eat function; give yours its own name, so records never mix the two.`);
  const element = eat.element as Element;
  if (!elements.includes(element)) fail(`element must be one of ${elements.map((e) => `'${e}'`).join(', ')}; got ${JSON.stringify(eat.element)}.`);
  if (typeof eat.cpu !== 'function') fail(`cpu must be a function (x, rounds) => eaten slice; got ${typeof eat.cpu}.`);
  if (typeof eat.wgsl !== 'string' || !/\bfn\s+eat\s*\(/.test(eat.wgsl)) fail(`wgsl must be a string holding the WGSL function fn eat(x: ${element}, rounds: u32) -> ${element}; got ${typeof eat.wgsl === 'string' ? 'a string without fn eat(' : typeof eat.wgsl}.`);
  if (eat.slice !== undefined && typeof eat.slice !== 'function') fail(`slice, when given, must be a function (index, n) => uneaten slice; got ${typeof eat.slice}.`);
  if (eat.summary !== undefined && typeof eat.summary !== 'string') fail(`summary, when given, must be a string; got ${typeof eat.summary}.`);
  const tolerance = checkTolerance(eat.tolerance, element, fail);
  const intensity = checkIntensity(eat, fail);
  const checked: Eat = {
    name: name as string,
    element,
    summary: (eat.summary as string | undefined) ?? `${name}: a user's eat function (${where})`,
    cpu: eat.cpu as Eat['cpu'],
    wgsl: { file: wgslFirstLine === undefined ? `${where} (wgsl string)` : where, code: eat.wgsl as string, firstLine: wgslFirstLine ?? 1 },
    ...(tolerance ? { tolerance } : {}),
    ...(eat.slice ? { slice: eat.slice as Eat['slice'] } : {}),
    ...intensity,
    source,
  };
  probe(checked, fail);
  return checked;
}

function checkTolerance(raw: unknown, element: Element, fail: (what: string) => never): Tolerance | undefined {
  if (element === 'u32') {
    if (raw !== undefined) fail("u32 results are compared bit for bit: remove tolerance, or make element 'f32'.");
    return undefined;
  }
  const hint = 'Example: tolerance: { ulps: 4 } or { relative: 1e-6 } or { absolute: 1e-5 }';
  if (typeof raw !== 'object' || raw === null) fail(`an f32 eat function needs a tolerance: how far the GPU's results may be from the CPU twin's. ${hint}.`);
  const given = raw as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !['ulps', 'relative', 'absolute'].includes(key));
  if (unknown.length > 0) fail(`tolerance takes ulps, relative and absolute, not ${unknown.join(', ')}. ${hint}.`);
  const tolerance: Tolerance = {};
  for (const key of ['ulps', 'relative', 'absolute'] as const) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`tolerance.${key} must be a finite number >= 0; got ${JSON.stringify(value)}.`);
    tolerance[key] = value as number;
  }
  if (Object.keys(tolerance).length === 0) fail(`tolerance needs at least one of ulps, relative, absolute. ${hint}.`);
  if ((tolerance.relative ?? 0) >= 0.5) fail(`tolerance.relative ${tolerance.relative} would pass results half wrong; use less than 0.5.`);
  return tolerance;
}

/**
 * The optional roofline fields (src/eat.ts): operations per slice-round and bytes per slice, each a finite number
 * > 0 when given. One without the other is allowed (the report then says unknown intensity, as for neither).
 */
function checkIntensity(eat: Record<string, unknown>, fail: (what: string) => never): Pick<Eat, 'opsPerSliceRound' | 'bytesPerSlice'> {
  const checked: { opsPerSliceRound?: number; bytesPerSlice?: number } = {};
  const hints = { opsPerSliceRound: 'the arithmetic operations one round of one slice takes (hash: 8)', bytesPerSlice: 'the bytes one eating of one slice reads and writes (a u32 read and written: 8)' };
  for (const key of ['opsPerSliceRound', 'bytesPerSlice'] as const) {
    const value = eat[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(`${key}, when given, must be a finite number > 0: ${hints[key]}; got ${typeof value === 'number' ? String(value) : JSON.stringify(value) ?? typeof value}.`);
    checked[key] = value as number;
  }
  return checked;
}

/** Runs the CPU twin on a probe cake: it must return numbers, never NaN, and not the same value for every slice. */
function probe(eat: Eat, fail: (what: string) => never): void {
  const cake = newCake(eat.element, probeSlices);
  for (let i = 0; i < probeSlices; i++) {
    const slice = eat.slice ? call(() => eat.slice!(i, probeSlices), `slice(${i}, ${probeSlices})`, fail) : i;
    if (typeof slice !== 'number' || Number.isNaN(slice)) fail(`slice(${i}, ${probeSlices}) returned ${String(slice)}; it must return a number.`);
    cake[i] = slice;
  }
  for (const rounds of [1, 2]) {
    const eaten = newCake(eat.element, probeSlices);
    for (let i = 0; i < probeSlices; i++) {
      const x = cake[i]!;
      const y = call(() => eat.cpu(x, rounds), `cpu(${x}, ${rounds})`, fail);
      if (typeof y !== 'number' || Number.isNaN(y)) fail(`cpu(${x}, ${rounds}) returned ${typeof y === 'number' ? 'NaN' : typeof y}; it must return a number${eat.element === 'f32' ? ' (NaN never passes)' : ''}.`);
      if (eat.element === 'u32' && !Number.isInteger(y)) fail(`cpu(${x}, ${rounds}) returned ${y}; a u32 eat function returns an integer (it is taken mod 2^32).`);
      eaten[i] = y;
    }
    const bits = bitsOf(eaten);
    if (bits.every((b) => b === bits[0])) fail(`cpu returns the same value (${eaten[0]}) for every one of ${probeSlices} slices at rounds=${rounds}: a check against it proves nothing. Make the eaten slice depend on x.`);
  }
}

function call<T>(run: () => T, what: string, fail: (what: string) => never): T {
  try {
    return run();
  } catch (error) {
    return fail(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}
