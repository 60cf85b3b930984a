import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { SimEvent, SimMarket } from '../catalog/sim-catalog';
import type { Prng } from '../common/prng';
import type { MatchingEngine } from '../engine/matching-engine';
import type { BookLadder } from '../engine/sim-book';
import type { OrderSide } from '../engine/sim-order';
import type { Scenario } from './scenario-generator';

export interface TrafficOptions {
  minDepth?: number;
  maxDepth?: number;
  /** Share of book changes that are simulated takers crossing the spread. */
  tradeShare?: number;
  /** Mean time between fair-value moves of one event. */
  driftIntervalMs?: number;
}

/** What the simulated traders aim for in one market. */
interface QuoteState {
  fairE4: number;
  halfSpreadE4: number;
  depth: { bid: number; ask: number };
}

/** Counts book changes as the exchange emits them (one per `orderbook_delta`). */
export interface ChangeCounter {
  changes: number;
}

/**
 * Simulated market makers and takers: keep every active book 5-20 levels deep on each side around its
 * drifting fair value, quoting bids at or below fair - half spread and asks at or above fair + half
 * spread, so related markets are consistent (no accidental arbitrage) until the planter leaves one.
 */
export class TrafficGenerator {
  private readonly quotes = new Map<SimMarket, QuoteState>();
  private readonly markets: SimMarket[];
  private readonly minDepth: number;
  private readonly maxDepth: number;
  private readonly tradeShare: number;
  private readonly driftIntervalMs: number;
  /** Markets holding a planted opportunity: simulated takers keep off them. */
  readonly protectedMarkets = new Set<SimMarket>();

  constructor(
    private readonly scenario: Scenario,
    private readonly engine: MatchingEngine,
    private readonly prng: Prng,
    private readonly counter: ChangeCounter,
    options: TrafficOptions = {},
  ) {
    this.markets = scenario.catalog.markets;
    this.minDepth = options.minDepth ?? 5;
    this.maxDepth = options.maxDepth ?? 20;
    this.tradeShare = options.tradeShare ?? 0.02;
    this.driftIntervalMs = options.driftIntervalMs ?? 1_000;
    for (const event of scenario.catalog.events) {
      const fair = scenario.models.get(event)!.fair;
      event.markets.forEach((market, index) => {
        this.quotes.set(market, {
          fairE4: toPriceE4(fair[index]),
          halfSpreadE4: 100 * prng.int(1, 2),
          depth: {
            bid: prng.int(this.minDepth, this.maxDepth),
            ask: prng.int(this.minDepth, this.maxDepth),
          },
        });
      });
    }
  }

  /** Fills every book to its target depth (the state before any subscriber arrives). */
  populate(): void {
    for (const market of this.markets) {
      const quote = this.quotes.get(market)!;
      for (const side of SIDES) {
        for (
          let k = 0;
          k < quote.depth[side] && market.book.ladder(side).levelsInUse < quote.depth[side];
          k++
        ) {
          this.add(market, side, k, true);
        }
      }
    }
  }

  /** Makes about `changes` book changes now (fewer if no market can change). */
  run(changes: number): void {
    if (this.markets.length === 0) return;
    const target = this.counter.changes + changes;
    let guard = changes * 4 + 16;
    while (this.counter.changes < target && guard-- > 0) {
      const market = this.markets[Math.floor(this.prng.next() * this.markets.length)];
      if (market.status === 'active') this.step(market);
    }
  }

  /** Moves fair values: each event about once per drift interval; stale quotes are pulled. */
  drift(elapsedMs: number): void {
    const probability = Math.min(1, elapsedMs / this.driftIntervalMs);
    for (const event of this.scenario.catalog.events) {
      if (this.prng.next() < probability) this.driftEvent(event);
    }
  }

  quote(market: SimMarket): { fairE4: number; halfSpreadE4: number } {
    return this.quotes.get(market)!;
  }

  driftEvent(event: SimEvent): void {
    const model = this.scenario.models.get(event)!;
    model.drift(this.prng);
    event.markets.forEach((market, index) => {
      const quote = this.quotes.get(market)!;
      quote.fairE4 = toPriceE4(model.fair[index]);
      if (market.status === 'active') this.pullStaleQuotes(market, quote);
    });
  }

