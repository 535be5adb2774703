// The browser demo end to end: dev server and built preview, real Web Workers in headless Chromium, verified
// checksums read from the page, a screenshot checked to be non-blank.
import { mkdirSync } from 'node:fs';
import { hash } from '../../src/eats/hash.ts';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../../src/cake.ts';
import { expectedEaten } from '../../src/measure/verify.ts';
import type { BenchReport } from '../../src/record/record.ts';
import { launchChromium, openPage, screenshotColours } from './browser.ts';

const root = join(__dirname, '..', '..');
const screenshots = join(root, 'dist', 'screenshots');
const pageStrategies = ['loop', 'map', 'pool-copy', 'pool-transfer', 'pool-shared', 'pool-slice', 'simd', 'pool-simd', 'gpu', 'gpu-resident', 'gpu-stream'];
const slices = 4099; // not a multiple of the pool size
const rounds = 64;
const expectedChecksum = hex(checksum(expectedEaten(hash, bake(slices), rounds)));
const runButtons = ['eat', 'sweep', 'tune', 'lessons'];
const address = (server: { resolvedUrls: { local: string[] } | null }) => server.resolvedUrls!.local[0]!;

let browser: Browser;
let dev: ViteDevServer;
let built: PreviewServer;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  dev = await createServer({ root, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await dev.listen();
  await build({ root, logLevel: 'warn' });
  built = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
}, 180_000); // a build, a dev server and Chromium: past vitest's 10 s hook default on a shared 2-core machine

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await built?.close();
});

describe.each([
  ['dev', () => address(dev)],
  ['preview', () => address(built)],
])('the demo (%s server)', (serverName, url) => {
  it('eats with every strategy in the browser (Web Workers, WebGPU), verified, cross-origin isolated', async () => {
    const query = `?strategies=${pageStrategies.join(',')}&n=${slices}&rounds=${rounds}&run=1`;
    const { page, consoleErrors } = await openPage(browser, url() + query);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; error?: string; crossOriginIsolated: boolean } }).__cake);
    expect(state.error).toBeUndefined();
    expect(state.crossOriginIsolated).toBe(true);
    expect(state.report!.failures).toEqual([]);
    expect(state.report!.results.map((record) => record.strategy)).toEqual(pageStrategies);
    for (const record of state.report!.results) {
      expect(record).toMatchObject({ n: slices, rounds, verified: true, checksum: expectedChecksum });
    }
    expect(state.report!.schema).toBe('parallel-cake/bench@1');
    const gpuRecord = state.report!.results.find((record) => record.strategy === 'gpu')!;
    expect(gpuRecord.adapter).toMatch(/SwiftShader/i);
    expect(gpuRecord.wait).toBe('await'); // a page's main thread cannot nap: the record says how it really waited
    expect(await page.locator('#results tr[data-strategy="pool-shared"]').count()).toBe(1);
    expect(await page.locator('#status').textContent()).toMatch(/^Done: 11 records, every run verified\.$/);
    // One eating of 4099 slices at 64 rounds: no small cake to show dispatch overhead, no memory a page can read.
    const caption = (chart: string) => page.locator(`figure[data-chart="${chart}"] figcaption`).textContent();
    expect(await caption('dispatch-overhead')).toMatch(/^No small-cake measurement yet: the smallest cell measured \(n = 2\^12\.0 \(4099\), medium \(64\)\)/);
    expect(await page.locator('figure[data-chart="dispatch-overhead"] svg').count()).toBe(0);
    expect(await caption('memory')).toMatch(/peak memory growth is not measured in a browser.*Copied per eating at n = 2\^12\.0 \(4099\), pool-copy 64\.0 KiB/);
    expect(await page.locator('figure[data-chart="memory"] svg').count()).toBe(0);
    // The browser's quantization is not guessed: the words point at the probe's smallest step beside them.
    expect(await page.locator('#charts dl.environment').innerText()).toMatch(/Kernel clock\n(wall|timestamp-query.*smallest step [\d.]+ (ns|us|ms).*quantization as the browser sets it \(the smallest step measured here is what it gives\))/);
    // The timeline: a row per GPU stage and per friend, each chunk a bar, the bounds marked (gpu-stream's record).
    const timeline = page.locator('figure[data-chart="timeline"]');
    expect(await timeline.locator('h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^gpu-stream, n = .*: overlap efficiency -?\d+\.\d\d/), expect.stringMatching(/^pool-copy, n = .*where each friend spends/)]));
    expect(await timeline.locator('svg g[aria-label="bar"] rect').count()).toBeGreaterThan(3 * 2);
    expect(await timeline.locator('svg text').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^no overlap [\d.]+ ms$/), expect.stringMatching(/^full overlap [\d.]+ ms$/)]));
    await timeline.screenshot({ path: join(screenshots, `demo-timeline-${serverName}.png`) });
    const colours = await screenshotColours(page, join(screenshots, `demo-${serverName}.png`));
    expect(colours).toBeGreaterThan(20); // text, table, and a cake coloured by friends; a blank page has ~1
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

