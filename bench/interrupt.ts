// Ctrl-C during a bench: the first one stops after the record in flight and keeps what was measured; a second
// one quits at once (the system's own handling of SIGINT).
export const interruptedExitCode = 130; // 128 + SIGINT, what shells expect of a program stopped by Ctrl-C

/**
 * Listens for SIGINT until `release()`; `signal` aborts on the first one. The first one also gives SIGINT back
 * to the system, so a second Ctrl-C ends the process at once, even in the middle of a synchronous eating that
 * would keep any JavaScript handler from running.
 */
export function stopOnInterrupt(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    process.off('SIGINT', onInterrupt);
    process.stderr.write('\ncake: Ctrl-C: stopping after the record in flight (which keeps the runs it has); the records measured so far are kept (Ctrl-C again to quit now, writing nothing).\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, release: () => process.off('SIGINT', onInterrupt) };
}
