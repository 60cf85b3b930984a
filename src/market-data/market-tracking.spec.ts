import { Logger } from '@nestjs/common';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../kalshi/price-grid';
import type { CatalogLoader } from './catalog/catalog-loader';
import type { TrackingFilter } from './catalog/tracking-filter';
import { FeedHealth } from './feed/feed-health';
import { OrderBookFeed } from './feed/order-book-feed';
import { MarketTracking } from './market-tracking';
import { OrderBookStore } from './order-book/order-book-store';
import { FakeConnection, catalogWith, frames, ladderMarket } from './testing/market-fixtures';

const T61 = 'KXHIGHNY-26OCT01-T61';
const T63 = 'KXHIGHNY-26OCT01-T63';
const filter: TrackingFilter = {
  seriesTickers: [],
  eventTickers: [],
  categories: [],
  status: 'open',
  maxMarkets: 100,
};

function setup(loadMarket: CatalogLoader['loadMarket'] = async () => undefined) {
  const catalog = catalogWith([]);
  const store = new OrderBookStore();
  const feed = new OrderBookFeed({ store, catalog, health: new FeedHealth() });
  const connection = new FakeConnection();
  connection.connected = false; // as in the app: the first load happens before the WebSocket opens
  feed.attach(connection);
  const content = {
    series: [...catalog.allSeries()],
    events: [
      {
        eventTicker: 'KXHIGHNY-26OCT01',
        seriesTicker: 'KXHIGHNY',
        title: '',
        mutuallyExclusive: false,
      },
    ],
    markets: [ladderMarket(61), ladderMarket(63)],
  };
  const loader = { load: async () => content, loadMarket } as unknown as CatalogLoader;
  const tracking = new MarketTracking(catalog, store, feed, loader, filter);
  tracking.start();
  return { catalog, store, feed, connection, tracking };
}

/** Opens the feed and snapshots both books on sid 2. */
function live(t: ReturnType<typeof setup>) {
  t.connection.connected = true;
  t.feed.onOpen();
  t.feed.onFrame(frames.subscribed(t.connection.sent[1].id, 2), 1);
  t.feed.onFrame(frames.snapshot(2, 1, T61, [['0.4200', '13.00']], []), 1);
  t.feed.onFrame(frames.snapshot(2, 2, T63, [['0.3000', '1.00']], []), 1);
}

describe('MarketTracking', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('gives every loaded market a book and subscribes them in one command', async () => {
    const t = setup();
    await t.tracking.refresh();
    expect([...t.store.all()].map((b) => [b.ticker, b.staleReason])).toEqual([
      [T61, 'NO_SNAPSHOT'],
      [T63, 'NO_SNAPSHOT'],
    ]);
    live(t);
    expect(t.connection.bookSubscriptions().map((c) => c.params?.market_tickers)).toEqual([
      [T61, T63],
    ]);
    expect(t.store.get(T61)!.stale).toBe(false);
    // A refresh while connected subscribes only what is new.
    await t.tracking.refresh();
    expect(t.connection.bookSubscriptions()).toHaveLength(1);
  });

  it('a paused market keeps its book in step but stale; reactivation makes it tradable again', async () => {
    const t = setup();
    await t.tracking.refresh();
    live(t);
    t.tracking.onLifecycle('market_lifecycle_v2', {
      market_ticker: T61,
      event_type: 'deactivated',
      is_deactivated: true,
    });
    expect([t.catalog.market(T61)!.status, t.store.get(T61)!.staleReason]).toEqual([
      'inactive',
      'MARKET_NOT_ACTIVE',
    ]);
    t.tracking.onLifecycle('market_lifecycle_v2', { market_ticker: T61, event_type: 'activated' });
    expect([t.catalog.market(T61)!.status, t.store.get(T61)!.stale]).toEqual(['active', false]);
  });

  it('a market past its close time (Kalshi sends no event) is closed and its book no longer tradable', async () => {
    const t = setup();
    await t.tracking.refresh();
    live(t);
    t.catalog.updateMarket(T61, { closeTime: '2026-10-02T03:59:00Z' });
    t.catalog.updateMarket(T63, { closeTime: '2026-10-03T03:59:00Z' });
    expect(t.tracking.closePastDue(Date.parse('2026-10-02T04:00:00Z'))).toBe(1);
    expect([t.catalog.market(T61)!.status, t.store.get(T61)!.staleReason]).toEqual([
      'closed',
      'MARKET_NOT_ACTIVE',
    ]);
    expect([t.catalog.market(T63)!.status, t.store.get(T63)!.stale]).toEqual(['active', false]);
  });

  it('a settled market leaves the catalog, its book and its subscription', async () => {
    const t = setup();
    await t.tracking.refresh();
    live(t);
    t.tracking.onLifecycle('market_lifecycle_v2', {
      market_ticker: T63,
      event_type: 'determined',
      result: 'no',
    });
    expect(t.catalog.market(T63)).toBeUndefined();
    expect(t.store.get(T63)).toBeUndefined();
    expect(t.connection.last()).toMatchObject({
      cmd: 'update_subscription',
      params: { sid: 2, action: 'delete_markets', market_tickers: [T63] },
    });
  });

  it('a new price grid replaces the book and asks for its snapshot', async () => {
    const t = setup();
    await t.tracking.refresh();
    live(t);
    t.tracking.onLifecycle('market_lifecycle_v2', {
      market_ticker: T61,
      event_type: 'price_level_structure_updated',
      price_level_structure: 'deci_cent',
      price_ranges: PRICE_LEVEL_STRUCTURES.deci_cent,
    });
    expect(t.store.get(T61)!.grid).toBe(PriceGrid.of(PRICE_LEVEL_STRUCTURES.deci_cent));
    expect(t.store.get(T61)!.staleReason).toBe('NO_SNAPSHOT');
    expect(t.connection.last()).toMatchObject({
      params: { sids: [2], action: 'get_snapshot', market_tickers: [T61] },
    });
  });

  it('a created market is read from REST and subscribed; fee updates reach the event', async () => {
    const t = setup(async (ticker) => ({
      market: ladderMarket(65, { ticker }),
      event: {
        eventTicker: 'KXHIGHNY-26OCT01',
        seriesTicker: 'KXHIGHNY',
        title: '',
        mutuallyExclusive: false,
      },
      series: [],
    }));
    await t.tracking.refresh();
    live(t);
    t.tracking.onLifecycle('market_lifecycle_v2', {
      market_ticker: 'KXHIGHNY-26OCT01-T65',
      event_type: 'created',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.store.get('KXHIGHNY-26OCT01-T65')?.staleReason).toBe('NO_SNAPSHOT');
    expect(t.connection.bookSubscriptions().pop()?.params?.market_tickers).toEqual([
      'KXHIGHNY-26OCT01-T65',
    ]);
    t.tracking.onLifecycle('event_fee_update', {
      event_ticker: 'KXHIGHNY-26OCT01',
      fee_type_override: 'quadratic_with_maker_fees',
      fee_multiplier_override: 0.5,
    });
    expect(t.catalog.event('KXHIGHNY-26OCT01')!.fees).toMatchObject({
      feeType: 'quadratic_with_maker_fees',
      multiplierE4: 5_000,
    });
    t.tracking.onLifecycle('event_fee_update', {
      event_ticker: 'KXHIGHNY-26OCT01',
      fee_type_override: null,
      fee_multiplier_override: null,
    });
    expect(t.catalog.event('KXHIGHNY-26OCT01')!.fees).toMatchObject({
      feeType: 'quadratic',
      multiplierE4: 10_000,
    });
  });
});
