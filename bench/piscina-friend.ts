// The task piscina's threads run: eat a cloned chunk in place and return it with its eating span.
import { eatSlices } from '../src/eat.ts';
import { loadEat } from '../src/eats/load.ts';
import { epochMs } from '../src/pool/friend.ts';
import type { PiscinaEaten, PiscinaTask } from '../src/strategies/piscina.ts';

export default async function eatChunk({ eat: source, slices, rounds }: PiscinaTask): Promise<PiscinaEaten> {
  const eat = await loadEat(source); // loaded once per thread, then kept
  const eatStartMs = epochMs();
  eatSlices(eat, slices, slices, rounds);
  return { slices, eatStartMs, eatEndMs: epochMs() };
}
