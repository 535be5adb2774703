// A short tune in the browser: the same tuner as `cake tune`, on navigator.gpu, with its heat map drawn.
import * as Plot from '@observablehq/plot';
import { openGpu } from '../gpu/device.ts';
import type { Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import { TuneCache, type CacheStore } from '../tune/cache.ts';
import { formatTune } from '../tune/report.ts';
import { tune, type TuneReport } from '../tune/tune.ts';

const pageTune = {
  slices: 2 ** 18, // big enough for the shapes to differ, small enough for SwiftShader to answer in seconds
  rounds: 1, // light: where the kernel's shape matters most
  strategy: 'halving', // the search that needed the fewest evaluations in replays
  budgetShare: 0.3,
  fullSamples: 3,
  maxSamples: 8,
  seed: 1,
  workgroupSizes: [4, 16, 32, 64, 128, 256],
} as const;

/** Samples live in localStorage, per adapter, so a second visit resumes (the cache refuses another adapter's). */
function localStore(key: string): CacheStore {
  return { read: () => localStorage.getItem(key) ?? undefined, write: (text) => localStorage.setItem(key, text), where: `localStorage "${key}"` };
}

/** Tunes on this page's GPU and draws the table and heat map into `container`; `stop` ends it between two shapes. */
export async function tuneHere(container: HTMLElement, host: Host, eat: Eat, onProgress: (line: string) => void, stop?: AbortSignal): Promise<TuneReport> {
  if (!host.gpu) throw new Error(host.gpuMissing ?? 'this page has no WebGPU.');
  const gpu = await openGpu(host.gpu);
  try {
    const cache = TuneCache.open(localStore(`parallel-cake/tune/${gpu.adapterSummary.description}`), gpu.adapterSummary, gpu.device.limits);
    const report = await tune({ eat, gpu, cache, runtime: host.runtime, ...pageTune, workgroupSizes: [...pageTune.workgroupSizes], onProgress, stop });
    const { workgroupSizes, slicesPerInvocation, ms } = report.heatMap;
    const cells = workgroupSizes.flatMap((size, row) => slicesPerInvocation.map((slices, column) => ({ size: String(size), slices: String(slices), ms: ms[row]![column] })));
    const heatMap = Plot.plot({
      title: `Kernel ms by workgroup size x slices per invocation (best over the other axes), ${report.adapter}`,
      x: { label: 'slices per invocation' },
      y: { label: 'workgroup size', domain: workgroupSizes.map(String) },
      color: { scheme: 'YlOrBr', legend: true, label: 'ms (lower is better)' },
      marks: [
        Plot.cell(cells.filter((cell) => cell.ms !== null), { x: 'slices', y: 'size', fill: 'ms', inset: 1 }),
        Plot.text(cells.filter((cell) => cell.ms !== null), { x: 'slices', y: 'size', text: (cell) => (cell.ms as number).toFixed(2) }),
      ],
    });
    const table = Object.assign(document.createElement('pre'), { textContent: formatTune(report) });
    container.replaceChildren(heatMap, table);
    return report;
  } finally {
    gpu.destroy();
  }
}
