// Ctrl-C during a bench: the first one stops after the record in flight and keeps what was measured; a second
// one quits at once.
export const interruptedExitCode = 130; // 128 + SIGINT, what shells expect of a program stopped by Ctrl-C

/** Listens for SIGINT until `release()`; `signal` aborts on the first one. */
export function stopOnInterrupt(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) {
      process.stderr.write('\ncake: second Ctrl-C: quitting now, nothing more is written.\n');
      process.exit(interruptedExitCode);
    }
    process.stderr.write('\ncake: Ctrl-C: stopping after the record in flight; the records measured so far are kept (Ctrl-C again to quit now).\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, release: () => process.off('SIGINT', onInterrupt) };
}
