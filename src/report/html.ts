// Writes the self-contained HTML report: the report JSON and the chart script inlined, so the file opens
// from disk with no server and no network.
import type { BenchReport } from '../record/record.ts';
import type { StrategyLook } from './colours.ts';

export const reportElementId = 'cake-report'; // the <script type="application/json"> holding the report
export const looksElementId = 'cake-strategies'; // and the one holding the registry's names and colours

const styles = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 900px; color: #222; }
  h1 { margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin: 1.8rem 0 0.4rem; } h3 { font-size: 1rem; margin: 1.2rem 0 0.2rem; }
  table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }
  dl.environment { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
  dl.environment dt { font-weight: 600; } dl.environment dd { margin: 0; }
  pre.skipped-cells { white-space: pre-wrap; }
  div.records { overflow-x: auto; } table.records { font-size: 0.78rem; white-space: nowrap; }
  table.records th, table.records td { padding: 0.1rem 0.35rem; } table.records th { white-space: normal; vertical-align: bottom; }
  table.records td.number { text-align: right; font-variant-numeric: tabular-nums; } ol.clocks { font-size: 0.9rem; }
  figure { margin: 0; } figcaption { color: #555; font-size: 0.9rem; } pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; }
`;

/** Keeps a `</script` inside the inlined code from closing its element (`<\/` means `</` in JS strings and regexes). */
function inlineSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

/** JSON with no '<' at all: nothing in it can end its element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The whole page as one string. `pageScript` is the built src/report/page.ts (an IIFE with Observable Plot
 * inside: dist/node/report-page.js in Node); `looks`, the registry's strategies, give the charts their colours.
 * Several reports (cake compare) make one page with a section per machine.
 */
export function reportHtml(report: BenchReport | readonly BenchReport[], pageScript: string, looks: readonly StrategyLook[]): string {
  const json = inlineJson(report);
  const looksJson = inlineJson(looks.map(({ name, colour }) => ({ name, colour })));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>parallel-cake: when does parallel pay off?</title>
<style>${styles}</style>
</head>
<body>
<h1>parallel-cake: when does parallel pay off?</h1>
<main id="charts"></main>
<script type="application/json" id="${reportElementId}">${json}</script>
<script type="application/json" id="${looksElementId}">${looksJson}</script>
<script>${inlineSafe(pageScript)}</script>
</body>
</html>
`;
}
