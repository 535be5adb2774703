// Node's side of the tune cache: a JSON file per adapter under .cake/, and Dawn's version for the cache key.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { withLockFile } from './lock-file.ts';
import { makeFolder } from './outputs.ts';
import { readRegularFile } from './read-file.ts';
import { maxCacheBytes } from '../src/tune/cache-schema.ts';
import type { AdapterSummary } from '../src/gpu/device.ts';
import { adapterSlug } from '../src/tune/adapter-slug.ts';
import type { CacheStore } from '../src/tune/cache.ts';
import type { TuneCacheAccess } from '../src/tune/auto.ts';

/**
 * .cake/tune-lavapipe.json: one file per adapter, since a cache refuses another adapter's timings. Named after
 * the adapter opened, so `cake tune --adapter lavapipe` and a plain `cake bench` on Dawn's default lavapipe
 * write and read the same file.
 */
export function defaultCachePath(adapter: AdapterSummary): string {
  return path.join('.cake', `tune-${adapterSlug(adapter)}.json`);
}

/**
 * The cache as a file: read only when it is a regular file of at most maxCacheBytes (a FIFO or a device there is
 * refused, naming it), written whole through a temporary name unique to this process and renamed, so an
 * interrupted write loses nothing and two processes never share a temporary file; a save reads, merges and
 * writes under a lock file, so two tunes on one cache keep each other's samples.
 */
export function fileStore(file: string): CacheStore {
  return {
    where: file,
    read: () => (existsSync(file) ? readRegularFile(file, maxCacheBytes) : undefined),
    write(text) {
      makeFolder(path.dirname(file));
      writeFileAtomic(file, text);
    },
    exclusive(update) {
      makeFolder(path.dirname(file));
      return withLockFile(`${file}.lock`, update);
    },
  };
}

/** Dawn's version is the webgpu package's: part of the cache key, since another Dawn may time differently. */
export function dawnRuntime(): string {
  const version = (createRequire(import.meta.url)('webgpu/package.json') as { version: string }).version;
  return `webgpu ${version} (Dawn) on Node ${process.versions.node}`;
}

export function nodeTuneCache(): TuneCacheAccess {
  return { storeFor: (adapter) => fileStore(defaultCachePath(adapter)), runtime: dawnRuntime() };
}
