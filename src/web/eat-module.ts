// A user's eat function from the page's editor: the JS twin pane's module plus the WGSL pane's text, made into a
// module at a blob: URL (friends import the same URL through the eat source { moduleUrl }), checked by checkEat as
// a CLI file is, and its WGSL compiled in the eat kernel on the page's GPU before anything eats with it.
import type { Eat } from '../eat.ts';
import { checkEat, EatError } from '../eats/check.ts';
import { compile, createPipeline, openGpu } from '../gpu/device.ts';
import { frames, kernelFor } from '../gpu/shaders.ts';
import type { Host } from '../host.ts';

/** The name the WGSL pane goes by in compile errors (file:line:column), its lines counted from 1. */
export const wgslPaneName = 'WGSL pane';

/** A compile error in the WGSL pane, at its own line and column (both from 1). */
export interface WgslError {
  line: number;
  column: number;
  message: string;
}

export type Built = { eat: Eat } | { error: string; wgslErrors: WgslError[] };

/**
 * Blob URLs are never revoked: a pool started with one may still be eating, and a visitor makes a handful. The
 * module is its own origin's (blob: inherits it), so it loads in a cross-origin-isolated (COEP) page and its workers.
 */
function moduleUrl(code: string): string {
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

/** Builds, checks and compiles the editor's eat function; what is wrong comes back as words, never thrown. */
export async function buildEat(twinCode: string, wgsl: string, host: Host): Promise<Built> {
  const twinUrl = moduleUrl(twinCode);
  // The wgsl field is the WGSL pane, whatever the twin's module says: one place to write it, and its lines are the pane's.
  const url = moduleUrl(`import twin from ${JSON.stringify(twinUrl)};\nexport default { ...twin, wgsl: ${JSON.stringify(wgsl)} };\n`);
  let module: { default?: unknown };
  try {
    module = await import(/* @vite-ignore */ url);
  } catch (error) {
    return { error: `the JS twin pane does not load as a module: ${error instanceof Error ? error.message : String(error)}`, wgslErrors: [] };
  }
  let eat: Eat;
  try {
    eat = checkEat(module.default, { moduleUrl: url }, 'the JS twin pane', 1);
  } catch (error) {
    if (error instanceof EatError) return { error: error.message, wgslErrors: [] };
    throw error;
  }
  eat = { ...eat, wgsl: { file: wgslPaneName, code: wgsl, firstLine: 1 } };
  const compiled = await compileHere(eat, host);
  return compiled ?? { eat };
}

/** Compiles `eat` in the eat kernel on the page's GPU; the errors found, or undefined when it compiles (or no GPU). */
async function compileHere(eat: Eat, host: Host): Promise<{ error: string; wgslErrors: WgslError[] } | undefined> {
  if (!host.gpu) return undefined; // nothing here would run the WGSL: the gpu strategies say why they cannot
  const gpu = await openGpu(host.gpu);
  try {
    const kernel = kernelFor(frames.eat, eat);
    await createPipeline(gpu.device, await compile(gpu.device, kernel), kernel.entryPoint, { workgroupSize: 64 });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = message.split('\n').filter((line) => /^.+:\d+:\d+: /.test(line)); // compile()'s file:line:column: what
    const wgslErrors = located.flatMap((line) => {
      const match = /^(.+):(\d+):(\d+): (.*)$/.exec(line)!;
      return match[1] === wgslPaneName ? [{ line: Number(match[2]), column: Number(match[3]), message: match[4]! }] : [];
    });
    const words = located.length > 0 ? located.join('; ') : message.split('\n')[0];
    return { error: `${eat.name}'s WGSL does not compile: ${words}`, wgslErrors };
  } finally {
    gpu.destroy();
  }
}
