/** A window of recent message ages for p50/p99: a ring of the last N ages, sorted only when someone asks. */
const AGE_WINDOW = 4096;
/** Frames per second over the last few whole seconds. */
const RATE_SECONDS = 5;

export interface FeedHealthSnapshot {
  readonly connected: boolean;
  readonly subscriptions: number;
  readonly trackedMarkets: number;
  readonly staleBooks: number;
  readonly framesReceived: number;
  readonly framesPerSecond: number;
  readonly messageAgeP50Ms: number | null;
  readonly messageAgeP99Ms: number | null;
  readonly snapshots: number;
  readonly deltas: number;
  readonly gaps: number;
  readonly resyncs: number;
  readonly resubscribes: number;
  readonly reconnects: number;
  readonly malformedFrames: number;
  readonly unknownTypes: number;
  readonly unknownMarketDeltas: number;
  readonly belowZeroDeltas: number;
  readonly offGridDeltas: number;
  readonly subscriptionErrors: number;
  readonly lastFrameAtMs: number | null;
}

/**
 * Counters of the live feed. Plain number fields that the hot path bumps directly; rates and percentiles are
 * computed only when read (status queries, Prometheus scrapes).
 */
export class FeedHealth {
  connected = false;
  subscriptions = 0;
  framesReceived = 0;
  snapshots = 0;
  deltas = 0;
  gaps = 0;
  resyncs = 0;
  resubscribes = 0;
  reconnects = 0;
  malformedFrames = 0;
  unknownTypes = 0;
  unknownMarketDeltas = 0;
  belowZeroDeltas = 0;
  offGridDeltas = 0;
  subscriptionErrors = 0;
  lastFrameAtMs = 0;

  private readonly ages = new Float64Array(AGE_WINDOW);
  private ageCount = 0;
  private ageNext = 0;
  private readonly secondCounts = new Float64Array(RATE_SECONDS + 1);
  private currentSecond = 0;

  /** Every frame, first thing on the hot path. */
  frame(receivedAtMs: number): void {
    this.framesReceived++;
    this.lastFrameAtMs = receivedAtMs;
    const second = Math.floor(receivedAtMs / 1000);
    if (second !== this.currentSecond) this.rotate(second);
    this.secondCounts[second % (RATE_SECONDS + 1)]++;
  }

  /** Exchange time to receipt, from frames that carry `ts_ms`. */
  age(ageMs: number): void {
    this.ages[this.ageNext] = ageMs;
    this.ageNext = (this.ageNext + 1) % AGE_WINDOW;
    if (this.ageCount < AGE_WINDOW) this.ageCount++;
  }

  framesPerSecond(nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.currentSecond) this.rotate(second);
    let total = 0;
    for (let s = 1; s <= RATE_SECONDS; s++)
      total += this.secondCounts[(second - s) % (RATE_SECONDS + 1)];
    return Math.round(total / RATE_SECONDS);
  }

  /** Nearest-rank percentile of the recent ages, or null before any. */
  agePercentile(fraction: number): number | null {
    if (this.ageCount === 0) return null;
    const sorted = Float64Array.from(this.ages.subarray(0, this.ageCount)).sort();
    return sorted[
      Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
    ];
  }

  snapshot(
    nowMs: number,
    books: { trackedMarkets: number; staleBooks: number },
  ): FeedHealthSnapshot {
    return {
      connected: this.connected,
      subscriptions: this.subscriptions,
      trackedMarkets: books.trackedMarkets,
      staleBooks: books.staleBooks,
      framesReceived: this.framesReceived,
      framesPerSecond: this.framesPerSecond(nowMs),
      messageAgeP50Ms: this.agePercentile(0.5),
      messageAgeP99Ms: this.agePercentile(0.99),
      snapshots: this.snapshots,
      deltas: this.deltas,
      gaps: this.gaps,
      resyncs: this.resyncs,
      resubscribes: this.resubscribes,
      reconnects: this.reconnects,
      malformedFrames: this.malformedFrames,
      unknownTypes: this.unknownTypes,
      unknownMarketDeltas: this.unknownMarketDeltas,
      belowZeroDeltas: this.belowZeroDeltas,
      offGridDeltas: this.offGridDeltas,
      subscriptionErrors: this.subscriptionErrors,
      lastFrameAtMs: this.lastFrameAtMs || null,
    };
  }

  /** Clears the seconds between the last frame and now (those had no frames). */
  private rotate(second: number): void {
    const gap =
      second > this.currentSecond
        ? Math.min(second - this.currentSecond, RATE_SECONDS + 1)
        : RATE_SECONDS + 1;
    for (let s = 1; s <= gap; s++)
      this.secondCounts[(this.currentSecond + s) % (RATE_SECONDS + 1)] = 0;
    this.currentSecond = second;
  }
}
