// The demo's eat functions end to end in headless Chromium on its real SwiftShader adapter and Web Workers: a
// built-in picked by ?eat=, one typed into the editor and eaten by a loop, friends and the GPU, verified against
// the same twin computed here; a WGSL error shown at its line and a JS twin that throws, with nothing eaten.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../../src/cake.ts';
import { checkEat } from '../../src/eats/check.ts';
import { hash } from '../../src/eats/hash.ts';
import { stream } from '../../src/eats/stream.ts';
import { expectedEaten } from '../../src/measure/verify.ts';
import type { BenchReport } from '../../src/record/record.ts';
import { launchChromium, openPage, screenshotColours } from './browser.ts';

const root = join(__dirname, '..', '..');
const screenshots = join(root, 'dist', 'screenshots');
const slices = 4099; // not a multiple of the pool size
const rounds = 3;
const eaters = ['loop', 'pool-copy', 'pool-shared', 'gpu']; // records come in the registry's order
const query = `?strategies=${eaters.join(',')}&n=${slices}&rounds=${rounds}`;
type PageState = { eat?: string; report?: BenchReport; error?: string; refused: string[] };
const pageState = (page: Page) => page.evaluate(() => (window as unknown as { __cake: PageState }).__cake);
const expectedChecksum = (eat: Parameters<typeof expectedEaten>[0]) => hex(checksum(expectedEaten(eat, bake(slices, { eat }), rounds)));

// A small eat function of our own, typed into the editor: its JS twin and its WGSL twin.
const tripleTwin = `export default {
  name: 'triple',
  element: 'u32',
  cpu(x, rounds) {
    let s = x;
    for (let round = 0; round < rounds; round++) s = (Math.imul(s, 3) + 1) >>> 0;
    return s;
  },
};
`;
const tripleWgsl = `fn eat(x: u32, rounds: u32) -> u32 {
  var s = x;
  for (var round = 0u; round < rounds; round++) { s = s * 3u + 1u; }
  return s;
}
`;

let browser: Browser;
let built: PreviewServer;
let url: string;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  await build({ root, logLevel: 'warn' });
  built = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  url = built.resolvedUrls!.local[0]!;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await built?.close();
});

/** Picks "your own", types `twin` and `wgsl` into the panes (replacing what they hold), and presses Use. */
async function useOwn(page: Page, twin: string, wgsl: string): Promise<string> {
  await page.selectOption('#eat-pick', 'own');
  for (const [pane, text] of [['#eat-twin', twin], ['#eat-wgsl', wgsl]] as const) {
    await page.click(`${pane} .cm-content`);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  }
  await page.click('#eat-use');
  await page.waitForSelector('#eat-verdict.ok, #eat-verdict.fault', { timeout: 60_000 });
  return (await page.locator('#eat-verdict').textContent())!;
}

/** Presses Eat and waits until the run (if any) ends. */
async function eat(page: Page): Promise<void> {
  await page.click('#eat');
  await page.waitForSelector('body[data-done="1"]', { timeout: 120_000 });
}

