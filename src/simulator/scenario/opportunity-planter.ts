import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { SimCatalog, SimEvent, SimMarket } from '../catalog/sim-catalog';
import type { Prng } from '../common/prng';
import type { SimClock } from '../common/sim-clock';
import type { MatchingEngine } from '../engine/matching-engine';
import type { OrderSide, SimOrder } from '../engine/sim-order';
import type { TrafficGenerator } from './traffic-generator';

export type OpportunityKind = 'ladder_inversion' | 'partition_buy_no' | 'partition_buy_yes';
export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = [
  'ladder_inversion',
  'partition_buy_no',
  'partition_buy_yes',
];

export interface OpportunityRequest {
  kind: OpportunityKind;
  eventTicker?: string;
  name?: string;
  /** How long the mispricing stays (then its orders are pulled); default 2-8 s at random. */
  durationMs?: number;
  /** Contracts available on every leg, in 0.01 contracts; default 5-20 contracts. */
  sizeE2?: number;
  /** Minimum profit per contract after taker fees, $0.0001; default $0.01. */
  minProfitE4?: number;
}

/** One leg of the arbitrage as a taker would trade it. */
export interface OpportunityLeg {
  ticker: string;
  /** `bid` = buy YES at the market's YES ask; `ask` = buy NO against its YES bid. */
  takerSide: OrderSide;
  /** The YES price the taker trades at. */
  yesPriceE4: number;
}

export interface PlantedOpportunity {
  readonly id: string;
  readonly name: string;
  readonly kind: OpportunityKind;
  readonly eventTicker: string;
  readonly legs: OpportunityLeg[];
  readonly sizeE2: number;
  /** Profit of `sizeE2` on every leg before fees, and after each leg's taker fee, in $0.000001. */
  readonly grossProfitE6: number;
  readonly takerFeesE6: number;
  readonly netProfitE6: number;
  readonly createdMs: number;
  readonly expiresMs: number;
  readonly orders: SimOrder[];
  active: boolean;
}

export type PlantResult =
  { ok: true; opportunity: PlantedOpportunity } | { ok: false; code: string; message: string };

/**
 * Leaves mispricings in the books on purpose: a ladder inversion (a higher strike's YES bid above a lower
 * strike's YES ask) or a partition mispricing (mutually exclusive YES bids summing past $1, or an exhaustive
 * event's YES asks summing under $1), big enough to pay every leg's taker fee, for a few seconds.
 */
export class OpportunityPlanter {
  private sequence = 0;
  readonly live: PlantedOpportunity[] = [];
  readonly history: PlantedOpportunity[] = [];

  constructor(
    private readonly catalog: SimCatalog,
    private readonly engine: MatchingEngine,
    private readonly traffic: TrafficGenerator,
    private readonly prng: Prng,
    private readonly clock: SimClock,
  ) {}

  plant(request: OpportunityRequest): PlantResult {
    const candidates = this.candidateEvents(request);
    if (candidates.length === 0) {
      return {
        ok: false,
        code: 'no_eligible_event',
        message: `no active event fits a ${request.kind}`,
      };
    }
    const start = Math.floor(this.prng.next() * candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const planted = this.tryPlant(candidates[(start + i) % candidates.length], request);
      if (planted) return { ok: true, opportunity: planted };
    }
    return {
      ok: false,
      code: 'no_room',
      message: `no ${request.kind} could be priced inside $0-$1 on the candidate events`,
    };
  }

  /** Pulls the orders of opportunities whose time is up. */
  expire(): void {
    const now = this.clock.nowMs();
    for (let i = this.live.length - 1; i >= 0; i--) {
      const opportunity = this.live[i];
      if (opportunity.expiresMs > now) continue;
      this.remove(opportunity);
    }
  }

  remove(opportunity: PlantedOpportunity): void {
    for (const order of opportunity.orders) this.engine.cancel(order);
    opportunity.active = false;
    const index = this.live.indexOf(opportunity);
    if (index >= 0) this.live.splice(index, 1);
    for (const leg of opportunity.legs) {
      const market = this.catalog.market(leg.ticker);
      if (market && !this.live.some((o) => o.legs.some((l) => l.ticker === leg.ticker)))
        this.traffic.protectedMarkets.delete(market);
    }
  }

