// One run at a time. Two runs at once fight for the cores and the GPU and spoil each other's timings, and one
// Stop button can only stop one of them; so while a run is going every run button is off and says why, Stop
// stops the run in flight, and the buttons come back when it ends, however it ends.

const whyOff = 'Another run is going: wait for it to end, or press Stop. Runs at once would share the cores and the GPU and spoil each other\'s timings.';

export interface OneRunAtATime {
  /** Runs `work` unless a run is going; resolves to whether it ran. */
  run(work: (stop: AbortSignal) => Promise<void>): Promise<boolean>;
  readonly isRunning: boolean;
}

export function oneRunAtATime(runButtons: HTMLButtonElement[], stopButton: HTMLButtonElement): OneRunAtATime {
  let inFlight: AbortController | undefined;
  stopButton.onclick = () => inFlight?.abort();
  const titles = new Map(runButtons.map((button) => [button, button.title]));
  return {
    get isRunning() {
      return inFlight !== undefined;
    },
    async run(work) {
      if (inFlight) return false; // a click that slipped through (Enter in the form, a script): the buttons say why
      const stopper = (inFlight = new AbortController());
      for (const button of runButtons) Object.assign(button, { disabled: true, title: whyOff });
      stopButton.disabled = false;
      try {
        await work(stopper.signal);
        return true;
      } finally {
        inFlight = undefined;
        stopButton.disabled = true;
        for (const button of runButtons) Object.assign(button, { disabled: false, title: titles.get(button) });
      }
    },
  };
}
