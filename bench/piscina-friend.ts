// The task piscina's threads run: eat a cloned chunk in place and return it with its eating span.
import { eatSlices } from '../src/eat.ts';
import { epochMs } from '../src/pool/friend.ts';
import type { PiscinaEaten, PiscinaTask } from '../src/strategies/piscina.ts';

export default function eatChunk({ slices, rounds }: PiscinaTask): PiscinaEaten {
  const eatStartMs = epochMs();
  eatSlices(slices, slices, rounds);
  return { slices, eatStartMs, eatEndMs: epochMs() };
}
