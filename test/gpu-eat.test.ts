// The GPU eats exactly like the CPU twin on lavapipe and on SwiftShader: every size edge, every workgroup size
// the adapter allows, every upload route, cakes over one 128 MiB binding; and its failures say what happened.
import { describe, expect, it } from 'vitest';
import { bake, checksum, hex } from '../src/cake.ts';
import { expectedEaten, verifyEaten } from '../src/measure/verify.ts';
import { compile, createPipeline } from '../src/gpu/device.ts';
import { EatKernel } from '../src/gpu/eat-kernel.ts';
import { isTrustworthy } from '../src/gpu/timing.ts';
import { uploadRoutes } from '../src/gpu/buffers.ts';
import { findStrategy } from '../src/strategies/index.ts';
import type { EatOptions } from '../src/strategy.ts';
import type { Cake } from '../src/eat.ts';
import { hash } from '../src/eats/hash.ts';
import { hostWithAdapter, isGpuSkipped, testAdapters, withDevice } from './gpu.ts';

const gridEdge = 65535 * 64; // one more slice needs a second row of workgroups at workgroupSize 64

/** Eats `cake` once with a GPU strategy and checks every slice against the CPU twin. */
async function eatOnGpu(adapter: string, name: 'gpu' | 'gpu-resident', cake: Cake, options: Omit<EatOptions, 'eat'>): Promise<Cake> {
  const host = await hostWithAdapter(adapter);
  const strategy = findStrategy(name)!.create(host);
  try {
    await strategy.prepare(cake, { eat: hash, ...options });
    await strategy.eat();
    await strategy.fetchEaten?.();
    const expected = expectedEaten(hash, cake, options.rounds);
    verifyEaten(`${name} on ${adapter}`, hash, strategy.eaten(), expected, options.rounds);
    expect(hex(checksum(strategy.eaten()))).toBe(hex(checksum(expected)));
    return strategy.eaten();
  } finally {
    await strategy.dispose();
  }
}

