// `cake predict`: times at sizes and costs this machine did not measure, from the cost models a sweep cached in
// its JSON (--json FILE, or report.json of --report DIR). Older files without models are fitted from their records.
import { totalmem } from 'node:os';
import { parseSize as parseCakeSize, parseRounds, UsageError, quoted } from '../src/measure/asked.ts';
import { maxBaselineBytes } from '../src/record/read-baseline.ts';
import { readRegularFile } from './read-file.ts';
import { formatPredictions, predict } from '../src/format/predict.ts';
import { defaultBytesPerSlice, fitModels } from '../src/record/model.ts';
import type { BenchReport } from '../src/record/record.ts';
import { readOptions } from './read-options.ts';

const example = 'cake predict --from report.json --sizes 2^28,2^32 --rounds heavy';
const usage = `usage: cake predict --from FILE [--sizes 2^28,2^32] [--rounds light,medium,heavy|N] [--strategies a,b]
  predicts each strategy's time from the cost models a sweep wrote to FILE (cake bench --sweep --json FILE, or
  DIR/report.json of --report DIR); sizes up to 2^32 slices (default 2^24,2^28,2^32), rounds default medium.
  Example: ${example}`;

/** 2^32 slices: every index of a u32 reaches one (bench's own limit, 2^32 - 1, is the GPU's count of them). */
const predictLimit = { slices: 2 ** 32, written: '2^32', why: 'predictions stop where a u32 index stops reaching slices', example: '2^32' };
const spelling = (option: string) => ({ option, example: (value: string) => `cake predict --from report.json ${option} ${value}`, takesList: true });

function readReport(path: string): BenchReport {
  let text: string;
  try {
    text = readRegularFile(path, maxBaselineBytes); // a regular file under the cap: /dev/zero or a FIFO would never end
  } catch (error) {
    throw new UsageError(`--from: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give the JSON a sweep wrote. Example: ${example}`);
  }
  let report: BenchReport;
  try {
    report = JSON.parse(text) as BenchReport;
  } catch {
    throw new UsageError(`--from: ${path} is not JSON. Give the JSON a sweep wrote (cake bench --sweep --json FILE). Example: ${example}`);
  }
  if (report?.schema !== 'parallel-cake/bench@1' || !Array.isArray(report.results)) throw new UsageError(`--from: ${path} is not a parallel-cake/bench@1 report. Example: ${example}`);
  return report;
}

export function runPredict(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(usage + '\n'), 0;
  const options = readOptions(argv, { command: 'predict', valueOptions: ['--from', '--sizes', '--rounds', '--strategies'], flagOptions: [], example: (option) => (option === '--from' || !option ? example : `cake predict --from report.json ${option} ${option === '--strategies' ? 'loop,gpu' : option === '--rounds' ? 'heavy' : '2^28'}`) });
  const from = options.get('--from');
  if (!from) throw new UsageError(`predict: --from FILE is needed: the JSON of a sweep, whose cost models predict. Example: ${example}`);
  const sizes = (options.get('--sizes') ?? '2^24,2^28,2^32').split(',').map((text) => parseCakeSize(text, spelling('--sizes'), predictLimit));
  const roundsList = (options.get('--rounds') ?? 'medium').split(',').map((text) => parseRounds(text, spelling('--rounds')));
  const report = readReport(from);
  const bytesPerSlice = report.environment?.eat?.bytesPerSlice ?? defaultBytesPerSlice;
  const models = report.models ?? fitModels(report.results, bytesPerSlice);
  if (models.length === 0) throw new UsageError(`--from: ${from} holds no records to fit a model to. Run a sweep first: cake bench --sweep --json ${from}`);
  const wanted = options.get('--strategies')?.split(',').map((name) => name.trim());
  const unknown = wanted?.find((name) => !models.some((m) => m.strategy === name));
  if (unknown !== undefined) throw new UsageError(`--strategies: ${quoted(unknown)} has no model in ${from}; it has ${models.map((m) => m.strategy).join(', ')}. Example: cake predict --from ${from} --strategies ${models[0]!.strategy}`);
  const chosen = models.filter((m) => !wanted || wanted.includes(m.strategy));
  const predictions = sizes.flatMap((n) => roundsList.flatMap((rounds) => chosen.map((model) => predict(model, n, rounds))));
  const where = report.models ? 'the models it cached' : 'models fitted now from its records (it has no cached models)';
  process.stdout.write(`From ${from}: ${report.environment?.runtime ?? 'unknown runtime'}, ${report.environment?.cpus ?? 'unknown CPU'}; ${where}.\n`);
  process.stdout.write(formatPredictions(predictions, totalmem(), bytesPerSlice) + '\n');
  return 0;
}
