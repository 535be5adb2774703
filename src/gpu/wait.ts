// How the host waits for the GPU. Dawn's Node bindings poll in a busy loop while a mapAsync or
// onSubmittedWorkDone is pending, which on a software GPU takes a core from the kernel itself. 'nap' polls
// for a short while first (tiny work finishes at polling latency), then blocks the thread in short sleeps and
// lets the event loop turn between them, so Dawn still learns of completion within about one nap; 'spin' just
// awaits.
import { turnEventLoop } from '../turn-event-loop.ts';

export type WaitPolicy = 'spin' | 'nap';
export const waitPolicies: readonly WaitPolicy[] = ['nap', 'spin'];

const napMs = 0.2; // the most a nap can add to a wait; shorter naps poll (and spin) more often
const pollFirstMs = 0.5; // work shorter than this (a dispatch round trip) is caught without any nap
let napCell: Int32Array | undefined; // made on first use: a page without cross-origin isolation has no SharedArrayBuffer

/** Whether this thread may block (Atomics.wait is refused on a browser's main thread). */
function canBlock(): boolean {
  return typeof SharedArrayBuffer === 'function' && typeof (globalThis as { document?: unknown }).document === 'undefined';
}

/** Each way of waiting in words, from the constants above, for reports. */
export const waitWords: Record<WaitPolicy | 'await', string> = {
  nap: `nap: polls for the first ${pollFirstMs} ms, then sleeps in ${napMs} ms naps so a software GPU keeps the core`,
  spin: 'spin: awaits while Dawn polls in a busy loop',
  await: "await: this thread may not block (a browser's main thread), so it awaits the GPU's promise",
};

/** What a record says of how the host waited: 'await' where the policy cannot apply (a thread that cannot block). */
export function waitUsed(policy: WaitPolicy): WaitPolicy | 'await' {
  return policy === 'nap' && !canBlock() ? 'await' : policy;
}


/** Awaits `pending` (GPU work started just before) by `policy`. */
export async function waitFor<T>(pending: Promise<T>, policy: WaitPolicy): Promise<T> {
  if (policy === 'spin' || !canBlock()) return pending;
  let isSettled = false;
  const settle = () => (isSettled = true);
  pending.then(settle, settle);
  napCell ??= new Int32Array(new SharedArrayBuffer(4));
  const startMs = performance.now();
  while (!isSettled) {
    if (performance.now() - startMs > pollFirstMs) Atomics.wait(napCell, 0, 0, napMs);
    await turnEventLoop();
  }
  return pending;
}
