// The story end to end in headless Chromium, on real Web Workers and SwiftShader's WebGPU: every scene reached by
// keyboard and by scrolling, each with a verified number; the replay's bars last in proportion to what was
// recorded; reduced motion shows still frames; the pages without WebGPU or isolation say what is missing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findEat } from '../../src/eats/index.ts';
import { findStrategy } from '../../src/strategies/index.ts';
import { scenes } from '../../src/web/scenes/index.ts';
import { launchChromium, screenshotColours } from './browser.ts';

const root = join(__dirname, '..', '..');
const screenshots = join(root, 'dist', 'screenshots');
const address = (server: PreviewServer) => server.resolvedUrls!.local[0]!;
/** Scenes whose strategy or eat function lands in another branch: they say "coming" until it does. */
const coming = new Set([...(findEat('mandelbrot') || findEat('lumpy') ? [] : ['lumpy']), ...(findStrategy('gpu-stream') ? [] : ['stream'])]);
const settled = ['shot', 'missing', 'coming', 'failed'];

let browser: Browser;
let isolated: PreviewServer;
let plain: PreviewServer;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  await build({ root, logLevel: 'warn' });
  isolated = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  // The built page with no COOP/COEP headers, as a plain static host serves it.
  plain = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir: 'dist/web' }, preview: { port: 0, host: '127.0.0.1' } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await isolated?.close();
  await plain?.close();
});

async function open(target: Browser, url: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await target.newPage({ viewport: { width: 1100, height: 900 }, ...options });
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-done="1"]', { timeout: 60_000 });
  return { page, consoleErrors };
}

/** Waits until scene `id` has settled, and returns what it shows. */
async function settle(page: Page, id: string) {
  const scene = page.locator(`#scene-${id}`);
  await page.waitForFunction(([sel, states]) => (states as string[]).includes(document.querySelector<HTMLElement>(sel as string)!.dataset.state!), [`#scene-${id}`, settled], { timeout: 30_000 });
  return {
    state: await scene.getAttribute('data-state'),
    sentence: await scene.locator('.measured').textContent(),
    number: Number(await scene.locator('.measured').getAttribute('data-number')),
    verified: await scene.locator('.verified').textContent(),
  };
}

/** Each bar's animation seconds and measured ms, and the page's own scale. */
function barsOf(page: Page, id: string) {
  return page.locator(`#scene-${id}`).evaluate((scene) => ({
    msPerSecond: Number(scene.querySelector<HTMLElement>('.scale')!.dataset.msPerSecond),
    scale: scene.querySelector('.scale')!.textContent!,
    still: scene.querySelector<HTMLElement>('.stage')!.dataset.still,
    bars: [...scene.querySelectorAll<HTMLElement>('.lane .bar')].map((bar) => ({
      seconds: parseFloat(getComputedStyle(bar).animationDuration),
      delaySeconds: parseFloat(getComputedStyle(bar).animationDelay),
      measuredMs: Number(bar.dataset.measuredMs),
      fromMs: Number(bar.dataset.fromMs),
      animation: getComputedStyle(bar).animationName,
    })),
  }));
}

/** Whether every shown duration is the measured one times one scale (relative error under 1e-3). */
const isProportional = (pairs: { shown: number; measured: number }[], msPerSecond: number) =>
  pairs.every(({ shown, measured }) => Math.abs(shown * msPerSecond - measured) <= 1e-3 * Math.max(measured, 1e-3));

it('reaches every scene by keyboard, each with a verified number, replayed in proportion to what was recorded', async () => {
  const { page, consoleErrors } = await open(browser, address(isolated));
  await page.locator('#story .scene').first().focus();
  for (const [index, scene] of scenes.entries()) {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`scene-${scene.id}`);
    const shown = await settle(page, scene.id);
    await page.locator(`#scene-${scene.id}`).screenshot({ path: join(screenshots, `story-${index + 1}-${scene.id}.png`) });
    if (coming.has(scene.id)) {
      expect(shown.state, scene.id).toBe('coming');
      expect(shown.sentence).toMatch(/^Coming: .*Nothing is measured, so no number is shown\.$/);
    } else {
      expect(shown.state, `${scene.id}: ${shown.sentence}`).toBe('shot');
      expect(Number.isFinite(shown.number) && shown.number > 0, scene.id).toBe(true);
      expect(shown.sentence).toMatch(/\d/);
      expect(shown.verified).toMatch(/^verified: .*(checksum 0x[0-9a-f]{8})/);
      const { bars, msPerSecond, scale } = await barsOf(page, scene.id);
      expect(bars.length, scene.id).toBeGreaterThan(0);
      expect(scale).toMatch(/^1 s here = [\d.]+ (ms|us) measured; /);
      expect(isProportional(bars.map((bar) => ({ shown: bar.seconds, measured: bar.measuredMs })), msPerSecond), scene.id).toBe(true);
      expect(isProportional(bars.map((bar) => ({ shown: bar.delaySeconds, measured: bar.fromMs })), msPerSecond), scene.id).toBe(true);
      // Negative control: the same check refuses durations paired with the wrong bars' measurements.
      const measured = bars.map((bar) => bar.measuredMs);
      if (new Set(measured).size > 1) {
        const shifted = bars.map((bar, i) => ({ shown: bar.seconds, measured: measured[(i + 1) % measured.length]! }));
        expect(isProportional(shifted, msPerSecond)).toBe(false);
      }
    }
    await page.keyboard.press('ArrowRight');
  }
  expect(await screenshotColours(page, join(screenshots, 'story-wide.png'))).toBeGreaterThan(20);
  expect(consoleErrors).toEqual([]);
  await page.close();
}, 240_000);