describe('?eat= picks a built-in with the rules of the other parameters', () => {
  it('?eat=stream: the picker shows it and every record eats stream, verified', async () => {
    const { page, consoleErrors } = await openPage(browser, `${url}${query}&eat=stream&run=1`);
    const state = await pageState(page);
    expect(await page.locator('#eat-pick').inputValue()).toBe('stream');
    expect(state.error).toBeUndefined();
    expect(state.report!.results.map((record) => [record.strategy, record.eat, record.verified, record.checksum])).toEqual(
      eaters.map((strategy) => [strategy, 'stream', true, expectedChecksum(stream)]),
    );
    expect(expectedChecksum(stream)).not.toBe(expectedChecksum(hash)); // the control: the checksum tells the eat functions apart
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('?eat=nope: says what is allowed and an example, keeps hash and does not start', async () => {
    const { page } = await openPage(browser, `${url}${query}&eat=nope&run=1`);
    const state = await pageState(page);
    expect(state.refused).toEqual(['?eat: unknown eat function "nope". Built in: hash, stream, sine, mandelbrot, lumpy (your own is written in the page\'s editor, not the address). Example: ?eat=stream']);
    expect(state.report).toBeUndefined();
    expect(await page.locator('#eat-pick').inputValue()).toBe('hash');
    await page.close();
  });
});

describe('your own eat function, from the editor', () => {
  it('typed into the editor, used, and eaten by a loop, friends and the GPU: verified against the same twin', async () => {
    const { page, consoleErrors } = await openPage(browser, url + query);
    const verdict = await useOwn(page, tripleTwin, tripleWgsl);
    expect(verdict).toMatch(/^In use: triple \(u32, bit-exact\): its JS twin checked on a probe cake, its WGSL compiled on this page's GPU\./);
    // No SIMD twin: the SIMD strategies are off and say why.
    for (const name of ['simd', 'pool-simd']) {
      const label = page.locator(`#strategies label:has(input[value="${name}"])`);
      expect(await label.getAttribute('data-unavailable')).toBe('');
      expect(await label.getAttribute('title')).toMatch(/SIMD/);
    }
    await eat(page);
    const state = await pageState(page);
    expect(state.error).toBeUndefined();
    // The expected checksum from the same JS twin, imported here as a module, as a friend imports the page's.
    const module = (await import(`data:text/javascript,${encodeURIComponent(tripleTwin)}`)) as { default: object };
    const triple = checkEat({ ...module.default, wgsl: tripleWgsl }, { moduleUrl: 'data:' }, 'the test');
    expect(expectedChecksum(triple)).not.toBe(expectedChecksum(hash));
    expect(state.report!.results.map((record) => [record.strategy, record.eat, record.verified, record.checksum])).toEqual(
      eaters.map((strategy) => [strategy, 'triple', true, expectedChecksum(triple)]),
    );
    expect(await page.locator('#status').textContent()).toBe('Done: 4 records, every run verified.');
    expect(await screenshotColours(page, join(screenshots, 'demo-eat-own.png'))).toBeGreaterThan(20);
    await page.screenshot({ path: join(screenshots, 'demo-eat-own-top.png') }); // the picker, the panes and the verdict, readable
    // Edits after Use are not eaten behind the visitor's back: the verdict says the eat in use is the last one used.
    await page.click('#eat-wgsl .cm-content');
    await page.keyboard.insertText(' ');
    expect(await page.locator('#eat-verdict').textContent()).toMatch(/^In use: triple .* Edited since: the eat function in use is the one last used; press Use to eat the edits\.$/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a sweep eats it too: every cell names it and is verified', async () => {
    const { page, consoleErrors } = await openPage(browser, `${url}?strategies=loop,gpu&rounds=1&budget=8`);
    expect(await useOwn(page, tripleTwin, tripleWgsl)).toMatch(/^In use: triple/);
    await page.click('#sweep');
    await page.waitForSelector('body[data-done="1"]', { timeout: 120_000 });
    const state = await pageState(page);
    expect(state.error).toBeUndefined();
    expect(state.report!.results.length).toBeGreaterThan(2);
    expect(state.report!.results.every((record) => record.eat === 'triple' && record.verified)).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a tune tunes its kernel: the tuned kernel names it, every shape verified against its twin', async () => {
    const { page, consoleErrors } = await openPage(browser, url);
    expect(await useOwn(page, tripleTwin, tripleWgsl)).toMatch(/^In use: triple/);
    await page.click('#tune');
    await page.waitForSelector('body[data-done="1"]', { timeout: 150_000 });
    const state = await page.evaluate(() => (window as unknown as { __cake: { tune?: { kernel: string; verifiedShapes: number }; error?: string } }).__cake);
    expect(state.error).toBeUndefined();
    expect(state.tune!.kernel).toMatch(/:triple#[0-9a-f]{8}$/);
    expect(state.tune!.verifiedShapes).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a WGSL error is shown at its line, in the gutter and in words, and nothing is eaten', async () => {
    const { page } = await openPage(browser, url + query);
    const example = readFileSync(join(root, 'examples', 'page-eat', 'eat.wgsl'), 'utf8').split('\n');
    expect(example[5]).toBe('    s ^= s >> 17u;'); // line 6 of the pane
    example[5] = '    s ^= t >> 17u;'; // t is declared nowhere
    const twin = readFileSync(join(root, 'examples', 'page-eat', 'twin.js'), 'utf8');
    const verdict = await useOwn(page, twin, example.join('\n'));
    expect(verdict).toMatch(/^Not in use: xorshift's WGSL does not compile: WGSL pane:6:10: .*'t'/);
    expect(await page.locator('#eat-wgsl-errors li').allTextContents()).toEqual([expect.stringMatching(/^WGSL pane line 6, column 10: .*'t'/)]);
    expect(await page.locator('#eat-wgsl-errors li').getAttribute('data-line')).toBe('6');
    expect(await page.locator('#eat-wgsl .cm-gutter-lint .cm-lint-marker-error').count()).toBe(1);
    expect(await page.locator('#eat-wgsl .cm-line').nth(5).locator('.cm-lintRange-error').textContent()).toBe('t >> 17u;');
    await page.locator('#eat-editor').screenshot({ path: join(screenshots, 'demo-eat-wgsl-error.png') });
    await eat(page);
    expect(await page.locator('#status').textContent()).toMatch(/^Your own eat function is not in use: .*Nothing was eaten\.$/);
    expect((await pageState(page)).report).toBeUndefined();
    await page.close();
  });

  it('a JS twin that throws is named by checkEat on the page, not thrown, and nothing is eaten', async () => {
    const { page, consoleErrors } = await openPage(browser, url + query);
    // A twin that is not even JavaScript is named too (the browser's SyntaxError gives no line).
    expect(await useOwn(page, tripleTwin.replace('let s = x;', 'let s = ;'), tripleWgsl)).toMatch(/^Not in use: the JS twin pane does not load as a module: .*Unexpected token/);
    await page.locator('#eat-verdict').evaluate((verdict) => verdict.removeAttribute('class')); // so the next Use's outcome is awaited
    const verdict = await useOwn(page, tripleTwin.replace('let s = x;', "throw new Error('no cake today');"), tripleWgsl);
    expect(verdict).toBe('Not in use: the JS twin pane: cpu(0, 1) threw: no cake today');
    expect(await page.locator('#eat-wgsl-errors li').count()).toBe(0);
    await page.locator('#eat-editor').screenshot({ path: join(screenshots, 'demo-eat-js-error.png') });
    await eat(page);
    const state = await pageState(page);
    expect(state.eat).toBeUndefined();
    expect(state.report).toBeUndefined();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