describe.skipIf(isGpuSkipped).each(testAdapters)('on %s', (adapter) => {
  it.each([1, 63, 64, 65, 4099])('eats %i slices bit-exact at rounds 1, 64 and 1024', async (n) => {
    for (const rounds of [1, 64, 1024]) await eatOnGpu(adapter, 'gpu', bake(n), { rounds, poolSize: 1 });
  });

  it.each([gridEdge - 1, gridEdge, gridEdge + 1])('eats %i slices (the 65535-workgroup edge, 2D grid past it)', async (n) => {
    await eatOnGpu(adapter, 'gpu-resident', bake(n), { rounds: 1, poolSize: 1 });
  });

  it('eats 2^25 + 1 slices split over two 128 MiB bindings (default limits), shuffled', async () => {
    await eatOnGpu(adapter, 'gpu', bake(2 ** 25 + 1, { order: 'shuffled' }), { rounds: 1, poolSize: 1, gpuLimits: 'default' });
  });

  it.each(uploadRoutes)('uploads by %s, twice in a row, verified', async (uploadRoute) => {
    const host = await hostWithAdapter(adapter);
    const cake = bake(100_003);
    const expected = expectedEaten(hash, cake, 3);
    const strategy = findStrategy('gpu')!.create(host);
    try {
      await strategy.prepare(cake, { eat: hash, rounds: 3, poolSize: 1, uploadRoute });
      for (let sample = 0; sample < 2; sample++) {
        await strategy.eat();
        verifyEaten(uploadRoute, hash, strategy.eaten(), expected, 3);
      }
      expect(strategy.settings?.()).toMatchObject({ uploadRoute });
    } finally {
      await strategy.dispose();
    }
  });

  it('falls back to the wall clock for kernels when asked, and says so', async () => {
    for (const name of ['gpu', 'gpu-resident'] as const) {
      const host = await hostWithAdapter(adapter);
      const strategy = findStrategy(name)!.create(host);
      try {
        await strategy.prepare(bake(4099), { eat: hash, rounds: 64, poolSize: 1, kernelClock: 'wall' });
        const phases = await strategy.eat();
        await strategy.fetchEaten?.();
        verifyEaten(name, hash, strategy.eaten(), expectedEaten(hash, bake(4099), 64), 64);
        expect(strategy.clock).toMatch(/^performance\.now \(no trustworthy timestamp-query, or --kernel-clock wall/);
        expect(phases.kernel).toBeGreaterThan(0);
      } finally {
        await strategy.dispose();
      }
    }
  });

  it('eats at every workgroup size from 1 to the adapter maximum', async () => {
    const host = await hostWithAdapter(adapter);
    const max = (await host.gpu!.requestAdapter())!.limits.maxComputeInvocationsPerWorkgroup;
    const sizes = [...new Set([1, 2, 3, 4, 8, 16, 32, 48, 64, 100, 128, 256, 512, 1024, max].filter((size) => size <= max))];
    const cake = bake(5003);
    for (const workgroupSize of sizes) await eatOnGpu(adapter, 'gpu-resident', cake, { rounds: 2, poolSize: 1, workgroupSize });
    expect(sizes).toContain(max);
  });

  it('refuses a workgroup size over the adapter limit, naming the limit', async () => {
    const host = await hostWithAdapter(adapter);
    const max = (await host.gpu!.requestAdapter())!.limits.maxComputeInvocationsPerWorkgroup;
    const strategy = findStrategy('gpu')!.create(host);
    await expect(strategy.prepare(bake(100), { eat: hash, rounds: 1, poolSize: 1, workgroupSize: max + 1 })).rejects.toThrow(
      `workgroupSize ${max + 1} exceeds this adapter's maxComputeInvocationsPerWorkgroup (${max}).`,
    );
    await strategy.dispose();
  });

  it('reports a broken shader with its file, line and column', async () => {
    await withDevice(adapter, async ({ device }) => {
      const broken = { file: 'broken.wgsl', parts: [{ file: 'broken.wgsl', code: '@compute @workgroup_size(1)\nfn eatCake() {\n  let h: u32 = 1.5;\n}\n' }], entryPoint: 'eatCake' };
      await expect(compile(device, broken)).rejects.toThrow(/^broken\.wgsl does not compile:\nbroken\.wgsl:3:\d+: /);
    });
  });

  it('turns a pipeline that cannot be created into an error naming the entry point', async () => {
    await withDevice(adapter, async ({ device }) => {
      const module = await compile(device, { file: 'noop.wgsl', parts: [{ file: 'noop.wgsl', code: '@compute @workgroup_size(1) fn noop() {}' }], entryPoint: 'noop' });
      await expect(createPipeline(device, module, 'missingEntry')).rejects.toThrow(/^Cannot create the missingEntry pipeline: /);
    });
  });
});

describe.skipIf(isGpuSkipped || !testAdapters.includes('swiftshader'))('a cake too big for the device', () => {
  // SwiftShader refuses allocations past its heap; lavapipe overcommits host memory lazily, so there the CLI's
  // host-memory check is the guard (bench/args.ts).
  it('gets one error with the numbers, on SwiftShader', async () => {
    await withDevice('swiftshader', async (gpu) => {
      const slices = 2 ** 32 - 64; // no host cake needed: the kernel allocates device buffers only
      await expect(EatKernel.create(gpu, hash, slices, 1, 64)).rejects.toThrow(
        /^A cake of 4294967232 slices needs 32768 MiB on the GPU \(the cake and its eaten twin\), and this device could not allocate it: .*\. Use a smaller n\.$/,
      );
    });
  });
});

describe('timestamp trust', () => {
  it('trusts timestamps that read nonzero and in order, and not ones that often read zero or backwards', () => {
    expect(isTrustworthy({ smallestStepNs: 1000, zeroOrNegativeShare: 0, passes: 20 })).toBe(true);
    expect(isTrustworthy({ smallestStepNs: 1000, zeroOrNegativeShare: 0.1, passes: 20 })).toBe(true);
    expect(isTrustworthy({ smallestStepNs: 1000, zeroOrNegativeShare: 0.15, passes: 20 })).toBe(false);
    expect(isTrustworthy({ smallestStepNs: Infinity, zeroOrNegativeShare: 0, passes: 20 })).toBe(false);
  });
});
