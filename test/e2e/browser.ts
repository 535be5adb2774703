// Headless Debian Chromium for the end-to-end tests, with the flags ci-recipe.md verified for WebGPU.
import { chromium, type Browser, type Page } from 'playwright-core';

const quietFlags = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const webGpuFlags = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader'];

/** Launches Chromium; `hasWebGpu: false` leaves WebGPU off, as in a browser without it. */
export function launchChromium({ hasWebGpu = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', ...quietFlags, ...(hasWebGpu ? webGpuFlags : [])],
  });
}

/** Opens `url`, collects console errors, and waits until the page says it is done. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-done="1"]', { timeout: 120_000 });
  return { page, consoleErrors };
}

/**
 * Takes a full-page screenshot, writes it to `file` for people to look at, and counts its distinct colours
 * (decoded by the page itself): a blank page has one or two.
 */
export async function screenshotColours(page: Page, file: string): Promise<number> {
  const png = await page.screenshot({ fullPage: true, path: file });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}
