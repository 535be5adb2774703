// The gpu strategy's timeline: one chunk (the whole cake), its upload, kernel and readback on one clock. The
// kernel's GPU timestamps are put on the host's clock inside its submit-to-mapped window (src/gpu/align.ts);
// without them, or where they fit no offset, the kernel is the wall-clock span the strategy measured.
import type { Timeline } from '../timeline.ts';
import { alignStamps } from './align.ts';

export interface WholeTrip {
  /** Host ms from the eating's start: the device held the cake; just before submit; mapped; copied out. */
  uploadedMs: number;
  submitMs: number;
  mappedMs: number;
  doneMs: number;
  /** The kernel pass's begin and end on the GPU's clock, in ns. */
  stampsNs?: [bigint, bigint];
  /** Wall-clock kernel span, where there are no stamps. */
  kernelMs?: [number, number];
}

export function wholeTimeline(trip: WholeTrip): Timeline {
  const alignment = trip.stampsNs && alignStamps([{ submitMs: trip.submitMs, doneMs: trip.mappedMs, stampsNs: trip.stampsNs }]);
  const [begin, end] = alignment ? trip.stampsNs!.map(alignment.toHostMs) : (trip.kernelMs ?? [trip.submitMs, trip.mappedMs]);
  return {
    kind: 'stages',
    rows: ['upload', 'kernel', 'readback'],
    bars: [
      { row: 'upload', stage: 'upload', chunk: 0, startMs: 0, endMs: trip.uploadedMs },
      { row: 'kernel', stage: 'kernel', chunk: 0, startMs: begin!, endMs: end! },
      { row: 'readback', stage: 'readback', chunk: 0, startMs: Math.max(end!, trip.submitMs), endMs: trip.doneMs },
    ],
    clock: alignment
      ? `upload, readback: performance.now; kernel: GPU timestamps aligned to it (between submit and map; slack ${alignment.slackMs.toFixed(3)} ms)`
      : 'performance.now: the kernel from submit to the device done',
  };
}
