import type { PriceGrid } from '../../kalshi/price-grid';
import type { OrderSide, SimOrder } from './sim-order';

/**
 * One side of a market's book in YES-price terms, indexed by grid level: resting orders in arrival order
 * per level (price-time priority) and the aggregate size per level.
 */
export class BookLadder {
  readonly sizes: Float64Array;
  private readonly queues: (SimOrder[] | undefined)[];
  /** Best level index (highest for bids, lowest for asks), -1 when empty. */
  best = -1;
  levelsInUse = 0;

  constructor(
    readonly side: OrderSide,
    private readonly levelCount: number,
  ) {
    this.sizes = new Float64Array(levelCount);
    this.queues = new Array<SimOrder[] | undefined>(levelCount);
  }

  queue(level: number): readonly SimOrder[] {
    return this.queues[level] ?? EMPTY;
  }

  /** Appends a resting order at the back of its level. */
  add(order: SimOrder): void {
    const level = order.levelIndex;
    let queue = this.queues[level];
    if (!queue) queue = this.queues[level] = [];
    queue.push(order);
    this.grow(level, order.remainingE2);
  }

  /** Changes an order's resting size in place (fills, decreases); removes it at zero. */
  shrink(order: SimOrder, byE2: number): void {
    const level = order.levelIndex;
    this.sizes[level] -= byE2;
    if (order.remainingE2 <= 0) this.detach(order);
    if (this.sizes[level] <= 0) this.emptied(level);
  }

  /** Adds size to an order already in the book (the house merging liquidity at the back of a level). */
  enlarge(order: SimOrder, byE2: number): void {
    this.grow(order.levelIndex, byE2);
  }

  /** Removes an order with all its remaining size. */
  remove(order: SimOrder): void {
    const level = order.levelIndex;
    this.sizes[level] -= order.remainingE2;
    this.detach(order);
    if (this.sizes[level] <= 0) this.emptied(level);
  }

  /** Levels from best outward: yields level indexes with size. */
  *levelsFromBest(): Generator<number> {
    if (this.best < 0) return;
    if (this.side === 'bid') {
      for (let i = this.best; i >= 0; i--) if (this.sizes[i] > 0) yield i;
    } else {
      for (let i = this.best; i < this.levelCount; i++) if (this.sizes[i] > 0) yield i;
    }
  }

  private grow(level: number, byE2: number): void {
    if (this.sizes[level] === 0) this.levelsInUse++;
    this.sizes[level] += byE2;
    if (this.best < 0 || (this.side === 'bid' ? level > this.best : level < this.best))
      this.best = level;
  }

  private detach(order: SimOrder): void {
    const queue = this.queues[order.levelIndex];
    if (!queue) return;
    const index = queue.indexOf(order);
    if (index >= 0) queue.splice(index, 1);
    // Empty levels hold no array: prices drift across the whole grid over a long run.
    if (queue.length === 0) this.queues[order.levelIndex] = undefined;
  }

  private emptied(level: number): void {
    this.sizes[level] = 0;
    this.levelsInUse--;
    if (level !== this.best) return;
    this.best = -1;
    if (this.side === 'bid') {
      for (let i = level - 1; i >= 0; i--) if (this.sizes[i] > 0) return void (this.best = i);
    } else {
      for (let i = level + 1; i < this.levelCount; i++)
        if (this.sizes[i] > 0) return void (this.best = i);
    }
  }
}

const EMPTY: readonly SimOrder[] = [];

/** Both sides of one market: bids buy YES at p, asks buy NO at 1 - p, both indexed by YES price level. */
export class SimBook {
  readonly bids: BookLadder;
  readonly asks: BookLadder;

  constructor(readonly grid: PriceGrid) {
    this.bids = new BookLadder('bid', grid.levelCount);
    this.asks = new BookLadder('ask', grid.levelCount);
  }

  ladder(side: OrderSide): BookLadder {
    return side === 'bid' ? this.bids : this.asks;
  }

  /** Best YES bid in $0.0001, 0 when none. */
  bestBidE4(): number {
    return this.bids.best < 0 ? 0 : this.grid.prices[this.bids.best];
  }

  /** Best YES ask in $0.0001 (1 - best NO bid), 0 when none. */
  bestAskE4(): number {
    return this.asks.best < 0 ? 0 : this.grid.prices[this.asks.best];
  }

  bestBidSizeE2(): number {
    return this.bids.best < 0 ? 0 : this.bids.sizes[this.bids.best];
  }

  bestAskSizeE2(): number {
    return this.asks.best < 0 ? 0 : this.asks.sizes[this.asks.best];
  }
}
