// A bar per friend: busy (eating, timed by the friend) then idle (the rest of the median run), from a record's
// friendsBusyMs. The wall is the median run's own (its phases add up to it), the run friendsBusyMs comes from.
import type { BenchRecord } from '../record/record.ts';
import { eaterColour } from './cake-view.ts';

const idleColour = '#d9d9d9';

/** Fills `container` with one row per friend; a record without friends (the GPU, a loop) says so instead. */
export function drawBusyBars(container: HTMLElement, record: BenchRecord): void {
  const busy = record.friendsBusyMs;
  if (!busy?.length) {
    container.replaceChildren(Object.assign(document.createElement('p'), { textContent: `${record.strategy} has no friends to wait: no busy/idle bars.` }));
    return;
  }
  const wallMs = Object.values(record.phasesMs).reduce((sum, ms) => sum + ms, 0);
  const scaleMs = Math.max(wallMs, ...busy);
  const rows = busy.map((busyMs, friend) => {
    const idleMs = Math.max(0, wallMs - busyMs);
    const row = Object.assign(document.createElement('div'), { className: 'busy-row' });
    row.dataset.friend = String(friend);
    row.dataset.busyMs = String(busyMs);
    row.dataset.idleMs = String(idleMs);
    const bar = Object.assign(document.createElement('div'), { className: 'busy-bar' });
    const part = (ms: number, colour: string, kind: string) => {
      const span = Object.assign(document.createElement('span'), { className: kind, title: `${kind} ${ms.toFixed(2)} ms` });
      Object.assign(span.style, { width: `${(100 * ms) / scaleMs}%`, background: colour });
      return span;
    };
    bar.append(part(busyMs, eaterColour(friend + 1), 'busy'), part(idleMs, idleColour, 'idle'));
    const label = Object.assign(document.createElement('span'), { className: 'busy-label', textContent: `friend ${friend}` });
    const figures = Object.assign(document.createElement('span'), { className: 'busy-figures', textContent: `busy ${busyMs.toFixed(2)} ms, idle ${idleMs.toFixed(2)} ms` });
    row.append(label, bar, figures);
    return row;
  });
  container.replaceChildren(...rows);
}