  private candidateEvents(request: OpportunityRequest): SimEvent[] {
    const fits = (event: SimEvent) => {
      if (event.markets.some((m) => m.status !== 'active' || this.traffic.protectedMarkets.has(m)))
        return false;
      if (request.kind === 'ladder_inversion')
        return event.kind === 'ladder' && event.markets.length >= 2;
      if (request.kind === 'partition_buy_no') return event.mutuallyExclusive;
      return event.mutuallyExclusive && event.exhaustive;
    };
    if (request.eventTicker) {
      const event = this.catalog.event(request.eventTicker);
      return event && fits(event) ? [event] : [];
    }
    return this.catalog.events.filter(fits);
  }

  private tryPlant(event: SimEvent, request: OpportunityRequest): PlantedOpportunity | null {
    const sizeE2 = request.sizeE2 ?? this.prng.int(5, 20) * 100;
    const minProfitE4 = request.minProfitE4 ?? 100;
    switch (request.kind) {
      case 'ladder_inversion':
        return this.plantLadder(event, request, sizeE2, minProfitE4);
      case 'partition_buy_no':
        return this.plantPartition(event, request, sizeE2, minProfitE4, 'bid');
      case 'partition_buy_yes':
        return this.plantPartition(event, request, sizeE2, minProfitE4, 'ask');
    }
  }

  /** Buy YES on the lower strike at its ask, buy NO on the higher strike against a planted YES bid above that ask. */
  private plantLadder(
    event: SimEvent,
    request: OpportunityRequest,
    sizeE2: number,
    minProfitE4: number,
  ): PlantedOpportunity | null {
    const pairs = event.markets.length - 1;
    const first = Math.floor(this.prng.next() * pairs);
    for (let i = 0; i < pairs; i++) {
      const low = event.markets[(first + i) % pairs];
      const high = event.markets[((first + i) % pairs) + 1];
      const askLow = low.book.bestAskE4();
      if (askLow === 0) continue;
      const fees = event.fees;
      const price = this.searchPrice(high, askLow + 1, 1, (bidHigh) => {
        const feesE6 =
          fees.tradeFeeE6('taker', sizeE2, askLow) + fees.tradeFeeE6('taker', sizeE2, bidHigh);
        return sizeE2 * (bidHigh - askLow) - feesE6 >= sizeE2 * minProfitE4 ? feesE6 : -1;
      });
      if (!price) continue;
      const legs: OpportunityLeg[] = [
        { ticker: low.ticker, takerSide: 'bid', yesPriceE4: askLow },
        { ticker: high.ticker, takerSide: 'ask', yesPriceE4: price.priceE4 },
      ];
      const orders = [
        ...this.clearAndQuote(high, 'bid', price.priceE4, sizeE2),
        ...this.clearAndQuote(low, 'ask', askLow, sizeE2),
      ];
      const gross = sizeE2 * (price.priceE4 - askLow);
      return this.record(event, request, legs, orders, sizeE2, gross, price.feesE6);
    }
    return null;
  }

