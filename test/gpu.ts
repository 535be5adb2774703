// Real WebGPU adapters for tests: lavapipe and SwiftShader through Dawn. A missing adapter fails the test with
// an install hint; only CAKE_SKIP_GPU=1, set by a person on purpose, skips GPU tests.
import { expect } from 'vitest';
import { dawnGpu } from '../bench/node-gpu.ts';
import { nodeHost } from '../bench/node-host.ts';
import { openGpu, type Gpu } from '../src/gpu/device.ts';
import type { Host } from '../src/host.ts';

export const testAdapters = ['lavapipe', 'swiftshader'] as const;
export const isGpuSkipped = process.env.CAKE_SKIP_GPU === '1';
const installHint = 'Install one with: sudo bash scripts/setup-system.sh (or set CAKE_SKIP_GPU=1 to skip GPU tests on purpose).';
const logged = new Set<string>();

/** A Node host whose GPU is the named adapter; fails when the machine lacks it. */
export async function hostWithAdapter(adapter: string): Promise<Host> {
  const host = nodeHost({ adapter });
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
  const gpu = await openGpu(dawnGpu(adapter), { limits });
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
