// The Node host: worker_threads friends, machine facts from node:os.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Host } from '../src/host.ts';
import type { Friend } from '../src/pool/friend.ts';
import { builtScript } from './built-script.ts';
import { dawnGpu } from './node-gpu.ts';
import { nodeTuneCache } from './node-tune-cache.ts';

function workerFriend(script: string, id: number): Friend {
  const worker = new Worker(script, { name: `friend ${id}` });
  let isTerminating = false;
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    listen(onMessage, onFailure) {
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', (code) => {
        if (!isTerminating) onFailure(new Error(`its worker exited with code ${code}`));
      });
    },
    async terminate() {
      isTerminating = true;
      await worker.terminate();
    },
  };
}

export interface NodeHostOptions {
  /** The worker script each friend runs; tests swap in a failing one. */
  friendScript?: string;
  /** --adapter: lavapipe, swiftshader, or part of an adapter's name; Dawn's default when absent. */
  adapter?: string;
}

/** The Node host. Its GPU is not checked yet: checkGpu() (bench/node-gpu.ts) asks for an adapter. */
export function nodeHost({ friendScript, adapter }: NodeHostOptions = {}): Host {
  const script = friendScript ?? builtScript('friend.js');
  return {
    runtime: `node ${process.versions.node}`,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    hasSharedMemory: true,
    piscinaFriend: builtScript('piscina-friend.js'),
    gpu: dawnGpu(adapter),
    timestampQuantization: "off: Dawn's timestamp_quantization feature disabled (it would zero the low 16 bits of every nanosecond reading: 65.536 us steps on any adapter)",
    tuneCache: nodeTuneCache(),
    inviteFriend: (id) => workerFriend(script, id),
    readMemory: () => {
      const usage = process.memoryUsage();
      return { rssBytes: usage.rss, arrayBufferBytes: usage.arrayBuffers };
    },
  };
}
