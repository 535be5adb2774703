// The HTML report from a real small sweep, opened from disk in headless Chromium: no console errors or warnings
// (Plot's among them), every chart drawn with legends that tell its names apart, every record listed and verified,
// the machine, clocks and adapter named, and a screenshot that is not blank.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hash } from '../src/eats/hash.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeEnvironment } from '../src/measure/environment.ts';
import { runSweep } from '../src/measure/sweep.ts';
import { reportHtml } from '../src/report/html.ts';
import { findStrategy } from '../src/strategies/index.ts';
import { addGpuCosts, gpuCostSizes, measureGpuCosts } from '../src/measure/gpu-costs.ts';
import { builtScript } from '../bench/built-script.ts';
import { nodeHost } from '../bench/node-host.ts';
import { nodeStrategies } from '../bench/node-strategies.ts';
import { hostWithAdapter, isGpuSkipped } from './gpu.ts';

const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const minColours = 20; // a blank or one-colour page has a handful; charts with legends have hundreds

describe('the HTML report', () => {
  it('inlines the report and the script so that nothing in them can close their elements', () => {
    const report = { schema: 'parallel-cake/bench@1', environment: { runtime: '</script><b>', cpus: 'x', cores: 1, hostClock: { name: 'performance.now', resolutionMs: 1 } }, results: [], startup: [], failures: [] } as const;
    const html = reportHtml(report as never, 'const closing = "</script>"; draw();', [{ name: '</script>', colour: '#222222' }]);
    expect(html.match(/<\/script>/g)).toHaveLength(3); // the report's, the colours' and the code's own closing tags only
    expect(html).toContain('[{"name":"\\u003c/script>","colour":"#222222"}]');
    expect(html).toContain('"runtime":"\\u003c/script>\\u003cb>"');
    expect(html).toContain('const closing = "<\\/script>"; draw();');
  });

  it('opens from disk with no console errors or warnings, draws every chart, lists every record, names where it ran, and is not blank', async () => {
    // On lavapipe, as the CLI runs it: the sweep, then the GPU's costs (adapter, timestamps, wait) into the report.
    const host = isGpuSkipped ? nodeHost() : await hostWithAdapter('lavapipe');
    const strategies = ['loop', 'pool-copy', 'pool-shared', ...(isGpuSkipped ? [] : ['gpu'])].map((name) => findStrategy(name)!);
    // 2^22 rounds: about 10 s of loop even at 1024 slices, far over the 2.5 s a cell may take, so whole rows are
    // skipped for certain and the page must list each skipped cell with its reason.
    const plan = { eat: hash, strategies, sizes: [1024, 8192, 65536], rounds: [1, 1024, 2 ** 22], order: 'ordered' as const, poolSize: 2, stop: { warmupRuns: 1, minRuns: 3, minTimeMs: 0, maxTimeMs: 100 }, budgetMs: 30_000 };
    const report = await runSweep(plan, host, describeEnvironment(host));
    if (!isGpuSkipped) addGpuCosts(report, await measureGpuCosts(host, gpuCostSizes(report, strategies)));
    expect(report.skipped!.length).toBeGreaterThan(0);
    const dir = join(tmpdir(), 'cake-report-test');
    mkdirSync(dir, { recursive: true });
    const page = join(dir, 'index.html');
    writeFileSync(page, reportHtml(report, readFileSync(builtScript('report-page.js'), 'utf8'), nodeStrategies));

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
    try {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      tab.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('request', (request) => !request.url().startsWith('file:') && !request.url().startsWith('data:') && problems.push(`network: ${request.url()}`));
      await tab.goto(pathToFileURL(page).href);
      await tab.waitForSelector('body[data-done="1"]', { timeout: 10_000 });
      expect(problems).toEqual([]);
      const charts = await tab.$$eval('figure[data-chart]', (figures) => figures.map((f) => [f.getAttribute('data-chart'), f.querySelectorAll('svg').length]));
      expect(charts.map(([id]) => id)).toEqual(['break-even-map', 'time-vs-n', 'phases', 'timeline', 'busy-idle', 'copy-rate', 'memory', 'dispatch-overhead', 'startup']);
      for (const [id, svgs] of charts) expect(svgs, `chart ${id}`).toBeGreaterThan(0);
      // Each legend tells its entries apart, and a name keeps its colour in every chart (one 10-colour scheme over
      // 19 names once gave loop and gpu-resident one blue).
      const legends = await tab.$$eval('figure[data-chart] .cake-legend', (rows) =>
        rows.map((row) => ({ chart: row.closest('figure')!.getAttribute('data-chart'), entries: [...row.querySelectorAll<HTMLElement>('.cake-swatch')].map((s) => ({ label: s.textContent, kind: s.dataset.kind, colour: s.dataset.colour })) })),
      );
      expect(legends.map((l) => l.chart)).toEqual(expect.arrayContaining(['break-even-map', 'time-vs-n', 'phases', 'copy-rate', 'memory']));
      const colourOf = new Map<string, string>();
      for (const { chart, entries } of legends) {
        expect(entries.length, `legend of ${chart}`).toBeGreaterThan(0);
        expect(new Set(entries.map((e) => e.colour)).size, `colours in the legend of ${chart}: ${JSON.stringify(entries)}`).toBe(entries.length);
        for (const { label, kind, colour } of entries) {
          const key = `${kind}:${label}`;
          expect(colourOf.get(key) ?? colour, `${key} in ${chart}`).toBe(colour);
          colourOf.set(key, colour!);
          if (kind === 'strategy') expect(colour, `${label} in ${chart}`).toBe(nodeStrategies.find((entry) => entry.name === label)!.colour); // the registry's, as the HTML embeds it
        }
      }
      const strategiesInLegend = (chart: string) => legends.filter((l) => l.chart === chart).flatMap((l) => l.entries.filter((e) => e.kind === 'strategy').map((e) => e.label));
      expect(strategiesInLegend('time-vs-n').sort()).toEqual([...new Set(report.results.map((r) => r.strategy))].sort()); // what it draws, no more
      expect(legends.find((l) => l.chart === 'copy-rate')!.entries).toContainEqual({ label: 'memcpy (limit)', kind: 'route', colour: '#000000' });
      // Every axis names at least two ticks: a log axis over less than a decade once read only "10".
      const axes = await tab.$$eval('figure[data-chart] svg g[aria-label$="-axis tick label"]', (groups) =>
        groups.map((g) => ({ chart: g.closest('figure')!.getAttribute('data-chart'), axis: g.getAttribute('aria-label'), labels: [...g.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '').length })),
      );
      for (const { chart, axis, labels } of axes) expect(labels, `${axis} of ${chart}`).toBeGreaterThanOrEqual(2);
      // Every record, with the terminal table's cells: noise (p10-p90, spread, runs) and its checksum verified.
      const records = await tab.$$eval('section.records table.records tr', (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!)));
      const [header, ...rows] = records;
      expect(header).toEqual(['strategy', 'n', 'rounds', 'median ms', 'p10-p90 ms', 'spread', 'ns/slice-round', 'vs loop', 'copied MiB', 'peak RSS +MiB', 'runs', 'checksum', 'clock']);
      expect(rows).toHaveLength(report.results.length);
      expect(await tab.locator('section.records table.records').isVisible()).toBe(true); // a short report folds nothing away
      for (const [i, row] of rows.entries()) {
        const record = report.results[i]!;
        expect(row.slice(0, 3)).toEqual([record.strategy, String(record.n), String(record.rounds)]);
        expect(row[10]).toBe(String(record.runs));
        expect(row[11]).toBe(`${record.checksum} ok`);
      }
      expect(await tab.locator('table th').first().textContent()).toBe('beats loop from n* =');
      const shown = await tab.locator('body').innerText();
      expect(shown).toContain(`Runtime\n${report.environment.runtime}`);
      expect(shown).toMatch(/Host clock\nperformance\.now, smallest step [\d.]+ (ns|us|ms)/);
      expect(shown).toContain(`Cores\n${report.environment.cores}`);
      if (!isGpuSkipped) {
        expect(shown).toContain(`GPU adapter\n${report.environment.gpu!.adapter.description} (vendor ${report.environment.gpu!.adapter.vendor}`);
        expect(shown).toMatch(/Kernel clock\n(timestamp-query, the GPU's own clock: smallest step [\d.]+ (ns|us|ms), \d+% of 200 one-workgroup passes read zero or negative|wall)/);
        expect(shown).toContain('Host wait\nnap: ');
      }
      await tab.locator('summary', { hasText: 'cells skipped' }).click(); // the skipped cells fold away; every one is listed with its reason
      const listed = await tab.locator('pre.skipped-cells').innerText();
      for (const cell of report.skipped!) expect(listed).toContain(`n=2^${Math.log2(cell.n)} rounds=${cell.rounds}: ${cell.reason}`);
      const screenshot = await tab.screenshot({ fullPage: true, path: join(dir, 'screenshot.png') });
      const colours = await tab.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = new Uint32Array(context.getImageData(0, 0, image.width, image.height).data.buffer);
        return new Set(pixels).size;
      }, screenshot.toString('base64'));
      expect(colours).toBeGreaterThan(minColours);
    } finally {
      await browser.close();
    }
  });
});
