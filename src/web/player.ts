// Replays a film: the recorded intervals as bars that grow for exactly their measured time, scaled so a whole
// eating takes a few seconds to watch, and the cake (plates, reassembled cake) eaten frame by frame to match.
// With prefers-reduced-motion, or when asked for a still, it shows the last frame: the same bars and numbers.
import { frameAt } from './film-frame.ts';
import { drawPlate } from './plate-view.ts';
import type { Film } from './scenes/scene.ts';

/** How long a whole film takes to watch, seconds. */
const shownSeconds = 4;

export const prefersStill = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
};

/** "1 s here = 3.20 ms measured" */
export function scaleWords(msPerSecond: number): string {
  return msPerSecond >= 1 ? `1 s here = ${msPerSecond.toPrecision(3)} ms measured` : `1 s here = ${(msPerSecond * 1000).toPrecision(3)} us measured`;
}

function plate(caption: string, size = 150): { figure: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas', { width: size, height: size });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  return { figure: el('figure', { className: 'plate' }, canvas, el('figcaption', { textContent: caption })), canvas };
}

/** Draws `film` into `stage` and plays it (or shows its last frame when `isStill`). Returns a stop function. */
export function playFilm(stage: HTMLElement, film: Film, isStill = prefersStill()): () => void {
  const msPerSecond = film.measuredMs / shownSeconds;
  const last = frameAt(film, Infinity);
  const pictures = el('div', { className: 'pictures' });
  const canvases: { canvas: HTMLCanvasElement; pick: (frame: ReturnType<typeof frameAt>) => (string | undefined)[] }[] = [];
  if (film.copies) {
    for (const { label, count } of film.copies) {
      const row = el('div', { className: 'copies' }, el('span', { textContent: `${label}: ${count === 0 ? 'no copies' : `${count} cake${count === 1 ? '' : 's'} copied`}` }));
      for (let i = 0; i < Math.ceil(count); i++) row.append(el('span', { className: 'copy' }));
      pictures.append(row);
    }
  } else {
    const isCakeEaten = last.cake.some((colour) => colour !== undefined);
    const cake = plate(isCakeEaten ? "the caller's cake" : "the caller's cake: untouched", 180);
    pictures.append(cake.figure);
    canvases.push({ canvas: cake.canvas, pick: (frame) => frame.cake });
    for (const friend of [...last.plates.keys()].sort((a, b) => a - b)) {
      const friendsPlate = plate(`friend ${friend - 1}'s plate (a copy)`, 110);
      pictures.append(friendsPlate.figure);
      canvases.push({ canvas: friendsPlate.canvas, pick: (frame) => frame.plates.get(friend) ?? [] });
    }
    if (last.reassembled) {
      const reassembled = plate('the eaten copies, reassembled', 150);
      pictures.append(reassembled.figure);
      canvases.push({ canvas: reassembled.canvas, pick: (frame) => frame.reassembled ?? [] });
    }
  }
  const timeline = el('div', { className: `timeline${isStill ? ' still' : ''}` });
  for (const track of [...new Set(film.bars.map((bar) => bar.track))]) {
    const lane = el('div', { className: 'lane' });
    for (const bar of film.bars.filter((b) => b.track === track)) {
      const span = el('span', { className: `bar phase-${bar.phase}`, title: `${bar.phase}: ${(bar.toMs - bar.fromMs).toFixed(3)} ms measured` });
      Object.assign(span.style, {
        left: `${(100 * bar.fromMs) / film.measuredMs}%`,
        width: `${Math.max(0.15, (100 * (bar.toMs - bar.fromMs)) / film.measuredMs)}%`, // a message's tick stays visible
        animationDuration: `${(bar.toMs - bar.fromMs) / msPerSecond}s`,
        animationDelay: `${bar.fromMs / msPerSecond}s`,
      });
      Object.assign(span.dataset, { phase: bar.phase, fromMs: String(bar.fromMs), measuredMs: String(bar.toMs - bar.fromMs) });
      lane.append(span);
    }
    timeline.append(el('div', { className: 'track' }, el('span', { className: 'track-name', textContent: track }), lane));
  }
  const phases = [...new Set(film.bars.map((bar) => bar.phase))];
  const key = el('p', { className: 'phase-key' }, ...phases.flatMap((phase) => [el('span', { className: `bar phase-${phase}` }), ` ${phase} `]));
  const scale = el('p', { className: 'scale', textContent: `${scaleWords(msPerSecond)}; ${film.note}.${isStill ? ' A still frame: reduced motion is on.' : ''}` });
  Object.assign(scale.dataset, { msPerSecond: String(msPerSecond), measuredMs: String(film.measuredMs) });
  const replay = el('button', { type: 'button', className: 'replay', textContent: 'Replay', hidden: isStill });
  stage.replaceChildren(pictures, timeline, key, scale, replay);
  stage.dataset.still = isStill ? '1' : '0';

  let frameId = 0;
  const draw = (atMs: number) => {
    const frame = atMs === Infinity ? last : frameAt(film, atMs);
    for (const { canvas, pick } of canvases) drawPlate(canvas, pick(frame));
  };
  const start = () => {
    cancelAnimationFrame(frameId);
    for (const bar of timeline.querySelectorAll<HTMLElement>('.bar')) {
      bar.style.animationName = 'none';
      void bar.offsetWidth; // restart the CSS animation
      bar.style.animationName = '';
    }
    const startedMs = performance.now();
    const tick = () => {
      const atMs = ((performance.now() - startedMs) / 1000) * msPerSecond;
      draw(Math.min(atMs, film.measuredMs));
      if (atMs < film.measuredMs) frameId = requestAnimationFrame(tick);
      else stage.dataset.played = '1';
    };
    tick();
  };
  replay.onclick = start;
  if (isStill) draw(Infinity);
  else start();
  return () => cancelAnimationFrame(frameId);
}
