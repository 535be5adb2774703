// The friend side of every pool: answers one message. Each host's worker entry calls answer().
import { eatSlices, type Eat } from '../eat.ts';
import { loadEat } from '../eats/load.ts';
import { eatCakeSlices, instantiateShared, type EatKernel } from '../simd/kernel.ts';
import { epochMs, type FromFriend, type ToFriend } from './friend.ts';
import { eatTicket } from './take-chunks.ts';

export type Reply = (reply: FromFriend, transfer?: Transferable[]) => void;

/** The eat function the last hello named: every eating message means it. */
let eating: Eat | undefined;

/** Answers one message from the pool; an exception becomes a 'failed' reply naming what was being eaten. */
export function answer(message: ToFriend, reply: Reply): void {
  try {
    answerOrThrow(message, reply);
  } catch (error) {
    fail(error, reply);
  }
}

function fail(error: unknown, reply: Reply): void {
  reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

function eatFunction(): Eat {
  if (!eating) throw new Error('no eat function yet: the pool sends a hello naming it first');
  return eating;
}

function answerOrThrow(message: ToFriend, reply: Reply): void {
  switch (message.kind) {
    case 'hello':
      loadEat(message.eat).then((eat) => {
        eating = eat;
        reply({ kind: 'ready' });
      }, (error) => fail(error, reply));
      return;
    case 'eat-chunk': {
      const { slices, rounds, chunk } = message;
      const eat = eatFunction();
      const eatStartMs = epochMs();
      eatSlices(eat, slices, slices, rounds); // the friend's own copy: eaten in place
      const eatEndMs = epochMs();
      const eaten: FromFriend = { kind: 'chunk-eaten', chunk, slices, eatStartMs, eatEndMs };
      reply(eaten, message.giveBack === 'transfer' ? [slices.buffer as ArrayBuffer] : []);
      return;
    }
    case 'eat-shared': {
      const { cake, ticket, rounds } = message;
      const eat = eatFunction();
      const eatStartMs = epochMs();
      const chunks = eatTicket(ticket, (from, to) => eatSlices(eat, cake, cake, rounds, from, to));
      reply({ kind: 'deal-eaten', friend: ticket.friend, chunks, eatStartMs, eatEndMs: epochMs() });
      return;
    }
    case 'eat-shared-simd': {
      const { memory, memoryId, ticket, rounds } = message;
      const kernel = simdKernelFor(eatFunction(), memory, memoryId);
      const eatStartMs = epochMs();
      const chunks = eatTicket(ticket, (from, to) => eatCakeSlices(kernel, from, to, rounds));
      reply({ kind: 'deal-eaten', friend: ticket.friend, chunks, eatStartMs, eatEndMs: epochMs() });
      return;
    }
    case 'eat-slice': {
      const eat = eatFunction();
      const startMs = performance.now();
      const eaten = eat.cpu(message.slice, message.rounds);
      reply({ kind: 'slice-eaten', index: message.index, eaten, eatMs: performance.now() - startMs });
      return;
    }
  }
}

let simdKernel: { eat: Eat; memoryId: number; kernel: EatKernel } | undefined;

/** The eat function's SIMD kernel over `memory`, instantiated once per eat function and memory. */
function simdKernelFor(eat: Eat, memory: WebAssembly.Memory, memoryId: number): EatKernel {
  if (simdKernel?.memoryId !== memoryId || simdKernel.eat !== eat) {
    if (!eat.simd) throw new Error(`the eat function '${eat.name}' has no WebAssembly SIMD twin`);
    const module = new WebAssembly.Module(eat.simd.bytes('shared') as BufferSource);
    simdKernel = { eat, memoryId, kernel: instantiateShared(module, memory) };
  }
  return simdKernel.kernel;
}
