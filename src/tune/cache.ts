// The tuner's cache: one JSON file per adapter, keyed inside by runtime (Dawn or browser version), kernel,
// rounds and slices. It keeps every sample taken, so an interrupted tune resumes where it stopped, and it
// refuses to be used with another adapter (or the same adapter with other limits), naming both.
import type { AdapterSummary } from '../gpu/device.ts';
import { printable } from '../format/printable.ts';
import { cacheFormat, readCacheText, type CacheFile, type TuneEntry } from './cache-schema.ts';
import type { ShapeLimits } from '../gpu/shapes.ts';

export { cacheFormat, type TunedChoice, type TuneEntry } from './cache-schema.ts';

/** Where the cache text lives: a file in Node, localStorage in a browser. */
export interface CacheStore {
  /** The stored text, or undefined when there is none yet. */
  read(): string | undefined;
  write(text: string): void;
  /**
   * Runs `update` (a read, then a write) with no other writer of the same store in between: a file store takes a
   * lock. Without it, read-then-write is as safe as the store is (localStorage: one tab at a time).
   */
  exclusive?<T>(update: () => T): T;
  /** For messages: the file's path or the storage key. */
  readonly where: string;
}

const limitNames = ['maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxComputeWorkgroupsPerDimension', 'maxStorageBufferBindingSize', 'maxBufferSize'] as const;

export function limitsRecord(limits: ShapeLimits): Record<string, number> {
  return Object.fromEntries(limitNames.map((name) => [name, limits[name]]));
}

const describe = (adapter: AdapterSummary) => printable(`"${adapter.description}" (${adapter.vendor || 'unknown vendor'}, ${adapter.architecture || 'unknown architecture'})`);
const keyOf = (e: EntryKey) => JSON.stringify([e.runtime, e.kernel, e.rounds, e.slices]);

export interface EntryKey {
  runtime: string;
  kernel: string;
  rounds: number;
  slices: number;
}

export class TuneCache {
  /** Per entry and shape: how many of its samples the store held when this cache last read or wrote it. */
  private readonly synced = new Map<string, Map<string, number>>();
  /** Per entry: its tuned choice as last read or written, to tell whether this process changed it. */
  private readonly syncedTuned = new Map<string, string | undefined>();

  private constructor(
    private readonly store: CacheStore,
    private readonly file: CacheFile,
    /** What was dropped from the stored text as impossible, one line each (see cache-schema.ts). */
    readonly notes: string[] = [],
  ) {
    this.markSynced();
  }

  /** Opens the cache for `adapter` with `limits`; throws when the store belongs to another adapter or is not a cache. */
  static open(store: CacheStore, adapter: AdapterSummary, limits: ShapeLimits): TuneCache {
    const wanted = limitsRecord(limits);
    const read = TuneCache.read(store, adapter, limits);
    if (!read) return new TuneCache(store, { format: cacheFormat, adapter, limits: wanted, entries: [] });
    return new TuneCache(store, read.file, read.notes);
  }

  /** The store's cache, checked for this adapter and limits, or undefined when the store is empty. */
  private static read(store: CacheStore, adapter: AdapterSummary, limits: ShapeLimits): { file: CacheFile; notes: string[] } | undefined {
    const text = store.read();
    if (text === undefined) return undefined;
    const wanted = limitsRecord(limits);
    const { file, notes } = readCacheText(text, store.where, limits);
    const isSameAdapter = ['vendor', 'architecture', 'description'].every((k) => file.adapter[k as keyof AdapterSummary] === adapter[k as keyof AdapterSummary]);
    if (!isSameAdapter) {
      throw new Error(`${store.where} holds tunings for adapter ${describe(file.adapter)}, not for this adapter ${describe(adapter)}; pass another --cache FILE for this adapter.`);
    }
    const changed = Object.keys(wanted).filter((name) => file.limits[name] !== wanted[name]);
    if (changed.length > 0) {
      const diff = changed.map((name) => `${name} ${file.limits[name]} there, ${wanted[name]} here`).join('; ');
      throw new Error(`${store.where} was tuned on adapter ${describe(file.adapter)} with other limits (${diff}); pass another --cache FILE.`);
    }
    return { file, notes };
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

  /**
   * Writes the cache, merged with what the store holds now: another process tuning on the same file (other
   * rounds, or the same) keeps its entries and samples, and this one keeps its own. Samples are only ever
   * appended, so a shape's stored samples past the count this cache last saw are the others' new ones.
   */
  save(): void {
    const update = () => {
      let stored: CacheFile | undefined;
      try {
        stored = TuneCache.read(this.store, this.file.adapter, this.limits())?.file;
      } catch {
        stored = undefined; // replaced by something that is not our cache since we opened it: ours is written
      }
      if (stored) this.merge(stored);
      this.store.write(JSON.stringify(this.file, null, 1) + '\n');
      this.markSynced();
    };
    if (this.store.exclusive) this.store.exclusive(update);
    else update();
  }

  private limits(): ShapeLimits {
    return this.file.limits as unknown as ShapeLimits;
  }

  private merge(stored: CacheFile): void {
    for (const theirs of stored.entries) {
      const key = keyOf(theirs);
      const ours = this.find(theirs);
      if (!ours) {
        this.file.entries.push(theirs);
        continue;
      }
      const seen = this.synced.get(key) ?? new Map<string, number>();
      for (const [shape, theirSamples] of Object.entries(theirs.samplesMs)) {
        const mine = (ours.samplesMs[shape] ??= []);
        const known = seen.get(shape) ?? 0;
        // theirs = what we saw + what others added; ours = what we saw + what we added
        if (theirSamples.length >= known) mine.splice(0, mine.length, ...theirSamples, ...mine.slice(known));
      }
      const isOurTunedNew = JSON.stringify(ours.tuned) !== this.syncedTuned.get(key);
      if (!isOurTunedNew && theirs.tuned) ours.tuned = theirs.tuned;
    }
  }

  private markSynced(): void {
    this.synced.clear();
    this.syncedTuned.clear();
    for (const entry of this.file.entries) {
      const key = keyOf(entry);
      this.synced.set(key, new Map(Object.entries(entry.samplesMs).map(([shape, samples]) => [shape, samples.length])));
      this.syncedTuned.set(key, JSON.stringify(entry.tuned));
    }
  }
}
