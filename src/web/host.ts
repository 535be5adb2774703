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

export function webHost(): Host {
  return {
    runtime: browserRuntime(),
    cpuModel: `${navigator.platform || 'unknown CPU'} (browsers do not name the CPU)`,
    cores: navigator.hardwareConcurrency || 1,
    hasSharedMemory: globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function',
    inviteFriend: webWorkerFriend,
  };
}
