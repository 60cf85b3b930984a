import type { Prng } from '../common/prng';
import type { EventKind } from '../catalog/sim-catalog';

/**
 * The hidden "true" probabilities of one event's markets, drifting over time. Ladders: P(value > strike)
 * under a logistic distribution, so fair values fall as the strike rises. Brackets: the same distribution
 * cut at the bracket bounds, so fair values sum to 1. Candidates: a softmax of drifting scores scaled to
 * less than 1 (the "other" outcome is not listed).
 */
export class FairValueModel {
  /** Fair YES value per market (same order as the event's markets), in [0, 1]. */
  readonly fair: Float64Array;
  private center: number;
  private readonly scores: Float64Array;

  constructor(
    readonly kind: EventKind,
    /** Ladder strikes, or bracket bounds (n - 1 for n markets). */
    private readonly cuts: readonly number[],
    private readonly scale: number,
    center: number,
    marketCount: number,
    prng: Prng,
    private readonly listedShare = 0.9,
  ) {
    this.center = center;
    this.fair = new Float64Array(marketCount);
    this.scores = new Float64Array(marketCount);
    for (let i = 0; i < marketCount; i++) this.scores[i] = prng.gaussian();
    this.recompute();
  }

  /** One random-walk step of the underlying (a fraction of the distribution's scale). */
  drift(prng: Prng, intensity = 0.08): void {
    if (this.kind === 'candidates') {
      for (let i = 0; i < this.scores.length; i++)
        this.scores[i] += prng.gaussian() * intensity * 2;
    } else {
      this.center += prng.gaussian() * this.scale * intensity;
    }
    this.recompute();
  }

  private recompute(): void {
    const n = this.fair.length;
    if (this.kind === 'ladder') {
      for (let i = 0; i < n; i++) this.fair[i] = 1 - this.cdf(this.cuts[i]);
    } else if (this.kind === 'brackets') {
      let previous = 0;
      for (let i = 0; i < n - 1; i++) {
        const at = this.cdf(this.cuts[i]);
        this.fair[i] = at - previous;
        previous = at;
      }
      this.fair[n - 1] = 1 - previous;
    } else {
      let total = 0;
      for (let i = 0; i < n; i++) total += Math.exp(this.scores[i]);
      for (let i = 0; i < n; i++)
        this.fair[i] = (this.listedShare * Math.exp(this.scores[i])) / total;
    }
  }

  private cdf(x: number): number {
    return 1 / (1 + Math.exp(-(x - this.center) / this.scale));
  }
}
