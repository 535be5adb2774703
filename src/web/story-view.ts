// The story: the deck's scenes in order, each measured when the reader reaches it (by scrolling, the scene list
// or the keyboard), one at a time and never while the lab below is measuring. Small cakes: each scene's
// measurement takes well under a second. Arrow keys (and PageUp/PageDown) move between scenes.
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import { playFilm } from './player.ts';
import { scenes } from './scenes/index.ts';
import type { Scene } from './scenes/scene.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
};

interface Options {
  /** Whether a lab run is measuring: a scene waits for it, so the two do not spoil each other's timings. */
  isLabBusy: () => boolean;
}

export function tellStory(section: HTMLElement, host: Host, eat: Eat, { isLabBusy }: Options): void {
  const list = el('ol', { className: 'scene-list' });
  const articles = scenes.map((scene, index) => sceneArticle(scene, index, host));
  for (const [index, scene] of scenes.entries()) list.append(el('li', {}, el('a', { href: `#scene-${scene.id}`, textContent: scene.claim, onclick: () => articles[index]!.focus() })));
  section.append(el('nav', { ariaLabel: 'scenes' }, list), ...articles);

  let queue = Promise.resolve();
  const shoot = (scene: Scene, article: HTMLElement) => {
    const select = article.querySelector('select')!;
    const choice = select.value;
    if (article.dataset.state === 'missing' || article.dataset.state === 'coming' || article.dataset.choice === choice) return;
    article.dataset.choice = choice;
    article.dataset.state = 'waiting';
    queue = queue.then(async () => {
      while (isLabBusy()) await new Promise((resolve) => setTimeout(resolve, 250));
      article.dataset.state = 'measuring';
      const measured = article.querySelector<HTMLElement>('.measured')!;
      const verified = article.querySelector<HTMLElement>('.verified')!;
      measured.textContent = 'Measuring on this machine...';
      try {
        const shot = await scene.shoot(host, eat, choice);
        measured.textContent = shot.sentence;
        Object.assign(measured.dataset, { number: String(shot.number), unit: shot.unit });
        verified.textContent = `verified: ${shot.verified}`;
        playFilm(article.querySelector('.stage')!, shot.film);
        article.dataset.state = 'shot';
      } catch (error) {
        measured.textContent = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
        verified.textContent = '';
        article.dataset.state = 'failed';
      }
    });
  };

  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) shoot(scenes[articles.indexOf(entry.target as HTMLElement)]!, entry.target as HTMLElement);
  }, { threshold: 0.4 });
  articles.forEach((article, index) => {
    seen.observe(article);
    article.addEventListener('focus', () => shoot(scenes[index]!, article));
    article.querySelector('select')!.addEventListener('change', () => shoot(scenes[index]!, article));
  });

  section.addEventListener('keydown', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT' || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
    if (!step) return;
    const current = articles.findIndex((article) => article.contains(document.activeElement));
    const next = articles[Math.min(articles.length - 1, Math.max(0, current + step))];
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  });
}

function sceneArticle(scene: Scene, index: number, host: Host): HTMLElement {
  const why = scene.coming?.() ?? scene.missing?.(host);
  const select = el('select', { disabled: Boolean(why) });
  for (const [value, words] of scene.control.choices) select.add(new Option(words, value));
  const article = el(
    'article',
    { className: 'scene', id: `scene-${scene.id}`, tabIndex: 0 },
    el('h3', {}, el('span', { className: 'count', textContent: `${index + 1}/${scenes.length} ` }), scene.claim),
    el('p', { className: 'words', textContent: scene.words }),
    el('label', { className: 'control' }, `${scene.control.label} `, select),
    el('div', { className: 'stage' }),
    el('p', { className: 'measured', textContent: why ?? 'Measured when you get here.' }),
    el('p', { className: 'verified ok' }),
  );
  article.dataset.scene = scene.id;
  article.dataset.state = scene.coming?.() ? 'coming' : why ? 'missing' : 'ready';
  article.setAttribute('aria-label', `Scene ${index + 1} of ${scenes.length}: ${scene.claim}`);
  return article;
}
