// The browser demo: wires the page to the library (src/measure, src/strategies). No measuring logic here.
import { bake } from '../cake.ts';
import { describeEnvironment } from '../measure/environment.ts';
import type { BenchRecord, BenchReport } from '../record/record.ts';
import { toJson } from '../format/records.ts';
import { defaultStopRule } from '../measure/run.ts';
import { eatToShow } from '../measure/show.ts';
import { runPlan, type Progress } from '../measure/suite.ts';
import { strategies } from '../strategies/index.ts';
import type { StrategyEntry } from '../strategy.ts';
import { drawCake, eaterColour, eaterName, turnColour } from './cake-view.ts';
import { webHost } from './host.ts';
import { drawReport } from '../report/page.ts';
import { runSweep, sweepSizes, sweepStopRule } from '../measure/sweep.ts';
import { measureGpuCosts, addGpuCosts } from '../measure/gpu-costs.ts';
import { tellLessons } from './lessons-view.ts';
import { tuneHere } from './tune-view.ts';
import { renderResults } from './results-view.ts';
import { readPageOrder, type PageOrder } from './page-order.ts';
import { whyNotAutoStart } from './link-estimate.ts';
import { measureMsPerSliceRound } from '../measure/slice-round-cost.ts';
import { oneRunAtATime } from './one-run.ts';
import type { Eat } from '../eat.ts';
import { tellStory } from './story-view.ts';
import { defaultEat } from '../eats/index.ts';
import { eatChoice } from './eat-choice.ts';
import { eatLumpyCake, setUpLumpyLab } from './lumpy-lab.ts';

const host = await webHost();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('controls');
const sizeSelect = byId<HTMLSelectElement>('size');
const roundsSelect = byId<HTMLSelectElement>('rounds');
const status = byId<HTMLParagraphElement>('status');
const progressBar = byId<HTMLProgressElement>('progress');
const canvas = byId<HTMLCanvasElement>('cake');
const stopButton = byId<HTMLButtonElement>('stop');
const exportButton = byId<HTMLButtonElement>('export');
const runs = oneRunAtATime(['eat', 'sweep', 'tune', 'lessons', 'lumpy-eat'].map((id) => byId<HTMLButtonElement>(id)), stopButton);
const pageStopRule = { ...defaultStopRule, minRuns: 5, maxTimeMs: 3_000 }; // a page should answer in seconds
const sizeExponents = [4, 8, 10, 12, 14, 16, 18, 20, 22];
const pageSweepBudgetMs = 60_000; // a visitor waits about a minute; the CLI's default sweep takes 4
const pageSweepSizes = sweepSizes.filter((n) => n <= 2 ** 20);

/** What the page exposes for people debugging it and for the end-to-end tests. */
const state: { eat?: string; report?: BenchReport; lumpy?: BenchRecord; error?: string; missing: string[]; refused: string[]; notStarted?: string; crossOriginIsolated: boolean; charts?: number; lessonsTold?: number; tune?: { best: string; speedupOverDefault: number; verifiedShapes: number; kernel: string } } = {
  missing: [],
  refused: [],
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
};
Object.assign(window, { __cake: state });
const pageStrategies = strategies.filter((entry) => !entry.isNodeOnly); // not worth a disabled box in every browser
const order = readPageOrder(new URLSearchParams(location.search), pageStrategies.map((entry) => entry.name));
/** What eating a slice means on this page: a built-in or the editor's, asked for at the start of every run. */
const choice = eatChoice(byId<HTMLSelectElement>('eat-pick'), byId('eat-editor'), host, order.eat, markStrategies);

