// Formats what the GPU costs: its adapter and timer, copy routes against memcpy, dispatch overheads, the
// kernel's share of gpu end to end, and the harness against minimal code.
import type { BenchReport, CopyRecord } from '../record/record.ts';
import { ms } from './records.ts';

const percent = (value: number) => `${value.toFixed(0)}%`;

/** Per size: the best upload route and the readback as a share of what the least code reaches (its GB/s). */
function formatVsMinimal(copies: CopyRecord[]): string[] {
  const lines: string[] = [];
  for (const n of [...new Set(copies.map((copy) => copy.n))]) {
    const at = copies.filter((copy) => copy.n === n);
    const minimalUpload = at.find((copy) => copy.route === 'minimal:upload');
    const minimalReadback = at.find((copy) => copy.route === 'minimal:readback');
    const bestUpload = at.filter((copy) => copy.route.startsWith('upload:')).sort((a, b) => b.gbPerS - a.gbPerS)[0];
    const readback = at.find((copy) => copy.route === 'readback');
    if (!minimalUpload || !minimalReadback || !bestUpload || !readback) continue;
    lines.push(
      `  n=${n}: best upload ${bestUpload.route.slice('upload:'.length)} = ${(bestUpload.gbPerS / minimalUpload.gbPerS).toFixed(2)}x minimal code's, ` +
        `readback = ${(readback.gbPerS / minimalReadback.gbPerS).toFixed(2)}x minimal code's (GB/s ratios)`,
    );
  }
  return lines.length > 0 ? ['', 'Routes vs the least code (writeBuffer or copy + mapAsync with a bare await):', ...lines] : [];
}

/** Lines about the GPU, or none when no GPU strategy ran. */
export function formatGpuCosts(report: BenchReport): string {
  const gpu = report.environment.gpu;
  if (!gpu) return '';
  const lines = [`GPU: ${gpu.adapter.description} (${gpu.adapter.vendor}, ${gpu.adapter.architecture}); host waits by ${gpu.wait}.`];
  const stamps = gpu.timestamps;
  lines.push(
    stamps
      ? `Kernel clock: timestamp-query; quantization ${stamps.quantization}; over ${stamps.passes} one-workgroup passes the smallest step was ` +
          `${stamps.smallestStepNs.toFixed(0)} ns and ${percent(100 * stamps.zeroOrNegativeShare)} read zero or negative.`
      : 'Kernel clock: wall (no timestamp-query on this adapter): submit to onSubmittedWorkDone.',
  );
  const copies = (report.copies ?? []).filter((copy) => copy.route !== 'memcpy' || report.copies!.some((c) => c.n === copy.n && c.route !== 'memcpy'));
  if (copies.length > 0) {
    lines.push('', 'Copies (median of >= 10, performance.now; shuffled cake; every route verified by a round trip):');
    for (const copy of copies) {
      const share = copy.percentOfMemcpy === undefined ? '' : `  ${percent(copy.percentOfMemcpy)} of memcpy`;
      lines.push(`  ${copy.route.padEnd(23)} n=${String(copy.n).padEnd(9)} ${copy.gbPerS.toFixed(2).padStart(7)} GB/s  ${ms(copy.medianMs)} ms (p10-p90 ${ms(copy.p10Ms)}-${ms(copy.p90Ms)})${share}`);
    }
    lines.push(...formatVsMinimal(copies));
  }
  if (report.overheads?.length) {
    lines.push('', 'Dispatch overhead:');
    for (const o of report.overheads) lines.push(`  ${o.name.padEnd(13)} ${o.medianUs.toFixed(2)} us (p10-p90 ${o.p10Us.toFixed(2)}-${o.p90Us.toFixed(2)}, ${o.samples} samples): ${o.measures}`);
  }
  const gpuRecords = report.results.filter((r) => r.strategy === 'gpu');
  if (gpuRecords.length > 0) lines.push('', 'gpu end to end:');
  for (const r of gpuRecords) {
    const minimal = report.results.find((m) => m.strategy === 'minimal-gpu' && m.n === r.n && m.rounds === r.rounds);
    const vsMinimal = minimal ? `; gpu / minimal-gpu = ${(r.medianMs / minimal.medianMs).toFixed(3)}` : '';
    lines.push(`  n=${r.n} rounds=${r.rounds}: kernel ${percent((100 * (r.phasesMs.kernel ?? 0)) / r.medianMs)} of ${ms(r.medianMs)} ms${vsMinimal}`);
  }
  return lines.join('\n');
}
