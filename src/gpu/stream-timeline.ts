// gpu-stream's timeline from what each chunk's trip left: host times (ms from the eating's start) and, where the
// device has trustworthy timestamps, four GPU stamps per chunk put on the host's clock (src/gpu/align.ts).
import type { Timeline, TimelineBar } from '../timeline.ts';
import { alignStamps } from './align.ts';

/** One chunk's trip through the ring, in host ms from the eating's start. */
export interface ChunkTrip {
  /** The host began writing the chunk into its staging buffer (and encoding its commands until submitMs). */
  writeMs: number;
  /** Just before queue.submit, and just after it returned. */
  submitMs: number;
  submittedMs: number;
  /** The host learned the chunk was read back (its map resolved), and had copied it out. */
  mappedMs: number;
  copiedMs: number;
  /** Before the copy up, kernel begin, kernel end, after the copy back (GPU clock, ns). */
  stampsNs?: bigint[];
}

export const streamRows = {
  write: 'upload: host writes',
  copyUp: 'upload: device copy',
  kernel: 'kernel',
  copyBack: 'readback: device copy',
  copyOut: 'readback: host copies out',
  device: 'device: copy, kernel, copy (wall)',
} as const;

/** The timeline of one eating; device bars on aligned GPU stamps where they fit, else on the host's wall clock. */
export function streamTimeline(trips: readonly ChunkTrip[]): Timeline {
  const host = trips.flatMap((trip, chunk): TimelineBar[] => [
    { row: streamRows.write, stage: 'upload', chunk, startMs: trip.writeMs, endMs: trip.submitMs },
    { row: streamRows.copyOut, stage: 'readback', chunk, startMs: trip.mappedMs, endMs: trip.copiedMs },
  ]);
  const stamped = trips.every((trip) => trip.stampsNs?.length === 4);
  const alignment = stamped ? alignStamps(trips.map((trip) => ({ submitMs: trip.submitMs, doneMs: trip.mappedMs, stampsNs: trip.stampsNs! }))) : undefined;
  if (alignment) {
    const device = trips.flatMap((trip, chunk): TimelineBar[] => {
      const [beforeUp, begin, end, afterBack] = trip.stampsNs!.map(alignment.toHostMs) as [number, number, number, number];
      return [
        { row: streamRows.copyUp, stage: 'upload', chunk, startMs: beforeUp, endMs: begin },
        { row: streamRows.kernel, stage: 'kernel', chunk, startMs: begin, endMs: end },
        { row: streamRows.copyBack, stage: 'readback', chunk, startMs: end, endMs: afterBack },
      ];
    });
    return {
      kind: 'stages',
      rows: [streamRows.write, streamRows.copyUp, streamRows.kernel, streamRows.copyBack, streamRows.copyOut],
      bars: [...host, ...device],
      clock: `host bars: performance.now; device bars: GPU timestamps aligned to it (each chunk's between its submit and its map; placement slack ${alignment.slackMs.toFixed(3)} ms)`,
    };
  }
  let freeMs = 0; // one queue: a chunk's device work starts after the one before it ended
  const device = trips.map((trip, chunk): TimelineBar => {
    const startMs = Math.max(trip.submittedMs, freeMs);
    freeMs = Math.max(startMs, trip.mappedMs);
    return { row: streamRows.device, stage: 'kernel', chunk, startMs, endMs: freeMs };
  });
  return {
    kind: 'stages',
    rows: [streamRows.write, streamRows.device, streamRows.copyOut],
    bars: [...host, ...device],
    clock: `performance.now only (${stamped ? 'the GPU timestamps fit no single offset' : 'no trustworthy timestamps, or --kernel-clock wall'}): the kernel bar runs from submit to map and holds the device copies`,
  };
}
