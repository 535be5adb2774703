// The GPU run's adapter check (src/gpu/expect-adapter.ts): a real GPU is taken only when it is one, a software
// adapter only when expected by name. Summaries as Dawn reports them: lavapipe and SwiftShader from this
// machine's `cake info` and probe JSON; the NVIDIA one as Dawn describes a discrete Vulkan GPU.
import { describe, expect, it } from 'vitest';
import type { AdapterSummary } from '../src/gpu/device.ts';
import { isSoftwareAdapter, whyNotExpected } from '../src/gpu/expect-adapter.ts';

const lavapipe: AdapterSummary = { vendor: 'mesa', architecture: 'software', description: 'llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1', isFallbackAdapter: true };
const swiftShader: AdapterSummary = { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' };
const h200: AdapterSummary = { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200', isFallbackAdapter: false };

describe('whyNotExpected', () => {
  it('takes the real GPU by any part of its description or vendor, in any case', () => {
    for (const expected of ['nvidia', 'NVIDIA', 'h200']) expect(whyNotExpected(h200, expected)).toBeUndefined();
  });

  it('refuses a software adapter where a real GPU is expected, however it is recognised', () => {
    expect(whyNotExpected(lavapipe, 'nvidia')).toMatch(/a software adapter, where a real GPU matching "nvidia" was expected/);
    expect(whyNotExpected(swiftShader, 'swift')).toMatch(/a software adapter/); // known by name: no fallback flag needed
    const unnamedFallback = { vendor: 'x', architecture: 'y', description: 'Some GPU', isFallbackAdapter: true };
    expect(whyNotExpected(unnamedFallback, 'some')).toMatch(/a software adapter/);
  });

  it('takes a software adapter only when it is the one named', () => {
    expect(whyNotExpected(lavapipe, 'lavapipe')).toBeUndefined();
    expect(whyNotExpected(swiftShader, 'swiftshader')).toBeUndefined();
    expect(whyNotExpected(lavapipe, 'swiftshader')).toMatch(/not swiftshader\. Pick it with CAKE_ADAPTER=swiftshader/);
    expect(whyNotExpected(h200, 'lavapipe')).toMatch(/not lavapipe/);
  });

  it('refuses a real GPU that is not the one expected, and an empty expectation', () => {
    expect(whyNotExpected(h200, 'amd')).toMatch(/does not match "amd"/);
    expect(whyNotExpected(h200, ' ')).toMatch(/No adapter is expected/);
  });
});

describe('isSoftwareAdapter', () => {
  it('knows lavapipe and SwiftShader, and no real GPU', () => {
    expect([lavapipe, swiftShader, h200].map(isSoftwareAdapter)).toEqual([true, true, false]);
  });
});