  /**
   * `bid`: a planted YES bid on one member lifts the YES bids' sum past $1 (buy NO on all).
   * `ask`: a planted YES ask on one member drops the YES asks' sum under $1 (buy YES on all).
   */
  private plantPartition(
    event: SimEvent,
    request: OpportunityRequest,
    sizeE2: number,
    minProfitE4: number,
    side: OrderSide,
  ): PlantedOpportunity | null {
    const quoteOf = (m: SimMarket) => (side === 'bid' ? m.book.bestBidE4() : m.book.bestAskE4());
    if (event.markets.some((m) => quoteOf(m) === 0)) return null;
    const byFair = [...event.markets].sort(
      (a, b) => this.traffic.quote(b).fairE4 - this.traffic.quote(a).fairE4,
    );
    for (const target of byFair) {
      const others = event.markets.filter((m) => m !== target);
      const othersSum = others.reduce((sum, m) => sum + quoteOf(m), 0);
      const othersFees = others.reduce(
        (sum, m) => sum + event.fees.tradeFeeE6('taker', sizeE2, quoteOf(m)),
        0,
      );
      const price =
        side === 'bid'
          ? this.searchPrice(target, ONE_DOLLAR - othersSum + 1, 1, (p) => {
              const feesE6 = othersFees + event.fees.tradeFeeE6('taker', sizeE2, p);
              return sizeE2 * (othersSum + p - ONE_DOLLAR) - feesE6 >= sizeE2 * minProfitE4
                ? feesE6
                : -1;
            })
          : this.searchPrice(target, ONE_DOLLAR - othersSum - 1, -1, (p) => {
              const feesE6 = othersFees + event.fees.tradeFeeE6('taker', sizeE2, p);
              return sizeE2 * (ONE_DOLLAR - othersSum - p) - feesE6 >= sizeE2 * minProfitE4
                ? feesE6
                : -1;
            });
      if (!price) continue;
      const takerSide: OrderSide = side === 'bid' ? 'ask' : 'bid';
      const legs: OpportunityLeg[] = event.markets.map((m) => ({
        ticker: m.ticker,
        takerSide,
        yesPriceE4: m === target ? price.priceE4 : quoteOf(m),
      }));
      const orders = [...this.clearAndQuote(target, side, price.priceE4, sizeE2)];
      for (const m of others) orders.push(...this.clearAndQuote(m, side, quoteOf(m), sizeE2));
      const sum = othersSum + price.priceE4;
      const gross = sizeE2 * (side === 'bid' ? sum - ONE_DOLLAR : ONE_DOLLAR - sum);
      return this.record(event, request, legs, orders, sizeE2, gross, price.feesE6);
    }
    return null;
  }

  /** Walks the grid from `fromE4` in `direction` for the first price whose check returns fees >= 0. */
  private searchPrice(
    market: SimMarket,
    fromE4: number,
    direction: 1 | -1,
    check: (priceE4: number) => number,
  ): { priceE4: number; feesE6: number } | null {
    const grid = market.grid;
    let level =
      direction > 0 ? grid.indexOf(grid.ceilPrice(fromE4)) : grid.indexOf(grid.floorPrice(fromE4));
    for (
      let steps = 0;
      level >= 0 && level < grid.levelCount && steps < 400;
      steps++, level += direction
    ) {
      const feesE6 = check(grid.prices[level]);
      if (feesE6 >= 0) return { priceE4: grid.prices[level], feesE6 };
    }
    return null;
  }

  /** Pulls house quotes that the planted order would cross, then rests the tagged order. */
  private clearAndQuote(
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    sizeE2: number,
  ): SimOrder[] {
    const opposite = side === 'bid' ? market.book.asks : market.book.bids;
    const limit = market.grid.indexOf(priceE4);
    for (const level of [...opposite.levelsFromBest()]) {
      if (side === 'bid' ? level > limit : level < limit) break;
      for (const order of [...opposite.queue(level)])
        if (order.account === null) this.engine.cancel(order);
    }
    this.traffic.protectedMarkets.add(market);
    const order = this.engine.addHouseLiquidity(market, side, priceE4, sizeE2, 'opportunity');
    return order && order.status === 'resting' ? [order] : [];
  }

  private record(
    event: SimEvent,
    request: OpportunityRequest,
    legs: OpportunityLeg[],
    orders: SimOrder[],
    sizeE2: number,
    grossE6: number,
    feesE6: number,
  ): PlantedOpportunity {
    const now = this.clock.nowMs();
    const id = `opp-${++this.sequence}`;
    const opportunity: PlantedOpportunity = {
      id,
      name: request.name ?? id,
      kind: request.kind,
      eventTicker: event.eventTicker,
      legs,
      sizeE2,
      grossProfitE6: grossE6,
      takerFeesE6: feesE6,
      netProfitE6: grossE6 - feesE6,
      createdMs: now,
      expiresMs: now + (request.durationMs ?? this.prng.int(2_000, 8_000)),
      orders,
      active: true,
    };
    this.live.push(opportunity);
    this.history.push(opportunity);
    if (this.history.length > 1_000) this.history.shift();
    return opportunity;
  }
}
