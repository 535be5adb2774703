// The bookkeeping under every search walk: it pays for samples in evaluations (one evaluation = one point at
// full samples), keeps each point's samples, and decides which point leads. A lead is provisional until it is
// confirmed: re-measured with confirmSamples, paid from the same budget. On lavapipe here a median of 5 samples
// can land far from the median of 20 (a leader's samples often fall in two groups, the slower near twice the
// faster), and a point whose 5 samples were lucky, once leading unconfirmed, kept better points out for good:
// the replay's misses, which test/tune-replay.test.ts shows without confirmation.
import { medianOf } from './noise.ts';
import type { Measure, Point, SearchOptions, SearchSpace, Step } from './search-space.ts';

export class BudgetSpent extends Error {}

const pointKey = (point: Point) => point.join(',');

/** The second fastest sample: what a point may be worth if noise slowed most of its samples down. */
function hopeOf(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(1, sorted.length - 1)]!;
}

export class Evaluator {
  private readonly index = new Map<string, number>();
  /** Samples paid for per point (a replay may hand back fewer: it has only what was recorded). */
  private readonly taken = new Map<number, number>();
  private readonly samples = new Map<number, readonly number[]>();
  private readonly hopes = new Map<number, number>();
  private readonly confirmed = new Set<number>();
  /** Median of each point's samples. */
  readonly estimates = new Map<number, number>();
  spent = 0;
  incumbent = -1;
  incumbentMs = Infinity;
  readonly steps: Step[] = [];

  constructor(
    readonly space: SearchSpace,
    private readonly measure: Measure,
    readonly options: SearchOptions,
  ) {
    space.legal.forEach((point, i) => this.index.set(pointKey(point), i));
  }

  private get isConfirming(): boolean {
    return this.options.confirmSamples > this.options.fullSamples;
  }

  indexOf(point: Point): number | undefined {
    return this.index.get(pointKey(point));
  }

  samplesTaken(i: number): number {
    return this.taken.get(i) ?? 0;
  }

  isMeasured(i: number): boolean {
    return this.taken.has(i);
  }

  /** The fastest sample of a measured point: noise only slows a kernel down, so this is what walks compare. */
  fastest(i: number): number {
    return Math.min(...this.samples.get(i)!);
  }

  /** The point's median from `samples` samples (default: a full evaluation); a fully measured point may take the lead. */
  async estimate(i: number, samples = this.options.fullSamples): Promise<number> {
    await this.take(i, samples, false);
    if (this.samplesTaken(i) >= this.options.fullSamples) await this.challenge(i);
    this.record();
    return this.estimates.get(i)!;
  }

  /**
   * The confirmation stage, run by the walks at their checkpoints and at the end: confirms the leader, then every
   * fully measured point whose second fastest sample beats the leader's median, most hopeful first. Each gets
   * confirmSamples (as many as the budget still pays for); the lowest confirmed median leads.
   */
  async confirmLeaders(): Promise<void> {
    if (!this.isConfirming) return;
    for (;;) {
      const next = this.nextToConfirm();
      if (next < 0) return;
      if (!(await this.take(next, this.options.confirmSamples, true))) {
        // out of budget: the lowest median leads, confirmed or not, rather than a confirmed but slower one
        if (this.estimates.get(next)! < this.incumbentMs) [this.incumbent, this.incumbentMs] = [next, this.estimates.get(next)!];
        return this.record();
      }
      this.confirmed.add(next);
      this.lead();
      this.record();
    }
  }

  /** The unconfirmed leader, else the most hopeful unconfirmed point whose hope beats the leader's median; -1 if none. */
  private nextToConfirm(): number {
    if (this.incumbent >= 0 && !this.confirmed.has(this.incumbent)) return this.incumbent;
    let next = -1;
    let nextHope = this.incumbentMs;
    for (const [i, hope] of this.hopes) {
      if (hope < nextHope && !this.confirmed.has(i) && this.samplesTaken(i) >= this.options.fullSamples) [next, nextHope] = [i, hope];
    }
    return next;
  }

  /** Legal points not measured yet, in a random order. */
  unmeasuredShuffled(): number[] {
    return shuffle(this.space.legal.map((_, i) => i).filter((i) => !this.isMeasured(i)), this.options.random);
  }

  /**
   * A fully measured point against the leader. It leads at once if its median beats an unconfirmed leader's, or
   * lies under every sample of a confirmed one (clearly faster); if it only may beat a confirmed leader, the
   * confirmation stage runs now. An unconfirmed leader waits for the walk's next checkpoint.
   */
  private async challenge(i: number): Promise<void> {
    const ms = this.estimates.get(i)!;
    if (!this.isConfirming) {
      if (ms < this.incumbentMs || i === this.incumbent) this.lead();
      return;
    }
    if (i === this.incumbent || this.confirmed.has(i)) return;
    const isLeaderConfirmed = this.confirmed.has(this.incumbent);
    if (ms < (isLeaderConfirmed ? this.fastest(this.incumbent) : this.incumbentMs)) [this.incumbent, this.incumbentMs] = [i, ms];
    else if (isLeaderConfirmed && this.hopes.get(i)! < this.incumbentMs) await this.confirmLeaders();
  }

  /** The lead goes to the lowest median among confirmed points (or, before any, among fully measured ones). */
  private lead(): void {
    const isCandidate = (i: number) => (this.confirmed.size > 0 ? this.confirmed.has(i) : this.samplesTaken(i) >= this.options.fullSamples);
    this.incumbentMs = Infinity;
    for (const [i, ms] of this.estimates) if (isCandidate(i) && ms < this.incumbentMs) [this.incumbent, this.incumbentMs] = [i, ms];
  }

  /** Takes samples of point i up to `samples`, paying for the new ones; with isPartialAllowed, as many as the budget pays for. */
  private async take(i: number, samples: number, isPartialAllowed: boolean): Promise<boolean> {
    const taken = this.samplesTaken(i);
    if (samples <= taken) return true;
    const { budget, fullSamples } = this.options;
    let wanted = samples;
    if (this.spent + (wanted - taken) / fullSamples > budget + 1e-9) {
      if (!isPartialAllowed) throw new BudgetSpent();
      wanted = taken + Math.floor((budget - this.spent) * fullSamples + 1e-9);
      if (wanted <= taken) return false;
    }
    const got = await this.measure(this.space.legal[i]!, wanted);
    this.spent += (wanted - taken) / fullSamples;
    this.taken.set(i, wanted);
    this.samples.set(i, got);
    this.estimates.set(i, medianOf(got));
    this.hopes.set(i, hopeOf(got));
    return true;
  }

  private record(): void {
    this.steps.push({ spent: this.spent, incumbent: this.incumbent, incumbentMs: this.incumbentMs });
  }
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
