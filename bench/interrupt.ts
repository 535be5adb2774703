// Signals during a bench: SIGINT (Ctrl-C), SIGTERM (`timeout`, CI cancellation) and SIGHUP (a closed terminal).
// The first one stops after the record in flight, keeps what was measured and writes the outputs; a second one
// quits at once (the system's own handling of the signal). One delivered twice within 100 ms counts once.

/** 128 + the signal's number: what shells, `timeout` and CI runners expect of a program a signal stopped. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof signalExitCodes;
const stopSignals = Object.keys(signalExitCodes) as StopSignal[];

/** Signals this close to the first are the same stop delivered twice, not a second Ctrl-C (people take longer). */
const duplicateWindowMs = 100;

const said: Record<StopSignal, string> = { SIGINT: 'Ctrl-C', SIGTERM: 'SIGTERM', SIGHUP: 'SIGHUP (the terminal closed)' };

export interface Interrupt {
  /** Aborts on the first signal. */
  signal: AbortSignal;
  /** The first signal received, if any. */
  received(): StopSignal | undefined;
  /** Resolves on the first signal: race long work that cannot stop itself (the GPU's copy routes) with it. */
  stopped: Promise<StopSignal>;
  release(): void;
}

/**
 * Listens for SIGINT, SIGTERM and SIGHUP until `release()`. The first one gives every one of them back to the
 * system, so a second ends the process at once, even in the middle of a synchronous eating that would keep any
 * JavaScript handler from running. Hold it until the outputs are written: a signal during the (synchronous)
 * writes is then heard after them, not in the middle.
 */
export function stopOnSignals(doing = 'stopping after the record in flight (which keeps the runs it has); what was measured will be written'): Interrupt {
  const controller = new AbortController();
  let first: StopSignal | undefined;
  let onStop: (signal: StopSignal) => void = () => {};
  const stopped = new Promise<StopSignal>((resolve) => (onStop = resolve));
  let firstMs = 0;
  const handlers = stopSignals.map((name) => [name, () => {
    if (first) {
      // one stop delivered twice (timeout signals the command and then its group; npm run forwards the
      // terminal's Ctrl-C its child already got) is one stop; a later one, heard here only because the loop was
      // busy when the window closed, quits now as the system would
      if (performance.now() - firstMs < duplicateWindowMs) return;
      release();
      return void process.kill(process.pid, name);
    }
    first = name;
    firstMs = performance.now();
    setTimeout(release, duplicateWindowMs).unref();
    try {
      process.stderr.write(`\ncake: ${said[name]}: ${doing} (${name === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again to quit now, writing nothing).\n`);
    } catch {
      // stderr may be gone with the terminal (SIGHUP): the outputs are still written
    }
    controller.abort();
    onStop(name);
  }] as const);
  const release = () => handlers.forEach(([name, handler]) => process.off(name, handler));
  handlers.forEach(([name, handler]) => process.on(name, handler));
  return { signal: controller.signal, received: () => first, stopped, release };
}
