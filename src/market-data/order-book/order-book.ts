import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { PriceGrid } from '../../kalshi/price-grid';
import { BidLadder } from './bid-ladder';

export type BookSide = 'yes' | 'no';

/** What applying a delta did; anything but APPLIED is counted by the feed, and the book is left consistent. */
export const enum DeltaOutcome {
  APPLIED = 0,
  /** The price is not on the market's grid: nothing changed. */
  OFF_GRID = 1,
  /** A negative delta took a level below zero: the level was removed, and the book can no longer be trusted. */
  BELOW_ZERO = 2,
}

export type StaleReason =
  | 'NO_SNAPSHOT'
  | 'SEQ_GAP'
  | 'DISCONNECTED'
  | 'BOOK_INCONSISTENT'
  | 'MARKET_NOT_ACTIVE'
  | 'SUBSCRIPTION_ERROR';

/**
 * Both bid ladders of one binary market, indexed by YES price level (PROTOCOL.md §4.1: books are bids only).
 * A YES bid at p sits at level(p); a NO bid at q is a YES ask at 1 - q and sits at level(1 - q).
 * So the best YES bid is the highest YES level and the best YES ask is the lowest NO level.
 */
export class OrderBook {
  readonly yesBids: BidLadder;
  /** NO bids, indexed by the YES price they imply (1 - NO price). */
  readonly noBids: BidLadder;
  stale = true;
  staleReason: StaleReason | null = 'NO_SNAPSHOT';
  /** Local receive time of the last change, ms since epoch. */
  updatedAtMs = 0;
  /** Exchange time of the last change (`ts_ms`), when the feed gave one. */
  exchangeTsMs = 0;
  /** Bumped on every change: lets readers skip work when nothing moved. */
  version = 0;

  constructor(
    readonly ticker: string,
    readonly grid: PriceGrid,
  ) {
    this.yesBids = new BidLadder(grid.levelCount);
    this.noBids = new BidLadder(grid.levelCount);
  }

  /** Starts a snapshot: both ladders empty; follow with setLevel calls and then finishSnapshot. */
  beginSnapshot(): void {
    this.yesBids.clear();
    this.noBids.clear();
  }

  /**
   * Sets one snapshot level. `yesPriceE4` is the YES-equivalent price (a NO bid at q passes 1 - q).
   * Returns false for an off-grid price (the caller rejects the snapshot).
   */
  setLevel(side: BookSide, yesPriceE4: number, sizeE2: number): boolean {
    const index = this.grid.indexOf(yesPriceE4);
    if (index < 0 || !(sizeE2 >= 0)) return false;
    (side === 'yes' ? this.yesBids : this.noBids).set(index, sizeE2);
    return true;
  }

  finishSnapshot(receivedAtMs: number, exchangeTsMs = 0): void {
    this.stale = false;
    this.staleReason = null;
    this.touch(receivedAtMs, exchangeTsMs);
  }

  /** Applies a signed size change at a YES-equivalent price. Allocation-free. */
  applyDelta(
    side: BookSide,
    yesPriceE4: number,
    deltaE2: number,
    receivedAtMs: number,
    exchangeTsMs = 0,
  ): DeltaOutcome {
    const index = this.grid.indexOf(yesPriceE4);
    if (index < 0) return DeltaOutcome.OFF_GRID;
    const ladder = side === 'yes' ? this.yesBids : this.noBids;
    const next = ladder.sizes[index] + deltaE2;
    ladder.set(index, next > 0 ? next : 0);
    this.touch(receivedAtMs, exchangeTsMs);
    return next < 0 ? DeltaOutcome.BELOW_ZERO : DeltaOutcome.APPLIED;
  }

  markStale(reason: StaleReason): void {
    this.stale = true;
    this.staleReason = reason;
    this.version++;
  }

  /** Best YES bid in $0.0001, or 0 when nobody bids YES. */
  bestBidE4(): number {
    const index = this.yesBids.highest();
    return index < 0 ? 0 : this.grid.prices[index];
  }

  bestBidSizeE2(): number {
    const index = this.yesBids.highest();
    return index < 0 ? 0 : this.yesBids.sizes[index];
  }

  /** Best YES ask (= 1 - best NO bid) in $0.0001, or 0 when nobody bids NO. */
  bestAskE4(): number {
    const index = this.noBids.lowest();
    return index < 0 ? 0 : this.grid.prices[index];
  }

  bestAskSizeE2(): number {
    const index = this.noBids.lowest();
    return index < 0 ? 0 : this.noBids.sizes[index];
  }

  /** YES bid levels from best (highest) down: first, then next(level) until -1. Read price with priceAt. */
  firstBidLevel(): number {
    return this.yesBids.highest();
  }

  nextBidLevel(level: number): number {
    return this.yesBids.highestBelow(level);
  }

  /** YES ask levels (from NO bids) from best (lowest) up. */
  firstAskLevel(): number {
    return this.noBids.lowest();
  }

  nextAskLevel(level: number): number {
    return this.noBids.lowestAbove(level);
  }

  /** YES price of a level. */
  priceAt(level: number): number {
    return this.grid.prices[level];
  }

  bidSizeAt(level: number): number {
    return this.yesBids.sizes[level];
  }

  askSizeAt(level: number): number {
    return this.noBids.sizes[level];
  }

  /** Levels as Kalshi shows them, for APIs and tests (allocates; never on the hot path). */
  depth(maxLevels = Number.MAX_SAFE_INTEGER): {
    yesBids: [number, number][];
    noBids: [number, number][];
  } {
    const yesBids: [number, number][] = [];
    for (
      let l = this.firstBidLevel();
      l >= 0 && yesBids.length < maxLevels;
      l = this.nextBidLevel(l)
    )
      yesBids.push([this.priceAt(l), this.bidSizeAt(l)]);
    const noBids: [number, number][] = [];
    for (
      let l = this.firstAskLevel();
      l >= 0 && noBids.length < maxLevels;
      l = this.nextAskLevel(l)
    )
      noBids.push([ONE_DOLLAR - this.priceAt(l), this.askSizeAt(l)]);
    return { yesBids, noBids };
  }

  private touch(receivedAtMs: number, exchangeTsMs: number): void {
    this.updatedAtMs = receivedAtMs;
    if (exchangeTsMs > 0) this.exchangeTsMs = exchangeTsMs;
    this.version++;
  }
}
