// gpu-stream's options on the command line: --chunk SIZE, --in-flight K, --device-memory SIZE (bytes, with
// B, KiB, MiB or GiB). The device's own limits are checked when the strategy opens it; these are the ones
// known before.
import { parseDecimal, UsageError, quoted } from '../src/measure/asked.ts';
import { maxInFlight, ringDeviceBytes } from '../src/gpu/stream-sizes.ts';
import type { EatOptions } from '../src/strategy.ts';

const units: Record<string, number> = { '': 1, b: 1, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 };
const limits = {
  '--chunk': { min: 4, max: 2 ** 32, example: '1MiB', what: 'a multiple of 4 bytes (whole slices)' },
  '--device-memory': { min: 64 * 2 ** 10, max: 2 ** 40, example: '4MiB', what: 'bytes' },
} as const;

/** A byte size: 4096, 64KiB, 4MiB, 1.5GiB. */
function parseBytes(option: keyof typeof limits, text: string): number {
  const { min, max, example, what } = limits[option];
  const match = /^(\d+(?:\.\d+)?)\s*(b|kib|mib|gib)?$/i.exec(text.trim());
  const bytes = match ? Number(match[1]) * units[(match[2] ?? '').toLowerCase()]! : NaN;
  const range = `${min} B..${max / 2 ** 30} GiB (${what})`;
  if (!Number.isInteger(bytes)) throw new UsageError(`${option}: ${quoted(text)} is not a size; use ${range}, written like 65536, 64KiB or 4MiB. Example: ${option} ${example}`);
  if (bytes < min || bytes > max) throw new UsageError(`${option}: ${text} is outside ${range}. Example: ${option} ${example}`);
  if (option === '--chunk' && bytes % 4 !== 0) throw new UsageError(`${option}: ${text} = ${bytes} bytes is not ${what}. Example: ${option} ${example}`);
  return bytes;
}

/** The stream options given; --chunk and --in-flight only where gpu-stream runs (elsewhere they would do nothing). */
export function parseStreamArgs(values: Map<string, string>, strategies: readonly string[]): Pick<EatOptions, 'chunkBytes' | 'inFlight' | 'deviceMemoryBytes'> {
  for (const option of ['--chunk', '--in-flight']) {
    if (values.has(option) && !strategies.includes('gpu-stream')) throw new UsageError(`${option} applies to gpu-stream only, which this run does not measure. Example: cake bench --strategies gpu,gpu-stream ${option} ${option === '--chunk' ? '1MiB' : '2'}`);
  }
  const inFlightText = values.get('--in-flight');
  const inFlight = inFlightText === undefined ? undefined : parseDecimal(inFlightText); // Number() would take 0x2 and 0b1
  if (inFlight !== undefined && (!Number.isInteger(inFlight) || inFlight < 1 || inFlight > maxInFlight)) {
    throw new UsageError(`--in-flight: ${quoted(inFlightText)} is not allowed; use an integer 1..${maxInFlight} (chunks in flight; 1 overlaps nothing). Example: --in-flight 3`);
  }
  const chunkBytes = values.has('--chunk') ? parseBytes('--chunk', values.get('--chunk')!) : undefined;
  const deviceMemoryBytes = values.has('--device-memory') ? parseBytes('--device-memory', values.get('--device-memory')!) : undefined;
  if (chunkBytes !== undefined && deviceMemoryBytes !== undefined) {
    const needBytes = ringDeviceBytes(chunkBytes, inFlight ?? 3);
    if (needBytes > deviceMemoryBytes) {
      throw new UsageError(`--chunk ${values.get('--chunk')} x --in-flight ${inFlight ?? 3} needs ${needBytes} bytes of device memory (each chunk and its eaten twin), over --device-memory ${values.get('--device-memory')} (${deviceMemoryBytes} bytes). Example: --device-memory 4MiB --chunk 512KiB`);
    }
  }
  return { chunkBytes, inFlight, deviceMemoryBytes };
}
