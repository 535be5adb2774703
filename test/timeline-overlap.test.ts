// The overlap figures and the GPU clock's alignment, on hand-made timelines whose answers are worked out below.
import { describe, expect, it } from 'vitest';
import { alignStamps } from '../src/gpu/align.ts';
import { overlapOf, type Timeline } from '../src/timeline.ts';

const bar = (stage: string, chunk: number, startMs: number, endMs: number) => ({ row: stage, stage, chunk, startMs, endMs });
const stages = (bars: ReturnType<typeof bar>[]): Timeline => ({ kind: 'stages', rows: ['upload', 'kernel', 'readback'], bars, clock: 'test' });

describe('overlapOf', () => {
  // Two chunks, each 1 ms upload, 2 ms kernel, 1 ms readback: serial 8 ms, slowest stage (kernel) 4 ms.
  it('one stage after another: efficiency 0, nothing hidden', () => {
    const serial = stages([bar('upload', 0, 0, 1), bar('kernel', 0, 1, 3), bar('readback', 0, 3, 4), bar('upload', 1, 4, 5), bar('kernel', 1, 5, 7), bar('readback', 1, 7, 8)]);
    expect(overlapOf(serial, 8)).toEqual({ serialMs: 8, overlapBoundMs: 4, overlapEfficiency: 0, hiddenMs: { upload: 0, kernel: 0, readback: 0 } });
  });

  it('chunk 1 uploads during chunk 0\'s kernel and eats during its readback: 6 ms of 8, efficiency 0.5', () => {
    const piped = stages([bar('upload', 0, 0, 1), bar('kernel', 0, 1, 3), bar('readback', 0, 3, 4), bar('upload', 1, 1, 2), bar('kernel', 1, 3, 5), bar('readback', 1, 5, 6)]);
    const overlap = overlapOf(piped, 6);
    expect(overlap.overlapEfficiency).toBe(0.5); // (8 - 6) / (8 - 4)
    expect(overlap.hiddenMs).toEqual({ upload: 1, kernel: 2, readback: 1 });
  });

  it('a measured time over the serial sum reads below 0 (waits between stages): never clamped', () => {
    expect(overlapOf(stages([bar('upload', 0, 0, 1), bar('kernel', 0, 2, 3)]), 4).overlapEfficiency).toBe(-2);
  });
});

describe('alignStamps', () => {
  // The GPU clock reads 1000 ms (in ns) when the host's reads 0.
  const ns = (hostMs: number) => BigInt(Math.round((hostMs + 1000) * 1e6));

  it('puts stamps inside every submit-to-done window, at the earliest offset they all allow', () => {
    const alignment = alignStamps([
      { submitMs: 0, doneMs: 5, stampsNs: [ns(1), ns(4)] },
      { submitMs: 6, doneMs: 9, stampsNs: [ns(6.5), ns(8)] },
    ])!;
    expect(alignment.toHostMs(ns(6.5))).toBeCloseTo(6, 9); // chunk 1 bounds it: its begin cannot precede its submit
    expect(alignment.slackMs).toBeCloseTo(1.5, 9); // the latest offset (9 - 7, from chunk 1's end) minus the earliest (6 - 5.5)
  });

  it('refuses stamps that fit no single offset, or that go backwards (negative controls)', () => {
    expect(alignStamps([{ submitMs: 0, doneMs: 2, stampsNs: [ns(0), ns(1)] }, { submitMs: 5, doneMs: 6, stampsNs: [ns(2), ns(3)] }])).toBeUndefined();
    expect(alignStamps([{ submitMs: 0, doneMs: 9, stampsNs: [ns(3), ns(2)] }])).toBeUndefined();
  });
});