it('without cross-origin isolation, says what is missing and still eats with the other strategies', async () => {
  // The built page served with no COOP/COEP headers, as a plain static host would.
  const plain = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir: 'dist/web' }, preview: { port: 0, host: '127.0.0.1' } });
  try {
    const { page, consoleErrors } = await openPage(browser, `${address(plain)}?strategies=loop,pool-copy,simd&n=1000&rounds=1&run=1`);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; crossOriginIsolated: boolean; missing: string[] } }).__cake);
    expect(state.crossOriginIsolated).toBe(false);
    expect(state.missing.join('\n')).toMatch(/SharedArrayBuffer is unavailable: the page is not cross-origin isolated/);
    expect(await page.locator('#missing').isVisible()).toBe(true);
    expect(await page.locator('#strategies label[data-unavailable]').allTextContents()).toEqual(expect.arrayContaining([' pool-shared', ' pool-simd']));
    expect(state.report!.results.map((record) => [record.strategy, record.verified])).toEqual([['loop', true], ['pool-copy', true], ['simd', true]]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  } finally {
    await plain.close();
  }
});

it('without WebGPU, says what is missing and still eats on the CPU', async () => {
  const plainBrowser = await launchChromium({ hasWebGpu: false });
  try {
    const { page, consoleErrors } = await openPage(plainBrowser, `${address(built)}?strategies=loop,pool-shared&n=1000&rounds=1&run=1`);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; missing: string[] } }).__cake);
    expect(state.missing.join('\n')).toMatch(/WebGPU .*the gpu strategies cannot run/);
    expect(await page.locator('#strategies label[data-unavailable]').allTextContents()).toEqual([' gpu', ' gpu-resident', ' gpu-stream']);
    expect(state.report!.results.map((record) => [record.strategy, record.verified])).toEqual([['loop', true], ['pool-shared', true]]);
    await screenshotColours(page, join(screenshots, 'demo-no-webgpu.png'));
    // A run that fails (a tune needs WebGPU) says why and gives every run button back.
    await page.click('#tune');
    await page.waitForSelector('body[data-done="1"]');
    expect(await page.locator('#status').textContent()).toMatch(/^Failed: .*WebGPU/);
    for (const id of runButtons) expect(await page.locator(`#${id}`).isEnabled(), id).toBe(true);
    expect(await page.locator('#stop').isEnabled()).toBe(false);
    expect(consoleErrors).toEqual([]);
  } finally {
    await plainBrowser.close();
  }
});