it('reaches every scene by scrolling alone, and measures each one the reader scrolls to', async () => {
  const { page, consoleErrors } = await open(browser, address(isolated));
  for (const scene of scenes) {
    await page.locator(`#scene-${scene.id}`).scrollIntoViewIfNeeded();
    const shown = await settle(page, scene.id);
    expect(shown.state, scene.id).toBe(coming.has(scene.id) ? 'coming' : 'shot');
  }
  expect(consoleErrors).toEqual([]);
  await page.close();
}, 240_000);

it('with reduced motion, shows still frames: no bar moves, and the numbers and scale are there', async () => {
  const { page, consoleErrors } = await open(browser, address(isolated), { reducedMotion: 'reduce' });
  for (const id of ['one-by-one', 'ate-a-copy', 'thousand-friends']) {
    await page.locator(`#scene-${id}`).focus();
    const shown = await settle(page, id);
    expect(shown.state).toBe('shot');
    expect(Number.isFinite(shown.number)).toBe(true);
    const { bars, still, scale } = await barsOf(page, id);
    expect(still).toBe('1');
    expect(scale).toMatch(/measured; .*A still frame: reduced motion is on\.$/);
    expect(bars.every((bar) => bar.animation === 'none')).toBe(true);
    await page.locator(`#scene-${id}`).screenshot({ path: join(screenshots, `story-still-${id}.png`) });
  }
  // Negative control: the same page without reduced motion animates its bars.
  const moving = await open(browser, address(isolated));
  await moving.page.locator('#scene-one-by-one').focus();
  await settle(moving.page, 'one-by-one');
  expect((await barsOf(moving.page, 'one-by-one')).bars.every((bar) => bar.animation === 'eat-bar')).toBe(true);
  expect([...consoleErrors, ...moving.consoleErrors]).toEqual([]);
  await page.close();
  await moving.page.close();
}, 120_000);

it('reads on a narrow screen: nothing wider than the phone', async () => {
  const { page, consoleErrors } = await open(browser, address(isolated), { viewport: { width: 375, height: 800 } });
  await page.locator('#scene-ate-a-copy').focus();
  await settle(page, 'ate-a-copy');
  await page.locator('#scene-one-by-one').scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 376).slice(0, 12).map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join(' | '));
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wide).toBeLessThanOrEqual(375);
  await page.screenshot({ path: join(screenshots, 'story-narrow.png') });
  await page.locator('#scene-ate-a-copy').screenshot({ path: join(screenshots, 'story-narrow-ate-a-copy.png') });
  expect(consoleErrors).toEqual([]);
  await page.close();
}, 120_000);

it('not cross-origin isolated: the shared-memory scene says what is missing, the rest of the story is told', async () => {
  const { page, consoleErrors } = await open(browser, address(plain));
  for (const id of ['one-by-one', 'shared-memory', 'memory']) await page.locator(`#scene-${id}`).focus();
  expect(await settle(page, 'shared-memory')).toMatchObject({ state: 'missing', sentence: expect.stringMatching(/not cross-origin isolated, so there is no SharedArrayBuffer/) });
  expect((await settle(page, 'one-by-one')).state).toBe('shot');
  const memory = await settle(page, 'memory');
  expect(memory.state).toBe('shot');
  expect(memory.sentence).toMatch(/pool-shared needs cross-origin isolation/);
  await page.locator('#scene-shared-memory').screenshot({ path: join(screenshots, 'story-not-isolated-shared-memory.png') });
  expect(consoleErrors).toEqual([]);
  await page.close();
}, 120_000);

it('without WebGPU: the GPU scenes say what is missing, the rest of the story is told', async () => {
  const plainBrowser = await launchChromium({ hasWebGpu: false });
  try {
    const { page, consoleErrors } = await open(plainBrowser, address(isolated));
    for (const id of ['one-by-one', 'thousand-friends']) await page.locator(`#scene-${id}`).focus();
    expect(await settle(page, 'thousand-friends')).toMatchObject({ state: 'missing', sentence: expect.stringMatching(/^No GPU scene on this page: .*WebGPU/) });
    expect((await settle(page, 'one-by-one')).state).toBe('shot');
    if (!coming.has('stream')) expect((await settle(page, 'stream')).state).toBe('missing');
    await page.locator('#scene-thousand-friends').screenshot({ path: join(screenshots, 'story-no-webgpu-gpu.png') });
    expect(consoleErrors).toEqual([]);
  } finally {
    await plainBrowser.close();
  }
}, 120_000);
