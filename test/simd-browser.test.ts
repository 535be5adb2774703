// simd and pool-simd in headless Chromium: the kernel built by the page's Vite config, friends as Web
// Workers eating one shared WebAssembly memory. Dev server and built preview, isolated and not.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { build, createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watPlugin } from '../scripts/vite-wat-plugin.ts';

const root = new URL('./simd-page/', import.meta.url).pathname;
const configFile = new URL('../vite.config.ts', import.meta.url).pathname;
const outDir = new URL('../dist/test-simd-page/', import.meta.url).pathname;
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface PageResult {
  crossOriginIsolated: boolean;
  simd: { checksum?: string; expected?: string; phases?: string[]; unavailable?: string; error?: string };
  'pool-simd': { checksum?: string; expected?: string; phases?: string[]; unavailable?: string; error?: string };
}

let browser: Browser;

async function resultAt(url: string): Promise<PageResult> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: 30_000 }); // the page shows nothing
    return (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as PageResult;
  } finally {
    await page.close();
  }
}

describe.skipIf(!existsSync(chromiumPath))('simd in the browser', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  function expectBothEaten(result: PageResult): void {
    expect(result.crossOriginIsolated).toBe(true);
    expect(result.simd).toEqual({ checksum: result.simd.expected, expected: expect.stringMatching(/^0x/), phases: ['send', 'eat'] });
    expect(result['pool-simd']).toEqual({ checksum: result.simd.expected, expected: result.simd.expected, phases: ['send', 'eat', 'receive'] });
  }

  it('eats bit-exactly on the dev server (cross-origin isolated)', async () => {
    const server = await createServer({ configFile, root, server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
    await server.listen();
    try {
      expectBothEaten(await resultAt(server.resolvedUrls!.local[0]!));
    } finally {
      await server.close();
    }
  });

  it('eats bit-exactly in the built page, whose friend bundle compiles the kernel too', async () => {
    await build({ configFile, root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({ configFile, root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
    try {
      expectBothEaten(await resultAt(server.resolvedUrls!.local[0]!));
    } finally {
      await new Promise((resolve) => server.httpServer.close(resolve));
    }
  });

  it('without cross-origin isolation, pool-simd says why and simd still eats', async () => {
    // The project's config sets COOP/COEP; this server has the same plugins and no headers.
    const plugins = () => [watPlugin()];
    const server = await createServer({ configFile: false, root, plugins: plugins(), worker: { format: 'es', plugins }, server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
    await server.listen();
    try {
      const result = await resultAt(server.resolvedUrls!.local[0]!);
      expect(result.crossOriginIsolated).toBe(false);
      expect(result.simd.checksum).toBe(result.simd.expected);
      expect(result['pool-simd'].unavailable).toMatch(/^SharedArrayBuffer is unavailable: the page is not cross-origin isolated/);
    } finally {
      await server.close();
    }
  });
});
