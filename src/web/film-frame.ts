// One frame of a film: which slices are eaten, and by whom, at a measured time. Each bar eats its slices in
// proportion to how much of its own recorded interval has passed; a GPU kernel eats them in the order of the turns
// its workgroups recorded.
import { eaterColour, turnColour } from './cake-view.ts';
import type { Film } from './scenes/scene.ts';

export interface Frame {
  /** The caller's cake: eaten in place, or untouched where friends ate copies. */
  cake: (string | undefined)[];
  /** Friend id -> the slices on its plate (its chunks, in order), coloured once eaten. */
  plates: Map<number, (string | undefined)[]>;
  /** The new cake the eaten copies are reassembled into, where there is one. */
  reassembled?: (string | undefined)[];
}

export function frameAt(film: Film, atMs: number): Frame {
  const frame: Frame = { cake: new Array(film.n), plates: new Map() };
  const lastTurn = film.turns ? Math.max(1, film.turns.reduce((most, turn) => Math.max(most, turn), 0)) : 1;
  for (const bar of film.bars) {
    const { eats } = bar;
    if (!eats) continue;
    const share = bar.toMs <= bar.fromMs ? (atMs >= bar.fromMs ? 1 : 0) : Math.min(1, Math.max(0, (atMs - bar.fromMs) / (bar.toMs - bar.fromMs)));
    const count = eats.to - eats.from;
    let target = frame.cake;
    let offset = eats.from;
    if (eats.on === 'plate') {
      const plate = frame.plates.get(eats.eater) ?? [];
      frame.plates.set(eats.eater, plate);
      offset = plate.length;
      plate.length += count;
      target = plate;
    } else if (eats.on === 'reassembled') {
      target = frame.reassembled ??= new Array(film.n);
    }
    if (bar.isByTurns && film.turns) {
      const turnsDone = share * (lastTurn + 1);
      for (let slice = eats.from; slice < eats.to; slice++) {
        const turn = film.turns[slice]!;
        if (turn < turnsDone) target[slice - eats.from + offset] = turnColour(turn / lastTurn);
      }
    } else {
      const eaten = Math.round(share * count);
      for (let i = 0; i < eaten; i++) target[offset + i] = eaterColour(eats.eater);
    }
  }
  return frame;
}
