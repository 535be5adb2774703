// The tuner's cache: one JSON file per adapter, keyed inside by runtime (Dawn or browser version), kernel,
// rounds and slices. It keeps every sample taken, so an interrupted tune resumes where it stopped, and it
// refuses to be used with another adapter (or the same adapter with other limits), naming both.
import type { AdapterSummary } from '../gpu/device.ts';
import type { ShapeLimits } from './space.ts';

export const cacheFormat = 'parallel-cake/tune-cache@1';

/** Where the cache text lives: a file in Node, localStorage in a browser. */
export interface CacheStore {
  /** The stored text, or undefined when there is none yet. */
  read(): string | undefined;
  write(text: string): void;
  /** For messages: the file's path or the storage key. */
  readonly where: string;
}

export interface TunedChoice {
  shape: string;
  ms: number;
  strategy: string;
  /** Evaluations the search spent, and the legal shapes it could have spent them on. */
  evaluations: number;
  spaceSize: number;
  /** ISO time of the tune. */
  at: string;
}

export interface TuneEntry {
  runtime: string;
  kernel: string;
  rounds: number;
  slices: number;
  /** Every sample taken so far, per shape key, in the order taken. */
  samplesMs: Record<string, number[]>;
  /** The best shape of the last finished tune, for --workgroup-size auto. */
  tuned?: TunedChoice;
}

interface CacheFile {
  format: typeof cacheFormat;
  adapter: AdapterSummary;
  limits: Record<string, number>;
  entries: TuneEntry[];
}

const limitNames = ['maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxComputeWorkgroupsPerDimension', 'maxStorageBufferBindingSize', 'maxBufferSize'] as const;

export function limitsRecord(limits: ShapeLimits): Record<string, number> {
  return Object.fromEntries(limitNames.map((name) => [name, limits[name]]));
}

const describe = (adapter: AdapterSummary) => `"${adapter.description}" (${adapter.vendor || 'unknown vendor'}, ${adapter.architecture || 'unknown architecture'})`;

export interface EntryKey {
  runtime: string;
  kernel: string;
  rounds: number;
  slices: number;
}

export class TuneCache {
  private constructor(
    private readonly store: CacheStore,
    private readonly file: CacheFile,
  ) {}

  /** Opens the cache for `adapter` with `limits`; throws when the store belongs to another adapter or is not a cache. */
  static open(store: CacheStore, adapter: AdapterSummary, limits: ShapeLimits): TuneCache {
    const text = store.read();
    const wanted = limitsRecord(limits);
    if (text === undefined) return new TuneCache(store, { format: cacheFormat, adapter, limits: wanted, entries: [] });
    let file: CacheFile;
    try {
      file = JSON.parse(text) as CacheFile;
    } catch (error) {
      throw new Error(`${store.where} is not valid JSON (${(error as Error).message}); delete it or pass another --cache FILE.`);
    }
    if (file.format !== cacheFormat) throw new Error(`${store.where} is not a tune cache (format "${String(file.format)}", expected "${cacheFormat}"); pass another --cache FILE.`);
    const isSameAdapter = ['vendor', 'architecture', 'description'].every((k) => file.adapter[k as keyof AdapterSummary] === adapter[k as keyof AdapterSummary]);
    if (!isSameAdapter) {
      throw new Error(`${store.where} holds tunings for adapter ${describe(file.adapter)}, not for this adapter ${describe(adapter)}; pass another --cache FILE for this adapter.`);
    }
    const changed = Object.keys(wanted).filter((name) => file.limits[name] !== wanted[name]);
    if (changed.length > 0) {
      const diff = changed.map((name) => `${name} ${file.limits[name]} there, ${wanted[name]} here`).join('; ');
      throw new Error(`${store.where} was tuned on adapter ${describe(file.adapter)} with other limits (${diff}); pass another --cache FILE.`);
    }
    return new TuneCache(store, file);
  }

  get adapter(): AdapterSummary {
    return this.file.adapter;
  }

  /** The entry for `key`, created empty when the cache has none. */
  entry(key: EntryKey): TuneEntry {
    const found = this.find(key);
    if (found) return found;
    const entry: TuneEntry = { ...key, samplesMs: {} };
    this.file.entries.push(entry);
    return entry;
  }

  /** The entries this cache holds, for saying what it has when the one asked for is missing. */
  held(): readonly TuneEntry[] {
    return this.file.entries;
  }

  find(key: EntryKey): TuneEntry | undefined {
    return this.file.entries.find((e) => e.runtime === key.runtime && e.kernel === key.kernel && e.rounds === key.rounds && e.slices === key.slices);
  }

  save(): void {
    this.store.write(JSON.stringify(this.file, null, 1) + '\n');
  }
}
