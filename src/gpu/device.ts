// Adapter and device, in a browser or in Node: features, limits, and every failure path (no adapter, a lost
// device, uncaught validation errors, shaders that do not compile) as an Error that says what to do.
import { codeOf, whereIs, type KernelSource } from './shaders.ts';

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  /** The adapter says it is a fallback: a software one (lavapipe and SwiftShader do), not the machine's GPU. */
  isFallbackAdapter?: boolean;
}

/** The limits the eat kernel cares about; requested at the adapter's maximum. */
const largerLimits = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupsPerDimension',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
] as const;

export interface Gpu {
  adapter: GPUAdapter;
  device: GPUDevice;
  hasTimestamps: boolean;
  adapterSummary: AdapterSummary;
  /** Throws the first uncaptured error or the device loss seen since the last check. */
  check(): void;
  destroy(): void;
}

export const noAdapterMessage =
  'No WebGPU adapter. In a browser, use one with WebGPU enabled; in Node, install the "webgpu" package and a ' +
  'Vulkan, Metal or D3D12 driver (on Debian: bash scripts/setup-system.sh installs Mesa\'s lavapipe).';

function assertAdapter(adapter: GPUAdapter | null): asserts adapter is GPUAdapter {
  if (!adapter) throw new Error(noAdapterMessage);
}

export function summarize(adapter: GPUAdapter): AdapterSummary {
  const { vendor, architecture, description, device, isFallbackAdapter } = adapter.info;
  const named = description || device || [vendor, architecture].filter(Boolean).join(' '); // browsers often leave description empty
  const fallback = typeof isFallbackAdapter === 'boolean' ? { isFallbackAdapter } : {}; // older browsers lack it
  return { vendor, architecture, description: named || 'unknown adapter', ...fallback };
}

/**
 * Requests an adapter and a device with timestamp-query when the adapter has it. `limits: 'adapter'` asks for
 * the adapter's larger buffer and workgroup limits; 'default' keeps WebGPU's defaults (128 MiB bindings), which
 * tests use to exercise cakes split over several bindings.
 */
export async function openGpu(gpu: GPU, { limits = 'adapter' }: { limits?: 'adapter' | 'default' } = {}): Promise<Gpu> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  assertAdapter(adapter);
  const hasTimestamps = adapter.features.has('timestamp-query');
  const requiredLimits: Record<string, number> = {};
  if (limits === 'adapter') for (const name of largerLimits) requiredLimits[name] = adapter.limits[name];
  const device = await adapter.requestDevice({
    requiredFeatures: hasTimestamps ? ['timestamp-query'] : [],
    requiredLimits,
  });
  let failure: Error | undefined;
  device.lost.then((info) => {
    if (info.reason !== 'destroyed') failure ??= new Error(`The GPU device was lost (${info.reason}): ${info.message}. Run again; if it repeats, use a smaller cake or another --adapter.`);
  });
  device.onuncapturederror = (event) => {
    failure ??= new Error(`GPU error: ${event.error.message}`);
  };
  return {
    adapter,
    device,
    hasTimestamps,
    adapterSummary: summarize(adapter),
    check() {
      if (failure) throw failure;
    },
    destroy: () => device.destroy(),
  };
}

/**
 * Compiles a kernel; a WGSL error becomes one Error listing file:line:column and each message, at the line of the
 * file the reader wrote (a frame, an eat function's .wgsl, or the string in a user's module).
 */
export async function compile(device: GPUDevice, kernel: KernelSource): Promise<GPUShaderModule> {
  device.pushErrorScope('validation'); // the messages below say more than the scope's error would
  const module = device.createShaderModule({ code: codeOf(kernel), label: kernel.file });
  const info = await module.getCompilationInfo();
  const scoped = await device.popErrorScope();
  const errors = info.messages.filter((message) => message.type === 'error');
  if (scoped && errors.length === 0) throw new Error(`${kernel.file} does not compile: ${scoped.message}`);
  if (errors.length > 0) {
    const lines = errors.map((m) => {
      const where = whereIs(kernel, m.lineNum);
      return `${where.file}:${where.line}:${m.linePos}: ${m.message}`;
    });
    throw new Error(`${kernel.file} does not compile:\n${lines.join('\n')}`);
  }
  return module;
}

/** Creates a compute pipeline, turning a validation failure (say, an illegal workgroup size) into an Error. */
export async function createPipeline(
  device: GPUDevice,
  module: GPUShaderModule,
  entryPoint: string,
  constants: Record<string, number> = {},
): Promise<GPUComputePipeline> {
  const workgroupSize = constants.workgroupSize;
  if (workgroupSize !== undefined) checkWorkgroupSize(device, workgroupSize);
  device.pushErrorScope('validation');
  const pipeline = await device
    .createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint, constants } })
    .catch((error: Error) => error);
  const scoped = await device.popErrorScope();
  if (pipeline instanceof Error) throw new Error(`Cannot create the ${entryPoint} pipeline: ${pipeline.message}`);
  if (scoped) throw new Error(`Cannot create the ${entryPoint} pipeline: ${scoped.message}`);
  return pipeline;
}

export function checkWorkgroupSize(device: GPUDevice, workgroupSize: number): void {
  const { maxComputeInvocationsPerWorkgroup: maxInvocations, maxComputeWorkgroupSizeX: maxX } = device.limits;
  if (!Number.isInteger(workgroupSize) || workgroupSize < 1) throw new RangeError(`workgroupSize ${workgroupSize} must be an integer >= 1.`);
  if (workgroupSize > maxInvocations) throw new RangeError(`workgroupSize ${workgroupSize} exceeds this adapter's maxComputeInvocationsPerWorkgroup (${maxInvocations}).`);
  if (workgroupSize > maxX) throw new RangeError(`workgroupSize ${workgroupSize} exceeds this adapter's maxComputeWorkgroupSizeX (${maxX}).`);
}
