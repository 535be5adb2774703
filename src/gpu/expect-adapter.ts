// Is the adapter a run opened the one it was meant to measure? A GPU run on a borrowed machine must not report a
// software fallback's figures as the real GPU's: a missing driver makes Dawn fall back without a word.
import { adapterSlug } from '../tune/adapter-slug.ts';
import type { AdapterSummary } from './device.ts';

/** The software adapters a run may expect on purpose, by their friendly names (adapter-slug.ts knows them). */
export const softwareAdapters = ['lavapipe', 'swiftshader'] as const;

/** A fallback by its own word, or by what it is: Mesa's llvmpipe and SwiftShader run on the CPU. */
export function isSoftwareAdapter(adapter: AdapterSummary): boolean {
  const slug = adapterSlug(adapter);
  return adapter.isFallbackAdapter === true || adapter.architecture === 'software' || softwareAdapters.some((name) => name === slug);
}

const describe = (adapter: AdapterSummary) =>
  `"${adapter.description}" (${adapter.vendor || 'unknown vendor'}, ${adapter.architecture || 'unknown architecture'}${adapter.isFallbackAdapter ? ', a fallback adapter' : ''})`;

/**
 * Undefined when `adapter` is the `expected` one, else why not, in a sentence that says what to do. `expected`
 * is a software adapter's friendly name (lavapipe, swiftshader), which allows that adapter, or a part of a real
 * GPU's description or vendor, in any case (nvidia, H200), which refuses every software adapter.
 */
export function whyNotExpected(adapter: AdapterSummary, expected: string): string | undefined {
  const wanted = expected.trim().toLowerCase();
  if (wanted === '') return 'No adapter is expected: name one, e.g. CAKE_EXPECT_ADAPTER=nvidia (or lavapipe for the software one).';
  const isSoftware = isSoftwareAdapter(adapter);
  if (softwareAdapters.some((name) => name === wanted)) {
    return adapterSlug(adapter) === wanted ? undefined : `The run opened ${describe(adapter)}, not ${wanted}. Pick it with CAKE_ADAPTER=${wanted}, or expect the adapter this machine has.`;
  }
  const text = `${adapter.description} ${adapter.vendor}`.toLowerCase();
  if (isSoftware) {
    return `The run opened ${describe(adapter)}, a software adapter, where a real GPU matching "${expected}" was expected: its figures would be the CPU's. Check the GPU's Vulkan driver (vulkaninfo --summary; VK_DRIVER_FILES names its JSON), or expect the software adapter on purpose with CAKE_EXPECT_ADAPTER=lavapipe.`;
  }
  if (!text.includes(wanted)) return `The run opened ${describe(adapter)}, which does not match "${expected}". Expect a part of its description or vendor instead, or pick another adapter with CAKE_ADAPTER=NAME (cake info lists them).`;
  return undefined;
}
