// Peak memory growth while one record is measured, so "memory can be expensive" is a measured column.
import type { Host, MemoryReading } from '../host.ts';

/**
 * What the growth figures are: sampled at the boundaries of the work (not traced), so a copy freed between
 * two samples is missed. Reported beside the figures.
 */
export const memoryMeasure =
  'growth over the start of the record of process RSS and of ArrayBuffer memory, sampled after prepare and after each eating';

export interface MemoryGrowth {
  /** Peak resident set growth of the whole process (friends' threads included), in bytes. */
  peakRssGrowthBytes: number;
  /** Peak growth of ArrayBuffer/SharedArrayBuffer memory owned by the calling thread, in bytes. */
  peakArrayBufferGrowthBytes: number;
}

/** Tracks the peak of the host's memory readings above the first one; a host without readings gives none. */
export class MemoryPeak {
  private readonly baseline: MemoryReading | undefined;
  private peak: MemoryReading | undefined;

  constructor(private readonly read: (() => MemoryReading) | undefined) {
    this.baseline = read?.();
    this.peak = this.baseline;
  }

  sample(): void {
    if (!this.read || !this.peak) return;
    const now = this.read();
    this.peak = {
      rssBytes: Math.max(this.peak.rssBytes, now.rssBytes),
      arrayBufferBytes: Math.max(this.peak.arrayBufferBytes, now.arrayBufferBytes),
    };
  }

  growth(): MemoryGrowth | undefined {
    if (!this.baseline || !this.peak) return undefined;
    return {
      peakRssGrowthBytes: this.peak.rssBytes - this.baseline.rssBytes,
      peakArrayBufferGrowthBytes: this.peak.arrayBufferBytes - this.baseline.arrayBufferBytes,
    };
  }
}

/** Starts tracking for a host (Node: process.memoryUsage; a browser host may give none). */
export function trackMemory(host: Host): MemoryPeak {
  return new MemoryPeak(host.readMemory?.bind(host));
}
