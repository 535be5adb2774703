// --eat NAME|FILE: a built-in eat function by name, or a user's own from a module file (.js, .mjs, or .ts with its
// types stripped by amaro, Node's own type stripper). Everything wrong with the file is one UsageError naming it,
// before anything is measured; its WGSL is compiled on the GPU up front when a GPU will eat it.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Eat } from '../src/eat.ts';
import { checkEat, EatError } from '../src/eats/check.ts';
import { defaultEat, eats, findEat } from '../src/eats/index.ts';
import { compile, createPipeline, openGpu } from '../src/gpu/device.ts';
import { frames, kernelFor } from '../src/gpu/shaders.ts';
import type { Host } from '../src/host.ts';
import { UsageError } from '../src/measure/asked.ts';

const maxFileBytes = 1 << 20; // an eat function is a page of code; more is not one
const moduleExtensions = ['.js', '.mjs', '.ts', '.mts'];
const example = '--eat stream, or --eat ./examples/my-eat.ts';

/** The eat function `--eat` names (the default hash when it is not given). */
export async function readEat(text: string | undefined): Promise<Eat> {
  if (text === undefined) return defaultEat;
  const builtin = findEat(text);
  if (builtin) return builtin;
  if (!/[/\\]/.test(text) && !moduleExtensions.includes(extname(text))) {
    throw new UsageError(`--eat: "${text}" is neither a built-in eat function (${eats.map((eat) => eat.name).join(', ')}) nor a file (.js, .mjs or .ts). Example: ${example}`);
  }
  return loadEatFile(text);
}

async function loadEatFile(path: string): Promise<Eat> {
  const fail = (what: string): never => {
    throw new UsageError(`--eat: ${path}: ${what}`);
  };
  let size = 0;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail('is not a regular file. Give the module file that exports your eat function.');
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail(`does not exist (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Example: ${example}`);
  }
  if (size > maxFileBytes) fail(`is ${size} bytes; an eat function's module is at most ${maxFileBytes} bytes.`);
  const extension = extname(path);
  if (!moduleExtensions.includes(extension)) fail(`is a ${extension || 'file without an extension'}; give a .js, .mjs or .ts module.`);
  const text = readFileSync(path, 'utf8');
  const url = extension === '.ts' || extension === '.mts' ? await stripTypes(path, text, fail) : pathToFileURL(resolve(path)).href;
  let module: { default?: unknown };
  try {
    module = await importWithin(url, loadLimitMs);
  } catch (error) {
    return fail(`does not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const wgsl = (module.default as { wgsl?: unknown } | undefined)?.wgsl;
  try {
    return checkEat(module.default, { moduleUrl: url }, path, typeof wgsl === 'string' ? lineOf(text, wgsl) : undefined);
  } catch (error) {
    if (error instanceof EatError) throw new UsageError(`--eat: ${error.message}`);
    throw error;
  }
}

const loadLimitMs = 30_000; // an eat module loads in milliseconds; one still loading after this never will

/**
 * Imports `url`, failing after `limitMs`: a top-level await that never settles leaves nothing for the event loop,
 * and Node would then exit 0 in silence with nothing measured. The timer keeps the loop alive and says why.
 */
export async function importWithin(url: string, limitMs: number): Promise<{ default?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it was still loading after ${limitMs / 1000} s (a top-level await that never settles?)`)), limitMs);
  });
  try {
    return (await Promise.race([import(url), late])) as { default?: unknown };
  } finally {
    clearTimeout(timer);
  }
}

/** The line of `source` on which the WGSL text begins, when the module holds it verbatim (a template literal). */
function lineOf(source: string, wgsl: string): number | undefined {
  const at = source.indexOf(wgsl);
  return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}

let strippedFolder: string | undefined;

/** Writes the module with its types stripped into a temp folder (removed at exit) and returns its URL. */
async function stripTypes(path: string, text: string, fail: (what: string) => never): Promise<string> {
  const { transformSync } = (await import('amaro')) as { transformSync(code: string, options: { mode: string }): { code: string } };
  let code: string;
  try {
    code = transformSync(text, { mode: 'strip-only' }).code;
  } catch (error) {
    return fail(`is not TypeScript that types can be stripped from: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (!strippedFolder) {
    strippedFolder = mkdtempSync(join(tmpdir(), 'cake-eat-'));
    const folder = strippedFolder;
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  const file = join(strippedFolder, `${basename(path, extname(path))}.mjs`);
  writeFileSync(file, code);
  return pathToFileURL(file).href;
}

/**
 * Compiles a user's eat function in the eat kernel on the host's GPU, so WGSL that does not compile is a usage
 * error naming its own file, line and column, before anything is measured. Built-ins are compiled by the tests.
 */
export async function checkEatCompiles(host: Host, eat: Eat): Promise<void> {
  if (!host.gpu || 'builtin' in eat.source) return;
  const gpu = await openGpu(host.gpu);
  try {
    const kernel = kernelFor(frames.eat, eat);
    await createPipeline(gpu.device, await compile(gpu.device, kernel), kernel.entryPoint, { workgroupSize: 64 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = message.split('\n').filter((line) => /^.+:\d+:\d+: /.test(line)); // file:line:column: what, one a line
    throw new UsageError(`--eat: ${eat.name}'s WGSL does not compile: ${located.length > 0 ? located.join('; ') : message.split('\n')[0]}`);
  } finally {
    gpu.destroy();
  }
}
