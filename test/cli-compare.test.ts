// The built CLI as a user runs it: a small sweep explains itself (limits, % of limit, models, predicted break-even
// in its JSON), `cake predict` reads its models, and `cake compare` puts it beside a browser's export in one HTML
// page that opens in headless Chromium with no console errors. Bad input: exit 2 and one line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/record/record.ts';
import { tempDir } from './temp-dir.ts';

const cli = join(__dirname, '..', 'dist', 'node', 'cake.js');
const cake = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const dir = tempDir('cake-compare-');
const nodeJson = join(dir, 'node.json');
const browserJson = join(dir, 'browser.json');
let report: BenchReport;

beforeAll(() => {
  // stream at light cost is memory-bound: its records are measured against memcpy, the limit that can be wrong
  const run = cake('bench', '--sweep', '--eat', 'stream', '--budget', '15', '--sizes', '2^12,2^14,2^16', '--rounds', 'light,heavy', '--strategies', 'loop,simd,pool-shared', '--json', nodeJson);
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(readFileSync(nodeJson, 'utf8')) as BenchReport;
  // A browser's export: the same schema, written before the page explains anything, its adapter's name masked.
  const browser = JSON.parse(readFileSync(nodeJson, 'utf8')) as BenchReport;
  for (const key of ['limits', 'models', 'breakEven', 'misfits', 'misfitFactor'] as const) delete browser[key];
  for (const record of browser.results) delete record.percentOfLimit;
  browser.environment.runtime = 'Chrome 140 (the page)';
  browser.environment.gpu = { adapter: { vendor: '', architecture: '', description: '' }, timestampQuery: false, wait: 'await' } as unknown as BenchReport['environment']['gpu'];
  writeFileSync(browserJson, JSON.stringify(browser));
}, 180_000);

describe('a sweep explains itself', () => {
  it('carries limits, a % of limit on every record, models with their error, and breakEven with both n*', () => {
    expect(report.limits!.memory!.peakGbPerS).toBeGreaterThan(0);
    expect(report.models!.map((m) => m.strategy).sort()).toEqual(['loop', 'pool-shared', 'simd']);
    for (const m of report.models!) expect(m.rmsErrorPercent).toBeGreaterThanOrEqual(0);
    for (const e of report.breakEven!) expect(['always', 'from', 'never']).toContain(e.measured);
    // which limit binds is the roofline's call (in-cache stream can be compute-bound): never unknown for a built-in
    for (const r of report.results) expect(['memory', 'cpu compute']).toContain(r.percentOfLimit!.limit);
  });

  it('puts no record over its limit by more than its own noise (else the limit is wrong)', () => {
    for (const r of report.results) {
      const p = r.percentOfLimit!;
      if (p.limit === 'unknown intensity') throw new Error(`${r.strategy}: stream declares its intensity`);
      // the memcpy limit has its own p10-p90 too: allow both spreads, never a factor
      expect(p.percent, `${r.strategy} 2^${Math.log2(r.n)} x ${r.rounds}: ${p.percent.toFixed(0)} % of ${p.limit}`).toBeLessThan(100 * (1 + r.spread) * 1.25);
    }
  });
});

describe('cake predict', () => {
  it('predicts past the sweep and says it extrapolates', () => {
    const run = cake('predict', '--from', nodeJson, '--sizes', '2^16,2^30', '--rounds', 'heavy');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2\^16 slices x heavy \(1024\):\n/);
    expect(run.stdout).toMatch(/ loop .*inside the measured range\n/);
    expect(run.stdout).toMatch(/2\^30 slices x heavy/);
    expect(run.stdout).toMatch(/ loop .*EXTRAPOLATING: 1\.64e\+4x the largest cake measured \(2\^16\)/);
  });

  it.each([
    [['--sizes', '2^20'], /^cake: predict: --from FILE is needed/],
    [['--from', 'FILE', '--sizes', '2^33'], /^cake: --sizes: 2\^33 = 8589934592 slices is over the limit of 2\^32 .*Example: cake predict --from report\.json --sizes 2\^32$/],
    [['--from', 'FILE', '--sizes', '0'], /^cake: --sizes: 0 slices is too few/],
    [['--from', 'FILE', '--rounds', 'spicy'], /^cake: --rounds: "spicy" is not allowed\. Use light \(1\), medium \(64\), heavy \(1024\)/],
    [['--from', 'FILE', '--strategies', 'gpu'], /^cake: --strategies: "gpu" has no model in .*; it has loop, simd, pool-shared\./],
    [['--from', '/nonexistent.json'], /^cake: --from: cannot read \/nonexistent\.json: ENOENT/],
    [['--from', 'FILE', '--bogus'], /^cake: predict: unknown option "--bogus"/],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    const run = cake('predict', ...args.map((a) => (a === 'FILE' ? nodeJson : a)));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cake compare', () => {
  it('refuses one file, a file that is no report, and an unknown option with exit 2', () => {
    for (const [args, message] of [[[nodeJson], /give at least 2 report files, got 1/], [[nodeJson, cli], /is not JSON/], [[nodeJson, browserJson, '--wide'], /unknown option "--wide"/]] as const) {
      const run = cake('compare', ...args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('puts a Node run beside a browser export, in the terminal and in one HTML page with no console errors', async () => {
    const out = join(dir, 'compared');
    const run = cake('compare', nodeJson, browserJson, '--report', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('#2 browser.json: adapter masked | Chrome 140 (the page)');
    expect(run.stdout).toMatch(/Break-even vs loop, measured \(predicted\):\n\s+strategy\s+cost\s+#1\s+#2/);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
    try {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      tab.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => problems.push(error.message));
      await tab.goto(pathToFileURL(join(out, 'index.html')).href);
      await tab.waitForSelector('body[data-done="1"]', { timeout: 15_000 });
      expect(problems).toEqual([]);
      expect(await tab.locator('section[data-machine]').count()).toBe(2);
      expect(await tab.locator('section[data-machine] figure[data-chart="roofline"] svg').count()).toBeGreaterThanOrEqual(2);
      expect(await tab.locator('pre.machines').innerText()).toContain('adapter masked');
      expect(await tab.locator('pre.explained').first().innerText()).toMatch(/Break-even, measured vs predicted/);
      mkdirSync(join(__dirname, '..', 'dist', 'screenshots'), { recursive: true });
      await tab.screenshot({ fullPage: true, path: join(__dirname, '..', 'dist', 'screenshots', 'compare.png') });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