function setUpControls({ strategies: wanted, n = 2 ** 16, rounds = 64 }: PageOrder): void {
  const fieldset = byId<HTMLFieldSetElement>('strategies');
  for (const entry of pageStrategies) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: entry.name });
    box.checked = wanted ? wanted.includes(entry.name) : !entry.leftOutByDefault;
    label.append(box, ` ${entry.name}`);
    const line = Object.assign(document.createElement('div'), { className: 'strategy' });
    line.append(label, Object.assign(document.createElement('small'), { textContent: entry.summary }));
    fieldset.append(line);
  }
  markStrategies(choice.current());
  for (const exponent of sizeExponents) sizeSelect.add(new Option(`2^${exponent} (${(2 ** exponent).toLocaleString('en')} slices)`, String(2 ** exponent)));
  // Sizes and rounds the lists lack (?n=4099, ?rounds=7) are added, already checked against the CLI's limits.
  sizeSelect.value = String(n);
  if (sizeSelect.value !== String(n)) sizeSelect.add(new Option(`${n.toLocaleString('en')} slices`, String(n), true, true));
  roundsSelect.value = String(rounds);
  if (roundsSelect.value !== String(rounds)) roundsSelect.add(new Option(`${rounds} rounds`, String(rounds), true, true));
}

/** Names every parameter of the address the page refused, and what it did instead. */
function reportRefused(problems: string[]): void {
  state.refused = problems;
  const section = byId<HTMLElement>('refused');
  const lead = `The address asks for what this page will not eat: it uses its default${problems.length === 1 ? '' : 's'} instead and does not start on its own.`;
  section.replaceChildren(...[lead, ...problems].map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  section.hidden = problems.length === 0;
}

/** Disables, with the reason, what cannot eat `eat` here (simd without a SIMD twin); unticks them, reticks defaults when they can again. */
function markStrategies(eat: Eat | undefined): void {
  state.eat = eat?.name;
  for (const box of form.querySelectorAll<HTMLInputElement>('#strategies input')) {
    const entry = pageStrategies.find((candidate) => candidate.name === box.value)!;
    const why = eat && entry.unavailable?.(host, eat);
    const label = box.parentElement!;
    if (why) box.checked = false;
    else if (label.hasAttribute('data-unavailable')) box.checked = !entry.leftOutByDefault;
    box.disabled = Boolean(why);
    label.title = why || entry.summary;
    label.toggleAttribute('data-unavailable', Boolean(why));
  }
}

/** The eat function a run eats now; with none (your own not in use) the status says why and nothing runs. */
function eatNow(): Eat | undefined {
  const eat = choice.current();
  if (!eat) status.textContent = choice.whyNone;
  return eat;
}

/** ?run eats on load unless the estimate says the tab would be busy far longer than a link should make it. */
function startFromLink(): void {
  const run = { n: Number(sizeSelect.value), rounds: Number(roundsSelect.value), strategies: chosenStrategies(), cores: host.cores };
  const why = whyNotAutoStart(run, measureMsPerSliceRound(choice.current() ?? defaultEat)); // a few ms on a small cake
  if (!why) return void eatCake();
  state.notStarted = why;
  const section = byId<HTMLElement>('refused');
  section.replaceChildren(Object.assign(document.createElement('p'), { textContent: why }));
  section.hidden = false;
}

function chosenStrategies(): StrategyEntry[] {
  const names = [...form.querySelectorAll<HTMLInputElement>('#strategies input:checked')].map((box) => box.value);
  return strategies.filter((entry) => names.includes(entry.name));
}

function reportMissing(): void {
  if (host.gpuMissing) state.missing.push(host.gpuMissing);
  if (!host.hasSharedMemory) {
    state.missing.push('SharedArrayBuffer is unavailable: the page is not cross-origin isolated, so pool-shared cannot run. Serve it with the COOP/COEP headers set in vite.config.ts (npm run dev or npm run preview).');
  }
  const section = byId<HTMLElement>('missing');
  section.replaceChildren(...state.missing.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  section.hidden = state.missing.length === 0;
}

function showLegend(poolSize: number): void {
  const items = Array.from({ length: poolSize + 1 }, (_, eater) => {
    const item = document.createElement('div');
    const swatch = document.createElement('span');
    swatch.style.background = eaterColour(eater);
    item.append(swatch, eaterName(eater));
    return item;
  });
  byId('legend').replaceChildren(...items);
}

function showTurnLegend(turns: Uint32Array): void {
  const workgroups = turns.reduce((most, turn) => Math.max(most, turn), 0) + 1;
  const items = [0, 0.5, 1].map((share) => {
    const item = document.createElement('div');
    const swatch = document.createElement('span');
    swatch.style.background = turnColour(share);
    item.append(swatch, share === 0 ? 'first workgroups' : share === 1 ? `last of ${workgroups} workgroups` : 'halfway');
    return item;
  });
  byId('legend').replaceChildren(...items);
}

function describeProgress(progress: Progress): string {
  switch (progress.kind) {
    case 'reference':
      return `Eating the reference cake with the CPU twin (n=${progress.n}, rounds=${progress.rounds})...`;
    case 'start':
      return `[${progress.done + 1}/${progress.total}] ${progress.strategy} is eating (n=${progress.n}, rounds=${progress.rounds})...`;
    case 'record':
      return `${progress.record.strategy}: median ${progress.record.medianMs.toFixed(3)} ms, verified ${progress.record.checksum}`;
    case 'failure':
      return `${progress.strategy} FAILED: ${progress.error}`;
  }
}

/** An empty plate: with no strategy ticked there is nothing to eat, and "0 records, every run verified" would mislead. */
function hasEaters(chosen: StrategyEntry[]): boolean {
  if (chosen.length === 0) status.textContent = 'Choose at least one strategy under "Who eats": nothing was eaten.';
  return chosen.length > 0;
}

function eatCake(): Promise<void> {
  const chosen = chosenStrategies();
  const pageEat = eatNow();
  if (!pageEat || !hasEaters(chosen)) return Promise.resolve();
  return busy(async (stop) => {
    const slices = Number(sizeSelect.value);
    const rounds = Number(roundsSelect.value);
    const plan = { eat: pageEat, strategies: chosen, sizes: [slices], rounds: [rounds], order: 'ordered' as const, poolSize: host.cores, stop: pageStopRule };
    const report = await runPlan(plan, host, describeEnvironment(host), (progress) => {
      status.textContent = describeProgress(progress);
      if (progress.kind === 'record') progressBar.value = progress.done / progress.total;
    }, stop);
    if (host.gpu && !report.interrupted && chosen.some((entry) => entry.family === 'gpu')) {
      status.textContent = 'Measuring GPU copy routes, dispatch overhead and timestamps...';
      addGpuCosts(report, await measureGpuCosts(host, [slices]));
    }
    showReport(report);
    const last = chosen.findLast((entry) => report.results.some((record) => record.strategy === entry.name));
    if (last) {
      const { eaters, turns } = await eatToShow(last, host, bake(slices, { eat: pageEat }), { eat: pageEat, rounds, poolSize: host.cores });
      drawCake(canvas, slices, eaters, turns);
      if (turns) showTurnLegend(turns);
      else showLegend(host.cores);
      byId('cake-caption').textContent = turns
        ? `Eaten by ${last.name}: each wedge coloured by when its workgroups began to eat, as the kernel itself recorded with an atomic counter (checked against the CPU twin).`
        : `Eaten by ${last.name}: each wedge coloured by who ate its slices (checked against the CPU twin).`;
    }
    status.textContent = report.interrupted
      ? `Stopped with ${report.interrupted.cellsNotMeasured} records not measured; the ${report.results.length} measured are kept.`
      : `Done: ${report.results.length} records, every run verified.`;
    exportButton.disabled = false;
  });
}

function showReport(report: BenchReport): void {
  state.report = report;
  renderResults(byId('results'), report);
  const charts = byId('charts');
  charts.replaceChildren();
  state.charts = drawReport(report, charts, strategies);
}

/** Runs `work` as the one run in flight (Stop wired to it), the page marked busy until it ends. */
async function busy(work: (stop: AbortSignal) => Promise<void>): Promise<void> {
  if (runs.isRunning) return;
  document.body.dataset.done = '0';
  state.error = undefined;
  try {
    await runs.run(work);
  } catch (error) {
    state.error = error instanceof Error ? error.message : String(error);
    status.textContent = `Failed: ${state.error}`;
  } finally {
    document.body.dataset.done = '1';
  }
}

byId<HTMLButtonElement>('sweep').onclick = () => {
  const chosen = chosenStrategies();
  const pageEat = eatNow();
  if (!pageEat || !hasEaters(chosen)) return;
  return busy(async (stop) => {
    const budgetMs = order.budgetMs ?? pageSweepBudgetMs; // ?budget=90 (seconds) or ?budget=2m, as the CLI's --budget
    const plan = { eat: pageEat, strategies: chosen, sizes: pageSweepSizes, rounds: [Number(roundsSelect.value)], order: 'ordered' as const, poolSize: host.cores, stop: sweepStopRule, budgetMs };
    const report = await runSweep(plan, host, describeEnvironment(host), (progress) => {
      if (progress.kind === 'eta') {
        status.textContent = `Sweeping: ${progress.doing}; ${progress.done}/${progress.total} cells, about ${Math.ceil(progress.etaMs / 1000)} s left.`;
        progressBar.value = progress.done / progress.total;
      }
    }, stop);
    showReport(report);
    exportButton.disabled = false;
    status.textContent = `Break-even sweep done: ${report.results.length} records${report.interrupted ? ' (stopped early; kept)' : ''}, every run verified.`;
  });
};

byId<HTMLButtonElement>('lessons').onclick = () => {
  const pageEat = eatNow();
  if (!pageEat) return;
  return busy(async (stop) => {
    status.textContent = 'Telling the story...';
    state.lessonsTold = await tellLessons(byId('lesson-panels'), host, pageEat, () => stop.aborted);
    status.textContent = stop.aborted
      ? `Stopped after ${state.lessonsTold} lessons, each measured and verified here.`
      : `Told ${state.lessonsTold} lessons, each measured and verified here.`;
  });
};

byId<HTMLButtonElement>('tune').onclick = () => {
  const pageEat = eatNow();
  if (!pageEat) return;
  return busy(async (stop) => {
    const report = await tuneHere(byId('tune-result'), host, pageEat, (line) => (status.textContent = `Tuning: ${line}`), stop).catch((error: unknown) => {
      if (!stop.aborted) throw error;
    });
    if (!report) {
      status.textContent = 'Tune stopped. The shapes measured are kept in this browser, and the next tune resumes from them.';
      return;
    }
    state.tune = { best: report.best.shape, speedupOverDefault: report.speedupOverDefault, verifiedShapes: report.verifiedShapes, kernel: report.kernel };
    status.textContent = `Tuned: best ${report.best.shape}, ${report.speedupOverDefault.toFixed(2)}x the default shape; ${report.verifiedShapes} shapes verified.`;
  });
};

byId<HTMLButtonElement>('lumpy-eat').onclick = () =>
  busy(async (stop) => {
    status.textContent = 'Eating the Mandelbrot cake...';
    state.lumpy = await eatLumpyCake(host, stop);
    status.textContent = `Mandelbrot cake eaten by ${state.lumpy?.strategy}, every run verified.`;
  });

exportButton.onclick = () => {
  if (!state.report) return;
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([toJson(state.report)], { type: 'application/json' })),
    download: 'parallel-cake-browser.json',
  });
  link.click();
};

form.onsubmit = (event) => {
  event.preventDefault();
  void eatCake();
};

setUpControls(order);
setUpLumpyLab(host);
reportMissing();
reportRefused(order.problems);
drawCake(canvas, Number(sizeSelect.value));
tellStory(byId('story'), host, defaultEat, { isLabBusy: () => runs.isRunning });
document.body.dataset.done = '1'; // a run sets it to 0 at once, in this same task, until it ends
if (order.run) startFromLink();