describe('the demo refuses what it cannot do well', () => {
  // Each bad value is named with what is allowed and an example; nothing runs on it, ?run=1 notwithstanding.
  it.each([
    ['?n=abc', /^\?n: "abc" is not a size\. Use integers 1\.\.2\^22, powers like 2\^20, or 64k \/ 1Mi; example: \?n=2\^20$/],
    ['?n=1.5', /^\?n: 1\.5 is not a whole number of slices\. Example: \?n=1000000$/],
    ['?n=0', /^\?n: 0 slices is too few; a cake has at least 1 slice\. Example: \?n=2\^20$/],
    ['?n=2^23', /^\?n: 2\^23 = 8388608 slices is over the limit of 2\^22 \(the page's largest cake; cake bench eats larger ones\)\. Example: \?n=2\^22$/],
    ['?rounds=-1', /^\?rounds: "-1" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\) or an integer 1\.\.1048576; example: \?rounds=heavy$/],
    ['?rounds=1e9', /^\?rounds: "1e9" is not allowed\./],
    ['?budget=soon', /^\?budget: "soon" is not a time budget\. .*example: \?budget=300 or \?budget=5m$/],
    ['?strategies=loop,fork', /^\?strategies: unknown strategy "fork"\. Known here: loop, map, .*Example: \?strategies=loop,pool-shared$/],
    ['?size=2^20', /^\?size: the page reads no such parameter\. It reads \?eat, \?strategies, \?n, \?rounds, \?budget, \?run; example:/],
  ])('%s: says what is wrong, what is allowed and an example, keeps its defaults and does not run', async (query, message) => {
    const { page, consoleErrors } = await openPage(browser, `${address(built)}${query}&run=1`);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; refused: string[] } }).__cake);
    expect(state.refused).toHaveLength(1);
    expect(state.refused[0]).toMatch(message);
    expect(state.report).toBeUndefined();
    expect(await page.locator('#refused').isVisible()).toBe(true);
    expect(await page.locator('#refused').innerText()).toContain(state.refused[0]);
    expect(await page.locator('#status').textContent()).toBe('Ready.');
    expect([await page.locator('#size').inputValue(), await page.locator('#rounds').inputValue()]).toEqual(['65536', '64']);
    if (query === '?n=abc') await screenshotColours(page, join(screenshots, 'demo-refused.png'));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a link that would freeze the tab (?n=2^22&rounds=heavy, loop and map) does not start: it says how long and what to do', async () => {
    const { page, consoleErrors } = await openPage(browser, `${address(built)}?strategies=loop,map,pool-shared&n=2^22&rounds=heavy&run=1`);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; notStarted?: string } }).__cake);
    expect(state.notStarted).toMatch(/^\?run: this address would keep the page busy for about .* with the tab frozen \(the reference eating and loop, map on the page's own thread\).*press Eat to start it anyway/);
    expect(state.report).toBeUndefined();
    expect(await page.locator('#refused').innerText()).toContain('press Eat to start it anyway');
    expect(await page.locator('#status').textContent()).toBe('Ready.');
    expect([await page.locator('#size').inputValue(), await page.locator('#rounds').inputValue()]).toEqual([String(2 ** 22), '1024']); // set as asked, for Eat
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('with no strategy ticked, asks for one and eats nothing', async () => {
    const { page, consoleErrors } = await openPage(browser, `${address(built)}?strategies=loop&n=1000&rounds=1`);
    await page.uncheck('#strategies input[value="loop"]');
    expect(await page.locator('#strategies input:checked').count()).toBe(0);
    await page.click('#eat');
    expect(await page.locator('#status').textContent()).toBe('Choose at least one strategy under "Who eats": nothing was eaten.');
    await page.click('#sweep');
    expect(await page.locator('#status').textContent()).toBe('Choose at least one strategy under "Who eats": nothing was eaten.');
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; error?: string } }).__cake);
    expect(state.report).toBeUndefined();
    expect(state.error).toBeUndefined();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('runs one thing at a time: the run buttons are off while a run goes, Stop stops it, then they come back', async () => {
    // Friends eat, so the page's own thread stays free to answer Stop between their messages.
    const { page, consoleErrors } = await openPage(browser, `${address(built)}?strategies=pool-copy,pool-transfer,pool-shared&n=2^20&rounds=64`);
    const during = await page.evaluate((ids) => {
      document.getElementById('eat')!.click(); // the run starts in this task: its buttons go off at once
      const buttons = ids.map((id) => document.getElementById(id) as HTMLButtonElement);
      const seen = buttons.map((button) => ({ id: button.id, disabled: button.disabled, title: button.title }));
      // A second Eat that slips past the disabled button (Enter in the form, a script) starts nothing.
      (document.getElementById('controls') as HTMLFormElement).requestSubmit();
      return { seen, stopEnabled: !(document.getElementById('stop') as HTMLButtonElement).disabled, done: document.body.dataset.done };
    }, runButtons);
    expect(during.done).toBe('0');
    expect(during.stopEnabled).toBe(true);
    for (const { id, disabled, title } of during.seen) {
      expect(disabled, id).toBe(true);
      expect(title, id).toMatch(/^Another run is going: wait for it to end, or press Stop\./);
    }
    await page.click('#stop');
    await page.waitForSelector('body[data-done="1"]', { timeout: 60_000 });
    expect(await page.locator('#status').textContent()).toMatch(/^Stopped with [1-3] records not measured; the [0-2] measured are kept\.$/);
    const state = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; error?: string } }).__cake);
    expect(state.error).toBeUndefined();
    expect(state.report!.results.length).toBeLessThan(3);
    for (const id of runButtons) {
      expect(await page.locator(`#${id}`).isEnabled(), id).toBe(true);
      expect(await page.locator(`#${id}`).getAttribute('title'), id).toBe('');
    }
    expect(await page.locator('#stop').isEnabled()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('the demo tells the story and finds the break-even', () => {
  it('shows every lesson with a verified measurement, then sweeps and draws the charts', async () => {
    const { page, consoleErrors } = await openPage(browser, `${address(built)}?strategies=loop,pool-shared,gpu-resident&rounds=64&budget=8`);
    await page.click('#lessons');
    await page.waitForSelector('body[data-done="1"]', { timeout: 120_000 });
    const told = await page.evaluate(() => (window as unknown as { __cake: { lessonsTold?: number; error?: string } }).__cake);
    expect(told.error).toBeUndefined();
    const panels = await page.locator('#lesson-panels article.lesson').count();
    expect(told.lessonsTold).toBe(panels);
    expect(await page.locator('#lesson-panels article[data-verified="1"]').count()).toBe(panels);
    expect(panels).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#lesson-panels').innerText()).toMatch(/pool-copy .*copied 64\.0 MiB per eating, peak memory growth not measured in a browser/);
    expect(await page.locator('#lesson-panels p.clock').textContent()).toMatch(/wall clock, performance\.now \(smallest step here [\d.]+ (ns|us|ms)\)/);
    await page.click('#sweep');
    await page.waitForSelector('body[data-done="1"]', { timeout: 120_000 });
    const swept = await page.evaluate(() => (window as unknown as { __cake: { report?: BenchReport; charts?: number; error?: string } }).__cake);
    expect(swept.error).toBeUndefined();
    expect(swept.report!.results.length).toBeGreaterThan(6);
    expect(swept.report!.results.every((record) => record.verified)).toBe(true);
    expect(swept.charts).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#charts figure svg').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('figure[data-chart="dispatch-overhead"] figcaption').textContent()).toMatch(/^Median time of each strategy at the smallest, lightest cell measured \(n = 2\^10, medium \(64\)\)/);
    // The page's report names its machine and clocks, and the adapter and kernel clock from its GPU records.
    const where = await page.locator('#charts dl.environment').innerText();
    expect(where).toMatch(/Runtime\n.+\nCPU\n.+\nCores\n\d+\nHost clock\nperformance\.now, smallest step/);
    expect(where).toMatch(/GPU adapter\n.+\nKernel clock\n(timestamp-query|wall)/);
    expect(where).toMatch(/Host wait\nawait: this thread may not block/);
    expect(await screenshotColours(page, join(screenshots, 'demo-lessons-and-charts.png'))).toBeGreaterThan(20);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 180_000); // ten lessons then a sweep: about a minute alone, more on a busy machine
});

describe('tuning in the browser', () => {
  it('runs a short tune on the page GPU, verifies every shape, and draws its heat map', async () => {
    const { page, consoleErrors } = await openPage(browser, address(built));
    await page.click('#tune');
    await page.waitForSelector('body[data-done="1"]', { timeout: 300_000 });
    const state = await page.evaluate(() => (window as unknown as { __cake: { tune?: { best: string; speedupOverDefault: number; verifiedShapes: number }; error?: string } }).__cake);
    expect(state.error).toBeUndefined();
    expect(state.tune!.verifiedShapes).toBeGreaterThan(0);
    expect(state.tune!.speedupOverDefault).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#tune-result svg rect').count()).toBeGreaterThan(4); // heat-map cells
    expect(await page.locator('#tune-result pre').textContent()).toContain(state.tune!.best);
    expect(await screenshotColours(page, join(screenshots, 'demo-tune.png'))).toBeGreaterThan(20);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 300_000);
});
