// A scene's measurement: one registered strategy eats a small fresh cake, verified (src/measure/take.ts).
import { bake } from '../../cake.ts';
import type { Eat } from '../../eat.ts';
import type { Host } from '../../host.ts';
import { takeOf, type Take } from '../../measure/take.ts';
import { findStrategy } from '../../strategies/index.ts';

/** Friends at the story's table: few enough that each one's plate and track can be seen. */
export const storyFriends = (host: Host) => Math.max(1, Math.min(host.cores, 4));

export async function take(host: Host, eat: Eat, name: string, n: number, rounds: number, { poolSize = storyFriends(host), isShared = false } = {}): Promise<Take> {
  const entry = findStrategy(name);
  if (!entry) throw new Error(`story: strategy "${name}" is not in the registry (src/strategies/index.ts).`);
  const why = entry.unavailable?.(host, eat);
  if (why) throw new Error(`story: ${name} cannot run here: ${why}`);
  return takeOf(entry, host, bake(n, { eat, isShared }), { eat, rounds, poolSize });
}

/** Why a scene needing shared memory cannot run here. */
export const sharedMissing = (host: Host) =>
  host.hasSharedMemory ? undefined : 'This page is not cross-origin isolated, so there is no SharedArrayBuffer and no shared cake to show. Serve it with the COOP/COEP headers of vite.config.ts (npm run dev or npm run preview).';

/** Why a GPU scene cannot run here. */
export const gpuMissing = (host: Host) => (host.gpu ? undefined : `No GPU scene on this page: ${host.gpuMissing ?? 'this browser has no WebGPU.'}`);
