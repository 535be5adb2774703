// The GPU's kernel is timed on its own clock (timestamp queries) while the host times the span around it on
// the wall clock. The kernel may start before that span does (a software GPU often eats during submit), so
// span - kernel can read negative: a phase that took negative time is a lie.

/**
 * The part of a wall-clock span (submit to mapped, or submit to done) that the kernel did not fill: never
 * negative. Where the kernel outlasts the span it overlapped the phase before it (encode + submit); that
 * overlap is left to the driver's `unattributed`, which then reads negative.
 */
export function wallRestMs(spanMs: number, kernelMs: number): number {
  return Math.max(0, spanMs - kernelMs);
}
