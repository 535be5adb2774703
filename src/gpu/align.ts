// Puts the GPU's timestamps on the host's clock. The two clocks have different origins; what the host knows is
// when it submitted each piece of work and when it learned the work was done. The GPU's times shifted by one
// offset must fall inside every such window; the earliest offset that does is taken, and the room left (the
// slack) is how far the placement could be off. No offset fitting every window means the timestamps cannot be
// trusted for a timeline, and the caller falls back to the host's wall clock.

/** One submit as the host saw it (ms, host clock) and the GPU timestamps inside it (ns, GPU clock). */
export interface GpuWindow {
  submitMs: number;
  doneMs: number;
  /** Timestamps the GPU wrote while running this submit, earliest first. */
  stampsNs: bigint[];
}

export interface Alignment {
  /** Host ms of a GPU timestamp: Number(ns - baseNs) / 1e6 + offsetMs. */
  toHostMs(ns: bigint): number;
  /** How far every GPU time could shift later and still fit every window, in ms. */
  slackMs: number;
}

const toleranceMs = 0.02; // host readings of submit and done are taken a few µs off the events themselves

/** The alignment of `windows`' timestamps to the host's clock, or undefined where none fits them all. */
export function alignStamps(windows: readonly GpuWindow[]): Alignment | undefined {
  const stamps = windows.flatMap((w) => w.stampsNs);
  if (stamps.length === 0) return undefined;
  const baseNs = stamps.reduce((least, ns) => (ns < least ? ns : least));
  const relMs = (ns: bigint) => Number(ns - baseNs) / 1e6;
  let earliest = -Infinity;
  let latest = Infinity;
  for (const { submitMs, doneMs, stampsNs } of windows) {
    if (stampsNs.length === 0) continue;
    for (let i = 1; i < stampsNs.length; i++) if (stampsNs[i]! < stampsNs[i - 1]!) return undefined; // went backwards
    earliest = Math.max(earliest, submitMs - relMs(stampsNs[0]!));
    latest = Math.min(latest, doneMs - relMs(stampsNs.at(-1)!));
  }
  if (earliest > latest + toleranceMs) return undefined;
  return { toHostMs: (ns) => relMs(ns) + earliest, slackMs: Math.max(0, latest - earliest) };
}
