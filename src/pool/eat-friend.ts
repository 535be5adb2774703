// The friend side of every pool: answers one message. Each host's worker entry calls answer().
import { eat, eatSlices } from '../eat.ts';
import { eatCakeSlices, instantiateShared, kernelBytes, type EatKernel } from '../simd/kernel.ts';
import { epochMs, type FromFriend, type ToFriend } from './friend.ts';

export type Reply = (reply: FromFriend, transfer?: Transferable[]) => void;

/** Answers one message from the pool; an exception becomes a 'failed' reply naming what was being eaten. */
export function answer(message: ToFriend, reply: Reply): void {
  try {
    answerOrThrow(message, reply);
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

function answerOrThrow(message: ToFriend, reply: Reply): void {
  switch (message.kind) {
    case 'hello':
      reply({ kind: 'ready' });
      return;
    case 'eat-chunk': {
      const { slices, rounds, chunk } = message;
      const eatStartMs = epochMs();
      eatSlices(slices, slices, rounds); // the friend's own copy: eaten in place
      const eatEndMs = epochMs();
      const eaten: FromFriend = { kind: 'chunk-eaten', chunk, slices, eatStartMs, eatEndMs };
      reply(eaten, message.giveBack === 'transfer' ? [slices.buffer as ArrayBuffer] : []);
      return;
    }
    case 'eat-shared': {
      const { cake, from, to, rounds, chunk } = message;
      const eatStartMs = epochMs();
      eatSlices(cake, cake, rounds, from, to);
      reply({ kind: 'chunk-eaten', chunk, eatStartMs, eatEndMs: epochMs() });
      return;
    }
    case 'eat-shared-simd': {
      const { memory, memoryId, from, to, rounds, chunk } = message;
      const kernel = simdKernelFor(memory, memoryId);
      const eatStartMs = epochMs();
      eatCakeSlices(kernel, from, to, rounds);
      reply({ kind: 'chunk-eaten', chunk, eatStartMs, eatEndMs: epochMs() });
      return;
    }
    case 'eat-slice': {
      const startMs = performance.now();
      const eaten = eat(message.slice, message.rounds);
      reply({ kind: 'slice-eaten', index: message.index, eaten, eatMs: performance.now() - startMs });
      return;
    }
  }
}

let simdModule: WebAssembly.Module | undefined;
let simdKernel: { memoryId: number; kernel: EatKernel } | undefined;

/** The SIMD kernel over `memory`, compiled once per friend and instantiated once per memory. */
function simdKernelFor(memory: WebAssembly.Memory, memoryId: number): EatKernel {
  if (simdKernel?.memoryId !== memoryId) {
    simdModule ??= new WebAssembly.Module(kernelBytes('shared') as BufferSource);
    simdKernel = { memoryId, kernel: instantiateShared(simdModule, memory) };
  }
  return simdKernel.kernel;
}
