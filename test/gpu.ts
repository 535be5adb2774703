// Real WebGPU adapters for tests: lavapipe and SwiftShader through Dawn. A missing adapter fails the test with
// an install hint; only CAKE_SKIP_GPU=1, set by a person on purpose, skips GPU tests.
import { expect } from 'vitest';
import { dawnGpu } from '../bench/node-gpu.ts';
import { nodeHost } from '../bench/node-host.ts';
import { openGpu, type Gpu } from '../src/gpu/device.ts';
import type { Host } from '../src/host.ts';

/**
 * The adapters the GPU tests run on: lavapipe and SwiftShader, or those CAKE_TEST_ADAPTERS lists, as on a device
 * machine: names as --adapter takes them (Dawn matches a real GPU's name case-sensitively: NVIDIA), or `default`
 * for Dawn's own choice, the one scripts/gpu-run/run.sh has checked.
 */
export const testAdapters: readonly string[] = process.env.CAKE_TEST_ADAPTERS?.split(',').map((name) => name.trim()).filter(Boolean) ?? ['lavapipe', 'swiftshader'];
export const isGpuSkipped = process.env.CAKE_SKIP_GPU === '1';
/** What Dawn is asked for: `default` is no name at all. */
const dawnName = (adapter: string) => (adapter === 'default' ? undefined : adapter);
const installHint = 'Install one with: sudo bash scripts/setup-system.sh (or set CAKE_SKIP_GPU=1 to skip GPU tests on purpose).';
const logged = new Set<string>();

/** A Node host whose GPU is the named adapter; fails when the machine lacks it. */
export async function hostWithAdapter(adapter: string): Promise<Host> {
  const host = nodeHost({ adapter: dawnName(adapter) });
  const found = await host.gpu!.requestAdapter();
  if (!found) throw new Error(`No ${adapter} WebGPU adapter on this machine. ${installHint}`);
  if (!logged.has(adapter)) {
    logged.add(adapter); // every test log records the hardware it ran on
    console.log(`[gpu] ${adapter}: ${found.info.vendor}/${found.info.architecture} "${found.info.description}"`);
  }
  return host;
}

/**
 * Runs `fn` with its own device, inside a validation error scope that must come back empty, and destroys the
 * device afterwards.
 */
export async function withDevice<T>(adapter: string, fn: (gpu: Gpu) => Promise<T>, limits: 'adapter' | 'default' = 'adapter'): Promise<T> {
  await hostWithAdapter(adapter);
  const gpu = await openGpu(dawnGpu(dawnName(adapter)), { limits });
  try {
    gpu.device.pushErrorScope('validation');
    const result = await fn(gpu);
    expect((await gpu.device.popErrorScope())?.message).toBeUndefined();
    gpu.check();
    return result;
  } finally {
    gpu.destroy();
  }
}
