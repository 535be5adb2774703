// Node's side of the tune cache: a JSON file per adapter under .cake/, and Dawn's version for the cache key.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CacheStore } from '../src/tune/cache.ts';
import type { TuneCacheAccess } from '../src/tune/auto.ts';

/** .cake/tune-lavapipe.json: one file per adapter, since a cache refuses another adapter's timings. */
export function defaultCachePath(adapter: string | undefined): string {
  return path.join('.cake', `tune-${adapter ?? 'default'}.json`);
}

/** The cache as a file, written whole to a temporary name and renamed, so an interrupted write loses nothing. */
export function fileStore(file: string): CacheStore {
  return {
    where: file,
    read: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    write(text) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    },
  };
}

/** Dawn's version is the webgpu package's: part of the cache key, since another Dawn may time differently. */
export function dawnRuntime(): string {
  const version = (createRequire(import.meta.url)('webgpu/package.json') as { version: string }).version;
  return `webgpu ${version} (Dawn) on Node ${process.versions.node}`;
}

export function nodeTuneCache(adapter: string | undefined): TuneCacheAccess {
  return { store: fileStore(defaultCachePath(adapter)), runtime: dawnRuntime() };
}
