// The lab's lumpy cake in headless Chromium (dev server, real Web Workers): the eaten Mandelbrot picture, the same
// picture coloured by who ate each pixel, and a busy/idle bar per friend, for a static and a dynamic deal.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake } from '../../src/cake.ts';
import { mandelbrot, mandelbrotWidth } from '../../src/eats/mandelbrot.ts';
import { expectedEaten } from '../../src/measure/verify.ts';
import type { BenchRecord } from '../../src/record/record.ts';
import { eaterColour } from '../../src/web/cake-view.ts';
import { launchChromium, openPage } from './browser.ts';

const root = join(__dirname, '..', '..');
const screenshots = join(root, 'dist', 'screenshots');
const slices = 2 ** 16; // as src/web/lumpy-lab.ts eats it
const rounds = 256;
const width = mandelbrotWidth(slices);
const height = Math.ceil(slices / width);
// Where the picture must be black: the pixels that never escaped, by the CPU twin.
const inTheSet = expectedEaten(mandelbrot, bake(slices, { eat: mandelbrot }), rounds).filter((iterations) => iterations >= rounds).length;
const hex = (css: string) => parseInt(css.slice(1), 16);

let browser: Browser;
let dev: ViteDevServer;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  dev = await createServer({ root, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await dev.listen();
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/** Eats with pool-shared and `schedule`; returns the record and both pictures' pixels as 0xRRGGBB. */
async function eat(page: Page, schedule: string) {
  await page.selectOption('#lumpy-strategy', 'pool-shared');
  await page.selectOption('#lumpy-schedule', schedule);
  await page.click('#lumpy-eat');
  await page.waitForSelector('body[data-done="1"]', { timeout: 60_000 });
  const state = await page.evaluate(() => (window as unknown as { __cake: { lumpy?: BenchRecord; error?: string } }).__cake);
  expect(state.error).toBeUndefined();
  const pixels = (id: string) =>
    page.evaluate((id) => {
      const canvas = document.getElementById(id) as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const rgb: number[] = [];
      for (let i = 0; i < data.length; i += 4) rgb.push((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { width: canvas.width, height: canvas.height, rgb };
    }, id);
  const bars = await page.$$eval('#lumpy-bars .busy-row', (rows) => rows.map((row) => ({ busyMs: Number((row as HTMLElement).dataset.busyMs), idleMs: Number((row as HTMLElement).dataset.idleMs), px: (row.querySelector('.busy') as HTMLElement).getBoundingClientRect().width })));
  return { record: state.lumpy!, picture: await pixels('lumpy-picture'), eaters: await pixels('lumpy-eaters'), bars };
}

describe('the lab\'s lumpy cake', () => {
  it('draws the eaten Mandelbrot picture, who ate each pixel, and a busy/idle bar per friend', async () => {
    const { page, consoleErrors } = await openPage(browser, `${dev.resolvedUrls!.local[0]!}`);
    const fixed = await eat(page, 'static');
    expect(fixed.record).toMatchObject({ strategy: 'pool-shared', n: slices, rounds, schedule: 'static', verified: true });
    const friends = fixed.record.poolSize!;
    expect(fixed.record.friendsBusyMs).toHaveLength(friends);
    // The picture: w x h from mandelbrotWidth, black exactly where the CPU twin says the set is.
    expect([fixed.picture.width, fixed.picture.height]).toEqual([width, height]);
    expect(fixed.picture.rgb.filter((c) => c === 0).length).toBe(inTheSet);
    expect(new Set(fixed.picture.rgb).size).toBeGreaterThan(20); // a ramp, not a flat fill
    // Who ate it, static: one block per friend, so the top row is friend 0's and the bottom row the last friend's.
    expect([fixed.eaters.width, fixed.eaters.height]).toEqual([width, height]);
    const colourOf = (friend: number) => hex(eaterColour(friend + 1));
    expect(new Set(fixed.eaters.rgb.slice(0, width))).toEqual(new Set([colourOf(0)]));
    expect(new Set(fixed.eaters.rgb.slice(slices - width, slices))).toEqual(new Set([colourOf(friends - 1)]));
    // A bar per friend, busy drawn in proportion to the friend's busy time.
    expect(fixed.bars.map((bar) => bar.busyMs)).toEqual(fixed.record.friendsBusyMs);
    for (const bar of fixed.bars) expect(bar.px).toBeGreaterThan(0);
    expect(await page.locator('#lumpy-summary').innerText()).toMatch(/pool-shared, static schedule, \d+ friends: median [\d.]+ ms; the busiest friend ate \d\.\d\dx the mean, .*% of ideal\. Every run verified/);
    await page.locator('#lumpy-lab').screenshot({ path: join(screenshots, 'demo-lumpy-static.png') });

    // Dynamic (negative control for the static picture): the heavy bottom half is shared, both friends' colours in it.
    const taken = await eat(page, 'dynamic');
    expect(taken.record).toMatchObject({ schedule: 'dynamic', verified: true });
    expect(taken.picture.rgb.filter((c) => c === 0).length).toBe(inTheSet);
    const bottomHalf = new Set(taken.eaters.rgb.slice(slices / 2, slices));
    for (let friend = 0; friend < friends; friend++) expect(bottomHalf.has(colourOf(friend)), `friend ${friend} in the bottom half`).toBe(true);
    await page.locator('#lumpy-lab').screenshot({ path: join(screenshots, 'demo-lumpy-dynamic.png') });
    expect(consoleErrors).toEqual([]);
  });
});
