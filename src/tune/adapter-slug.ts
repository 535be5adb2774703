// A short, file-safe name for an adapter, taken from what the adapter says it is: the tune cache is named after
// the adapter that was opened, not after how --adapter was typed (lavapipe, llvmpipe or nothing at all open the
// same adapter and must share one cache).
import type { AdapterSummary } from '../gpu/device.ts';

/** The software adapters by their friendly names: llvmpipe is Mesa's lavapipe driver. */
const knownAdapters: [RegExp, string][] = [
  [/llvmpipe|lavapipe/i, 'lavapipe'],
  [/swiftshader/i, 'swiftshader'],
];
const mostSlugChars = 48; // long enough to tell GPUs apart, short enough for a file name

/** lavapipe, swiftshader, or the description in lower-case letters, digits and dashes ('nvidia-geforce-rtx-4090'). */
export function adapterSlug(adapter: AdapterSummary): string {
  const text = `${adapter.description} ${adapter.vendor} ${adapter.architecture}`;
  const known = knownAdapters.find(([pattern]) => pattern.test(text));
  if (known) return known[1];
  const slug = adapter.description.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, mostSlugChars).replace(/^-+|-+$/g, '');
  return slug || 'unknown-adapter';
}
