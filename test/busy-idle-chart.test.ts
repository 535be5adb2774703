// The busy/idle chart in the HTML report, from real measurements: pool-shared eating the Mandelbrot cake with a
// static and a dynamic deal, opened from disk in headless Chromium. One bar per friend per schedule, busy + idle
// adding up to the median run's wall time, no console errors; a report with no pool records draws no such chart.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtScript } from '../bench/built-script.ts';
import { nodeHost } from '../bench/node-host.ts';
import { nodeStrategies } from '../bench/node-strategies.ts';
import { mandelbrot } from '../src/eats/mandelbrot.ts';
import { describeEnvironment } from '../src/measure/environment.ts';
import { runPlan } from '../src/measure/suite.ts';
import type { BenchReport } from '../src/record/record.ts';
import { busyIdleRows } from '../src/report/busy-idle-chart.ts';
import { reportHtml } from '../src/report/html.ts';
import { findStrategy } from '../src/strategies/index.ts';

const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const dir = join(tmpdir(), 'cake-busy-idle-test');

async function measured(strategies: string[]): Promise<BenchReport> {
  const host = nodeHost();
  const plan = {
    eat: mandelbrot, strategies: strategies.map((name) => findStrategy(name)!), sizes: [2 ** 13], rounds: [256], order: 'ordered' as const, poolSize: 2,
    schedules: [{ kind: 'static' as const }, { kind: 'dynamic' as const }], stop: { warmupRuns: 1, minRuns: 3, minTimeMs: 0, maxTimeMs: 200 },
  };
  return runPlan(plan, host, describeEnvironment(host));
}

/** Opens the report in Chromium: the charts drawn, the busy/idle bars' widths (px) and any console problems. */
async function open(report: BenchReport, name: string) {
  mkdirSync(dir, { recursive: true });
  const page = join(dir, `${name}.html`);
  writeFileSync(page, reportHtml(report, readFileSync(builtScript('report-page.js'), 'utf8'), nodeStrategies));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
  try {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems: string[] = [];
    tab.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(`${message.type()}: ${message.text()}`));
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('body[data-done="1"]', { timeout: 10_000 });
    const charts = await tab.$$eval('figure[data-chart]', (figures) => figures.map((f) => f.getAttribute('data-chart')));
    const bars = await tab.$$eval('figure[data-chart="busy-idle"] svg g[aria-label="bar"] rect', (rects) => rects.map((r) => Number(r.getAttribute('width'))));
    const text = charts.includes('busy-idle') ? await tab.locator('figure[data-chart="busy-idle"]').innerText() : '';
    const figure = tab.locator('figure[data-chart="busy-idle"]');
    if (charts.includes('busy-idle')) await figure.screenshot({ path: join(dir, `${name}.png`) });
    return { charts, bars, text, problems };
  } finally {
    await browser.close();
  }
}

describe('the busy/idle chart', () => {
  it("draws each friend's busy and idle time per schedule, adding up to the median run", async () => {
    const report = await measured(['pool-shared']);
    expect(report.results.map((r) => r.schedule)).toEqual(['static', 'dynamic']);
    const rows = busyIdleRows(report);
    expect(rows).toHaveLength(2 * 2 * 2); // 2 schedules x 2 friends x (busy, idle)
    for (const record of report.results) {
      const wallMs = Object.values(record.phasesMs).reduce((sum, ms) => sum + ms, 0);
      const mine = rows.filter((r) => r.pool === `pool-shared ${record.schedule}`);
      for (const friend of ['friend 0', 'friend 1']) {
        const [busy, idle] = (['busy', 'idle'] as const).map((state) => mine.find((r) => r.friend === friend && r.state === state)!.ms);
        expect(busy! + idle!).toBeCloseTo(Math.max(wallMs, busy!), 6);
      }
    }
    const shown = await open(report, 'busy-idle');
    expect(shown.problems).toEqual([]);
    expect(shown.charts).toContain('busy-idle');
    expect(shown.bars.filter((px) => px > 0).length).toBeGreaterThanOrEqual(4); // every friend busy in both schedules
    expect(shown.text).toMatch(/pool-shared static: imbalance \d\.\d\d, \d+% of ideal/);
    expect(shown.text).toMatch(/pool-shared dynamic: imbalance \d\.\d\d, \d+% of ideal/);
  });

  it('is not drawn for a report without pools (negative control)', async () => {
    const report = await measured(['loop']);
    expect(report.results.every((r) => r.friendsBusyMs === undefined)).toBe(true);
    const shown = await open(report, 'no-pools');
    expect(shown.problems).toEqual([]);
    expect(shown.charts).not.toContain('busy-idle');
    expect(shown.charts.length).toBeGreaterThan(0); // the others still are
  });
});
