// The deck's lessons as panels, each filled in with its live, verified measurement as it finishes.
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import { lessonsClock } from '../lessons/clock.ts';
import { lessons } from '../lessons/index.ts';

/** Runs every lesson in order into `container`; a failing lesson says so and the rest still run. */
export async function tellLessons(container: HTMLElement, host: Host, eat: Eat, shouldStop: () => boolean): Promise<number> {
  container.replaceChildren(Object.assign(document.createElement('p'), { className: 'clock', textContent: lessonsClock() }));
  let told = 0;
  for (const [index, lesson] of lessons.entries()) {
    if (shouldStop()) break;
    const panel = document.createElement('article');
    panel.className = 'lesson';
    const title = Object.assign(document.createElement('h3'), { textContent: `${index + 1}. ${lesson.claim}` });
    const body = Object.assign(document.createElement('p'), { textContent: 'measuring...' });
    panel.append(title, body);
    container.append(panel);
    try {
      const { lines, verified } = await lesson.run({ host, poolSize: host.cores, eat });
      body.replaceChildren(...lines.flatMap((line) => [line, document.createElement('br')]));
      panel.append(Object.assign(document.createElement('p'), { className: 'ok', textContent: `verified: ${verified}` }));
      panel.dataset.verified = '1';
      told++;
    } catch (error) {
      body.textContent = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return told;
}
