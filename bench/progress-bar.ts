// Progress on stderr: a live bar with ETA when stderr is a terminal, plain lines otherwise (logs, CI, tests).
import type { SweepProgress } from '../src/measure/sweep.ts';

const barWidth = 24; // characters: fits an 80-column terminal beside the counts, ETA and the cell's name

function duration(ms: number): string {
  const totalS = Math.round(ms / 1000);
  return totalS >= 60 ? `${Math.floor(totalS / 60)}m${String(totalS % 60).padStart(2, '0')}s` : `${totalS}s`;
}

export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Returns a progress listener that draws on `out` (default process.stderr). */
export function progressPrinter(out: ProgressOutput = process.stderr): (progress: SweepProgress) => void {
  const isLive = out.isTTY === true;
  let isBarDrawn = false;
  const line = (text: string) => {
    if (isBarDrawn) out.write('\r\x1b[K'); // clear the bar, print the line, the next event redraws the bar
    isBarDrawn = false;
    out.write(`cake: ${text}\n`);
  };
  const at = (p: { n: number; rounds: number }) => `n=${p.n} rounds=${p.rounds}`;
  return (progress) => {
    switch (progress.kind) {
      case 'eta': {
        const filled = Math.round((barWidth * progress.done) / Math.max(1, progress.total));
        const text = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${progress.done}/${progress.total} cells, ` +
          `${duration(progress.elapsedMs)} spent, ETA ${duration(progress.etaMs)}  ${progress.doing}`;
        if (isLive) {
          out.write(`\r\x1b[K${text.slice(0, (out.columns ?? 100) - 1)}`);
          isBarDrawn = true;
        } else {
          out.write(`cake: ${text}\n`);
        }
        return;
      }
      case 'reference':
        if (!isLive) line(`eating the reference cake on the CPU twin (${at(progress)})`);
        return;
      case 'start':
        if (!isLive) line(`[${progress.done + 1}/${progress.total}] ${progress.strategy} ${at(progress)} ...`);
        return;
      case 'record': {
        const { record } = progress;
        if (!isLive) line(`  ${record.strategy}: median ${record.medianMs.toFixed(3)} ms over ${record.runs} runs, verified ${record.checksum}`);
        return;
      }
      case 'skip':
        if (!isLive) line(`  skipped ${progress.strategy} ${at(progress)}: ${progress.reason}`);
        return;
      case 'failure':
        return line(`  ${progress.strategy} FAILED: ${progress.error}`);
    }
  };
}
