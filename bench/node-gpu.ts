// WebGPU in Node through Dawn (the "webgpu" package), on whatever Vulkan driver the machine has.
import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import type { Host } from '../src/host.ts';
import { noAdapterMessage, summarize, type AdapterSummary } from '../src/gpu/device.ts';

Object.assign(globalThis, globals); // GPUBufferUsage, GPUMapMode, ... as in a browser

/** Chromium's SwiftShader Vulkan driver (Debian's chromium package ships it). */
export const swiftShaderIcd = '/usr/lib/chromium/vk_swiftshader_icd.json';
/** Dawn's adapter= toggle matches the adapter's name; these are the friendly names people type. */
const dawnNames: Record<string, string> = { lavapipe: 'llvmpipe', llvmpipe: 'llvmpipe', swiftshader: 'SwiftShader' };
// Dawn converts timestamps to nanoseconds and, unless told not to, zeroes their low 16 bits (a mask of 0xFFFF0000
// on every adapter, so kernel times come in 65.536 us steps); browsers keep it on against timing attacks.
const toggles = ['disable-dawn-features=timestamp_quantization'];

/**
 * Every Dawn instance ever created, kept reachable for the process's life: once one was garbage-collected while
 * a device lived, Dawn crashed in its callback flush.
 */
const instances: GPU[] = [];

/** A Dawn instance that picks `adapter` (a friendly name or part of the adapter's name), or Dawn's default. */
export function dawnGpu(adapter?: string): GPU {
  const dawnName = adapter ? (dawnNames[adapter.toLowerCase()] ?? adapter) : undefined;
  if (dawnName === 'SwiftShader' && existsSync(swiftShaderIcd)) {
    // The Vulkan loader reads this when Dawn creates its instance: SwiftShader joins the system's drivers.
    const added = process.env.VK_ADD_DRIVER_FILES?.split(':') ?? [];
    if (!added.includes(swiftShaderIcd)) process.env.VK_ADD_DRIVER_FILES = [...added, swiftShaderIcd].join(':');
  }
  const gpu = create(dawnName ? [...toggles, `adapter=${dawnName}`] : toggles);
  instances.push(gpu);
  return gpu;
}

/** Dawn throws ("no suitable backends found") where a browser returns null: both mean there is no such adapter. */
async function requestAdapter(gpu: GPU | undefined, options?: GPURequestAdapterOptions): Promise<GPUAdapter | null> {
  try {
    return (await gpu?.requestAdapter(options)) ?? null;
  } catch {
    return null;
  }
}

/** The host with its GPU checked: without an adapter the GPU strategies say why and the rest still run. */
export async function checkGpu(host: Host, adapter?: string): Promise<Host> {
  const found = await requestAdapter(host.gpu, { powerPreference: 'high-performance' });
  if (found) return host;
  if (!adapter) return { ...host, gpu: undefined, gpuMissing: noAdapterMessage };
  const names = (await listAdapters()).map((found) => found.name);
  const missing = names.length > 0 ? `No WebGPU adapter named "${adapter}"; this machine has ${names.join(' and ')}. Example: --adapter ${names[0]}` : `No WebGPU adapter named "${adapter}". ${noAdapterMessage}`;
  return { ...host, gpu: undefined, gpuMissing: missing };
}

export interface ListedAdapter extends AdapterSummary {
  /** What to pass to --adapter. */
  name: string;
  /** Dawn picks this one when --adapter is not given. */
  isDefault: boolean;
  features: string[];
  limits: Record<string, number>;
}

const listedLimits = ['maxBufferSize', 'maxStorageBufferBindingSize', 'maxComputeWorkgroupsPerDimension', 'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX'] as const;

/** The adapters this machine offers: lavapipe and SwiftShader where present, and Dawn's default (deduplicated). */
export async function listAdapters(): Promise<ListedAdapter[]> {
  const listed: ListedAdapter[] = [];
  const fallback = await requestAdapter(dawnGpu());
  const defaultDescription = fallback ? summarize(fallback).description : undefined;
  for (const name of ['lavapipe', 'swiftshader', 'default']) {
    const adapter = name === 'default' ? fallback : await requestAdapter(dawnGpu(name));
    if (!adapter) continue;
    const summary = summarize(adapter);
    if (listed.some((other) => other.description === summary.description)) continue;
    const limits = Object.fromEntries(listedLimits.map((limit) => [limit, adapter.limits[limit]]));
    listed.push({ name, isDefault: summary.description === defaultDescription, ...summary, features: [...adapter.features].sort(), limits });
  }
  return listed;
}