  private step(market: SimMarket): void {
    const side: OrderSide = this.prng.next() < 0.5 ? 'bid' : 'ask';
    const ladder = market.book.ladder(side);
    const quote = this.quotes.get(market)!;
    if (this.prng.next() < this.tradeShare) {
      if (!this.protectedMarkets.has(market)) this.take(market, side);
    } else if (ladder.levelsInUse < quote.depth[side]) {
      this.add(market, side, this.distance(quote.depth[side]), true);
    } else if (ladder.levelsInUse > this.maxDepth) {
      this.pull(ladder, ladder.levelsInUse - 1);
    } else if (this.prng.next() < 0.5) {
      this.add(market, side, this.distance(quote.depth[side]));
    } else {
      this.pull(ladder, Math.floor(this.prng.next() * ladder.levelsInUse));
    }
  }

  /** Levels from the inside quote, favouring the top of the book. */
  private distance(depth: number): number {
    const r = this.prng.next();
    return Math.floor(depth * r * r);
  }

  /**
   * House liquidity `distance` levels behind the inside quote of `side`, never crossing; with `newLevel`,
   * at the first empty level from there (the book is below its target depth).
   */
  private add(market: SimMarket, side: OrderSide, distance: number, newLevel = false): void {
    const { grid, book } = market;
    const quote = this.quotes.get(market)!;
    const size = (1 + Math.floor(this.prng.next() * this.prng.next() * 60)) * 100;
    if (side === 'bid') {
      let top = grid.indexOf(grid.floorPrice(quote.fairE4 - quote.halfSpreadE4));
      if (book.asks.best >= 0) top = Math.min(top, book.asks.best - 1);
      if (top < 0) return;
      let level = Math.max(0, top - distance);
      while (newLevel && level > 0 && book.bids.sizes[level] > 0) level--;
      this.engine.addHouseLiquidity(market, 'bid', grid.prices[level], size);
    } else {
      const floorIndex = grid.indexOf(grid.ceilPrice(quote.fairE4 + quote.halfSpreadE4));
      if (floorIndex < 0) return;
      const bottom = book.bids.best >= 0 ? Math.max(floorIndex, book.bids.best + 1) : floorIndex;
      if (bottom >= grid.levelCount) return;
      let level = Math.min(grid.levelCount - 1, bottom + distance);
      while (newLevel && level < grid.levelCount - 1 && book.asks.sizes[level] > 0) level++;
      this.engine.addHouseLiquidity(market, 'ask', grid.prices[level], size);
    }
  }

  /** Removes part or all of an untagged house order at the `rank`-th level from the top. */
  private pull(ladder: BookLadder, rank: number): void {
    let seen = 0;
    for (const level of ladder.levelsFromBest()) {
      if (seen++ < rank) continue;
      const queue = ladder.queue(level);
      for (let i = queue.length - 1; i >= 0; i--) {
        const order = queue[i];
        if (order.account !== null || order.tag !== null) continue;
        const whole = order.remainingE2 <= 100 || this.prng.next() < 0.5;
        const part = Math.max(100, Math.floor(order.remainingE2 / 200) * 100);
        this.engine.reduceHouseOrder(order, whole ? order.remainingE2 : part);
        return;
      }
      return;
    }
  }

  /** A simulated taker: an IOC for a few contracts at the best opposite price. */
  private take(market: SimMarket, side: OrderSide): void {
    const opposite = side === 'bid' ? market.book.asks : market.book.bids;
    if (opposite.best < 0) return;
    this.engine.place({
      account: null,
      market,
      side,
      priceE4: market.grid.prices[opposite.best],
      countE2: this.prng.int(1, 10) * 100,
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'taker_at_cross',
    });
  }

  /** Cancels untagged house quotes now on the wrong side of the moved fair value. */
  private pullStaleQuotes(market: SimMarket, quote: QuoteState): void {
    const prices = market.grid.prices;
    const bidLimit = quote.fairE4 - quote.halfSpreadE4;
    const askLimit = quote.fairE4 + quote.halfSpreadE4;
    for (const level of [...market.book.bids.levelsFromBest()]) {
      if (prices[level] <= bidLimit) break;
      this.cancelHouse(market.book.bids, level);
    }
    for (const level of [...market.book.asks.levelsFromBest()]) {
      if (prices[level] >= askLimit) break;
      this.cancelHouse(market.book.asks, level);
    }
  }

  private cancelHouse(ladder: BookLadder, level: number): void {
    for (const order of [...ladder.queue(level)]) {
      if (order.account === null && order.tag === null) this.engine.cancel(order);
    }
  }
}

const SIDES: readonly OrderSide[] = ['bid', 'ask'];

/**
 * A probability as a price in $0.0001 within [$0.01, $0.99]. Clamping is monotone and only removes quotes
 * at the edges (no bid under $0.01, no ask over $0.99), so it cannot create an inversion or a partition gap.
 */
function toPriceE4(probability: number): number {
  return Math.min(ONE_DOLLAR - 100, Math.max(100, Math.round(probability * ONE_DOLLAR)));
}
