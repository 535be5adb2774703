// What a scene of the story is: one claim of the deck, in plain words, with one control that matters for it and
// a shot: its live, verified measurement in one sentence and the film the player replays from what was recorded.
import type { Eat } from '../../eat.ts';
import type { Host } from '../../host.ts';

/** One recorded interval of the film: on `track` (a friend, the GPU, the calling thread), `phase` from..to ms. */
export interface Bar {
  track: string;
  phase: string;
  fromMs: number;
  toMs: number;
  /** The slices this interval eats (or brings back), and where the picture shows them being eaten. */
  eats?: { from: number; to: number; eater: number; on: 'cake' | 'plate' | 'reassembled' };
  /** GPU kernels: the slices are eaten in the order of the turns their workgroups recorded. */
  isByTurns?: boolean;
}

/** What the player replays: every interval measured, on one clock starting at 0. */
export interface Film {
  n: number;
  bars: Bar[];
  /** The whole measured span the film covers, ms. */
  measuredMs: number;
  /** Per slice, the GPU turn in which its workgroup began. */
  turns?: Uint32Array;
  /** How many copies of the cake the eating made, when the picture is of copies rather than eating. */
  copies?: { label: string; count: number }[];
  /** What the film is, in a few words: 'the median of 3 eatings of 4,096 slices'. */
  note: string;
}

export interface Shot {
  /** The measurement in one sentence, with its number. */
  sentence: string;
  /** The number the sentence is about, as measured (ms unless `unit` says otherwise). */
  number: number;
  unit: string;
  /** What was checked for the number to count. */
  verified: string;
  film: Film;
}

export interface SceneControl {
  label: string;
  /** [value, words] pairs; the first is chosen at first. */
  choices: [string, string][];
}

export interface Scene {
  id: string;
  /** The deck's words. */
  claim: string;
  /** What happens, in plain words. */
  words: string;
  control: SceneControl;
  /** Why this scene cannot be measured here (no WebGPU, no shared memory), or undefined. */
  missing?(host: Host): string | undefined;
  /** Why this scene is not here yet (its strategy or eat function has not landed), or undefined. */
  coming?(): string | undefined;
  shoot(host: Host, eat: Eat, choice: string): Promise<Shot>;
}
