// Fixture page: eats one cake with simd and pool-simd in this browser, verified against the CPU twin, and
// leaves the outcome in window.__result for test/simd-browser.test.ts.
import { expectedEaten, verifyEaten } from '../../src/bench/verify.ts';
import { bake, checksum, hex } from '../../src/cake.ts';
import type { Host } from '../../src/host.ts';
import type { Friend } from '../../src/pool/friend.ts';
import { poolSimd } from '../../src/strategies/pool-simd.ts';
import { simd } from '../../src/strategies/simd.ts';

const slices = 65539; // a tail of 3 after whole 20-slice steps
const rounds = 64;

function inviteFriend(): Friend {
  const worker = new Worker(new URL('./friend.ts', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    listen(onMessage, onFailure) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => onFailure(new Error(event.message));
    },
    async terminate() {
      worker.terminate();
    },
  };
}

const host: Host = { runtime: navigator.userAgent, cpuModel: 'unknown', cores: 2, inviteFriend, hasSharedMemory: self.crossOriginIsolated };
const result: Record<string, unknown> = { crossOriginIsolated: self.crossOriginIsolated };
for (const entry of [simd, poolSimd]) {
  const why = entry.unavailable?.(host);
  if (why) {
    result[entry.name] = { unavailable: why };
    continue;
  }
  const cake = bake(slices);
  const expected = expectedEaten(cake, rounds);
  const strategy = entry.create(host);
  try {
    await strategy.prepare(cake, { rounds, poolSize: host.cores });
    const phases = await strategy.eat();
    verifyEaten(entry.name, strategy.eaten(), expected, rounds);
    result[entry.name] = { checksum: hex(checksum(strategy.eaten())), expected: hex(checksum(expected)), phases: Object.keys(phases) };
  } catch (error) {
    result[entry.name] = { error: String(error) };
  } finally {
    await strategy.dispose();
  }
}
(window as unknown as { __result: unknown }).__result = result;
document.body.dataset.done = '1';
