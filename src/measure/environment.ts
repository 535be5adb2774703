// What every report says about where it ran.
import type { Host } from '../host.ts';
import { memoryMeasure } from './memory.ts';
import type { Environment } from '../record/record.ts';

const clockProbes = 10_000; // enough steps to see the clock's real granularity

/** The smallest nonzero step of performance.now(), in ms (about 1e-4 in Node, 0.1 in a browser). */
export function hostClockResolutionMs(): number {
  let smallestMs = Infinity;
  let lastMs = performance.now();
  for (let probe = 0; probe < clockProbes; probe++) {
    const nowMs = performance.now();
    if (nowMs > lastMs) smallestMs = Math.min(smallestMs, nowMs - lastMs);
    lastMs = nowMs;
  }
  return smallestMs;
}

export function describeEnvironment(host: Host): Environment {
  return {
    runtime: host.runtime,
    cpus: host.cpuModel,
    cores: host.cores,
    hostClock: { name: 'performance.now', resolutionMs: hostClockResolutionMs() },
    ...(host.readMemory ? { memoryMeasure } : {}),
  };
}
