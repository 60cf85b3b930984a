import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { SimCatalog, SimEvent } from '../catalog/sim-catalog';
import { ManualClock } from '../common/sim-clock';
import { SimExchange } from '../exchange/sim-exchange';
import type { PlantedOpportunity } from './opportunity-planter';

const START = Date.UTC(2026, 10, 2, 15, 0, 0);

/** Raw (before fee) contradictions between related books, the way a detector would look for them. */
function mispricings(catalog: SimCatalog): string[] {
  const found: string[] = [];
  for (const event of catalog.events) found.push(...eventMispricings(event));
  return found;
}

function eventMispricings(event: SimEvent): string[] {
  const found: string[] = [];
  const markets = event.markets;
  if (event.kind === 'ladder') {
    for (let i = 0; i + 1 < markets.length; i++) {
      const askLow = markets[i].book.bestAskE4();
      const bidHigh = markets[i + 1].book.bestBidE4();
      if (askLow > 0 && bidHigh > askLow)
        found.push(
          `inversion ${markets[i + 1].ticker} bid ${bidHigh} > ${markets[i].ticker} ask ${askLow}`,
        );
    }
  }
  if (event.mutuallyExclusive && markets.every((m) => m.book.bestBidE4() > 0)) {
    const bids = markets.reduce((s, m) => s + m.book.bestBidE4(), 0);
    if (bids > ONE_DOLLAR) found.push(`bids of ${event.eventTicker} sum to ${bids}`);
  }
  if (event.exhaustive && markets.every((m) => m.book.bestAskE4() > 0)) {
    const asks = markets.reduce((s, m) => s + m.book.bestAskE4(), 0);
    if (asks < ONE_DOLLAR) found.push(`asks of ${event.eventTicker} sum to ${asks}`);
  }
  return found;
}

function exchangeAt(clock: ManualClock, opportunitiesPerMinute: number): SimExchange {
  const exchange = new SimExchange({
    seed: 11,
    markets: 300,
    messagesPerSecond: 20_000,
    opportunitiesPerMinute,
    clock,
    rateLimit: 'off',
    epochMs: Date.UTC(2026, 10, 2),
  });
  exchange.trafficRunning = true;
  return exchange;
}

describe('simulated traders', () => {
  it('keep related books consistent while fair values drift: no inversion or partition gap without a planted one', () => {
    const clock = new ManualClock(START);
    const exchange = exchangeAt(clock, 0);
    const before = exchange.counter.changes;
    for (let tick = 0; tick < 150; tick++) {
      clock.advance(20);
      exchange.tick(20);
      expect(mispricings(exchange.catalog)).toEqual([]);
    }
    // 3 s at 20,000 changes/s.
    expect(exchange.counter.changes - before).toBeGreaterThan(50_000);
    const depths = exchange.catalog.markets.flatMap((m) => [
      m.book.bids.levelsInUse,
      m.book.asks.levelsInUse,
    ]);
    expect(depths.filter((d) => d >= 5).length / depths.length).toBeGreaterThan(0.8);
    expect(Math.max(...depths)).toBeLessThanOrEqual(21);
  });

  it('leave opportunities on their own several times a minute, each lasting seconds', () => {
    const clock = new ManualClock(START);
    const exchange = exchangeAt(clock, 6);
    exchange.messagesPerSecond = 2_000;
    let seen = 0;
    for (let tick = 0; tick < 3_000; tick++) {
      clock.advance(20);
      exchange.tick(20);
      if (tick % 10 === 0 && mispricings(exchange.catalog).length > 0) seen++;
    }
    const planted = exchange.planter.history;
    expect(planted.length).toBeGreaterThanOrEqual(2);
    expect(
      planted.every(
        (o) => o.expiresMs - o.createdMs >= 2_000 && o.expiresMs - o.createdMs <= 8_000,
      ),
    ).toBe(true);
    expect(seen).toBeGreaterThan(0);
  });

  describe.each(['ladder_inversion', 'partition_buy_no', 'partition_buy_yes'] as const)(
    'a planted %s',
    (kind) => {
      it('is visible in the books, pays every leg’s taker fee for its size, and is gone after it expires', () => {
        const clock = new ManualClock(START);
        const exchange = exchangeAt(clock, 0);
        exchange.burst(20_000);
        const result = exchange.planter.plant({ kind, durationMs: 3_000, sizeE2: 1_000 });
        expect(result.ok).toBe(true);
        const opportunity = (result as { opportunity: PlantedOpportunity }).opportunity;
        const event = exchange.catalog.event(opportunity.eventTicker)!;
        expect(eventMispricings(event).length).toBeGreaterThan(0);

        // Independently: the legs at their book prices, each with its exact taker fee.
        let grossE6 = 0;
        let feesE6 = 0;
        for (const leg of opportunity.legs) {
          const market = exchange.catalog.market(leg.ticker)!;
          const price = leg.takerSide === 'bid' ? market.book.bestAskE4() : market.book.bestBidE4();
          expect(price).toBe(leg.yesPriceE4);
          feesE6 += event.fees.tradeFeeE6('taker', 1_000, price);
          grossE6 += 1_000 * (leg.takerSide === 'bid' ? -price : price - ONE_DOLLAR);
        }
        // Payoff of one contract on every leg: 1 for a ladder pair or a YES set, n - 1 for a NO set.
        const payoffE6 =
          kind === 'partition_buy_no'
            ? (opportunity.legs.length - 1) * 1_000 * ONE_DOLLAR
            : 1_000 * ONE_DOLLAR;
        expect(grossE6 + payoffE6).toBe(opportunity.grossProfitE6);
        expect(feesE6).toBe(opportunity.takerFeesE6);
        expect(grossE6 + payoffE6 - feesE6).toBeGreaterThanOrEqual(1_000 * 100);

        exchange.burst(5_000);
        expect(eventMispricings(event).length).toBeGreaterThan(0);
        clock.advance(3_001);
        exchange.tick(1);
        expect(opportunity.active).toBe(false);
        expect(eventMispricings(event)).toEqual([]);
      });
    },
  );
});
