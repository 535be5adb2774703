// The browser host: Web Worker friends, machine facts from navigator.
import type { Host } from '../host.ts';
import type { Friend } from '../pool/friend.ts';

function webWorkerFriend(id: number): Friend {
  const worker = new Worker(new URL('./friend.ts', import.meta.url), { type: 'module', name: `friend ${id}` });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    listen(onMessage, onFailure) {
      worker.onmessage = (event) => onMessage(event.data);
      // A worker that throws or fails to load raises 'error'; a browser has no exit event for a dying worker.
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(new Error(event.message || 'the worker failed to load'));
      };
      worker.onmessageerror = () => onFailure(new Error('a message could not be deserialized'));
    },
    async terminate() {
      worker.terminate();
    },
  };
}

/** Browser name and version from the user agent, e.g. 'Chrome 156.0.8078.79'. */
function browserRuntime(): string {
  const match = /(Firefox|Edg|Chrome|Safari)\/([\d.]+)/.exec(navigator.userAgent);
  return match ? `${match[1] === 'Edg' ? 'Edge' : match[1]} ${match[2]}` : navigator.userAgent;
}

/** Why this page cannot use WebGPU, or undefined when an adapter answers. */
async function gpuMissing(): Promise<string | undefined> {
  if (!navigator.gpu) {
    return 'This browser has no WebGPU (navigator.gpu is missing), so the gpu strategies cannot run. Use a recent Chrome or Edge, or enable WebGPU in Firefox or Safari; headless Chromium needs --enable-unsafe-webgpu.';
  }
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  return adapter ? undefined : 'WebGPU is here but offers no adapter (blocked GPU or driver), so the gpu strategies cannot run. Check chrome://gpu, or try another browser.';
}

/** The browser host, with its GPU checked: without an adapter the GPU strategies say why and the rest run. */
export async function webHost(): Promise<Host> {
  const missing = await gpuMissing();
  return {
    runtime: browserRuntime(),
    cpuModel: `${navigator.platform || 'unknown CPU'} (browsers do not name the CPU)`,
    cores: navigator.hardwareConcurrency || 1,
    hasSharedMemory: globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function',
    inviteFriend: webWorkerFriend,
    ...(missing ? { gpuMissing: missing } : { gpu: navigator.gpu }),
  };
}
