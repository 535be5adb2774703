// The space from an adapter's limits: illegal shapes are results with a reason, and a real device refuses
// them with that reason instead of crashing.
import { describe, expect, it } from 'vitest';
import { hash } from '../src/eats/hash.ts';
import { ShapedCake } from '../src/tune/kernel.ts';
import { buildSpace } from '../src/tune/space.ts';
import { defaultShape, parseShapeKey, shapeKey, whyIllegal, workgroupSizesFor, type ShapeLimits } from '../src/gpu/shapes.ts';
import { withDevice } from './gpu.ts';

const limits: ShapeLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 2 ** 27,
  maxBufferSize: 2 ** 28,
};

describe('the tuning space', () => {
  it('takes workgroup sizes from 1 up to the adapter limit, powers of two and a few others', () => {
    expect(workgroupSizesFor(limits)).toEqual([1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256]);
    expect(workgroupSizesFor({ ...limits, maxComputeWorkgroupSizeX: 64 }).at(-1)).toBe(64);
  });

  it('splits every combination into legal shapes and illegal ones with a reason', () => {
    const space = buildSpace(limits, 2 ** 20);
    expect(space.legal.length + space.illegal.length).toBe(space.all.length);
    expect(space.legal.map(shapeKey)).toContain(shapeKey(defaultShape));
    const reasons = space.illegal.map(({ reason }) => reason);
    expect(reasons.some((reason) => /vec4 loads eat 4 slices at a time/.test(reason))).toBe(true);
    expect(reasons.some((reason) => /same kernel as contiguous/.test(reason))).toBe(true);
    expect(reasons.every((reason) => reason.length > 20)).toBe(true);
  });

  it('names the limit a shape breaks, with the numbers', () => {
    const big = { ...defaultShape, workgroupSize: 512 };
    expect(whyIllegal(big, 1024, limits)).toBe('workgroup size 512 exceeds maxComputeInvocationsPerWorkgroup (256)');
    expect(whyIllegal({ ...defaultShape, load: 'vec4', slicesPerInvocation: 4 }, 1023, limits)).toMatch(/multiple of 4 \(got 1023\)/);
    expect(whyIllegal({ ...defaultShape, workgroupSize: 1 }, 2 ** 20, { ...limits, maxComputeWorkgroupsPerDimension: 1000 })).toMatch(/needs 1048576 workgroups, more than maxComputeWorkgroupsPerDimension\^2 = 1000\^2/);
    expect(whyIllegal(defaultShape, 2 ** 26, { ...limits, maxStorageBufferBindingSize: 2 ** 20 })).toMatch(/does not fit one binding \(1048576 bytes\)/);
  });

  it('keeps sizes over the limits that a caller asks for, as illegal shapes', () => {
    const space = buildSpace(limits, 4096, [64, 1024]);
    expect(space.illegal.filter(({ shape }) => shape.workgroupSize === 1024).length).toBe(space.all.length / 2);
  });

  it('reads back its own keys', () => {
    for (const shape of buildSpace(limits, 4096).all) expect(parseShapeKey(shapeKey(shape))).toEqual(shape);
    expect(() => parseShapeKey('wg64')).toThrow(/not a shape key; expected e.g. wg64-s1-contiguous-scalar-1d/);
  });

  it('refuses an illegal shape on a real device with its reason (lavapipe)', async () => {
    await withDevice('lavapipe', async (gpu) => {
      const cake = new Uint32Array(1022).map((_, i) => i);
      const shaped = new ShapedCake(gpu, hash, cake.length, 1, cake);
      try {
        await expect(shaped.prepare({ ...defaultShape, load: 'vec4', slicesPerInvocation: 4 })).rejects.toThrow(/illegal here: vec4 loads need a cake whose slices are a multiple of 4 \(got 1022\)/);
        const tooBig = gpu.device.limits.maxComputeInvocationsPerWorkgroup * 2;
        await expect(shaped.prepare({ ...defaultShape, workgroupSize: tooBig })).rejects.toThrow(new RegExp(`workgroup size ${tooBig} exceeds`));
        await expect(shaped.prepare(defaultShape)).resolves.toBeUndefined();
      } finally {
        shaped.destroy();
      }
    });
  });
});
