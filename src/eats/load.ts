// Finds the eat function a source names, in any thread: a built-in from the registry, or a user's module by URL
// (a file URL in Node, a blob URL in a page), checked once and kept.
import type { Eat, EatSource } from '../eat.ts';
import { checkEat } from './check.ts';
import { findEat } from './index.ts';

const loaded = new Map<string, Promise<Eat>>();

export function loadEat(source: EatSource): Promise<Eat> {
  if ('builtin' in source) {
    const eat = findEat(source.builtin);
    return eat ? Promise.resolve(eat) : Promise.reject(new Error(`no built-in eat function is named '${source.builtin}'`));
  }
  const url = source.moduleUrl;
  let eat = loaded.get(url);
  if (!eat) {
    eat = import(/* @vite-ignore */ url).then((module: { default?: unknown }) => checkEat(module.default, source, url));
    loaded.set(url, eat);
  }
  return eat;
}
