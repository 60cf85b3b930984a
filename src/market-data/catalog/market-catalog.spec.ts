import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import { KalshiRestClient } from '../../kalshi/rest/kalshi-rest-client';
import type { CatalogChange } from '../market-data.ports';
import { ladderMarket } from '../testing/market-fixtures';
import { CatalogLoader } from './catalog-loader';
import { CatalogMappingError, marketInfoFromWire, seriesInfoFromWire } from './catalog-mapper';
import { MarketCatalog } from './market-catalog';
import type { TrackingFilter } from './tracking-filter';

const series = {
  ticker: 'KXHIGHNY',
  title: 'NYC high',
  category: 'Climate and Weather',
  fees: new FeeSchedule('quadratic_with_maker_fees', 10_000),
};
const event = {
  eventTicker: 'KXHIGHNY-26OCT01',
  seriesTicker: 'KXHIGHNY',
  title: 'NYC high on Oct 1',
  mutuallyExclusive: false,
};

describe('MarketCatalog', () => {
  it('holds series -> events -> markets and announces what changed', () => {
    const catalog = new MarketCatalog();
    const changes: CatalogChange[] = [];
    catalog.onChange((change) => changes.push(change));
    catalog.replaceAll({
      series: [series],
      events: [event],
      markets: [ladderMarket(61), ladderMarket(63)],
    });
    expect(catalog.event('KXHIGHNY-26OCT01')).toMatchObject({
      marketTickers: ['KXHIGHNY-26OCT01-T61', 'KXHIGHNY-26OCT01-T63'],
      fees: { feeType: 'quadratic_with_maker_fees' },
    });
    expect(catalog.marketsOfEvent('KXHIGHNY-26OCT01').map((m) => m.floorStrike)).toEqual([61, 63]);
    expect(changes.map((c) => `${c.kind} ${c.ticker ?? c.eventTicker}`)).toEqual([
      'event-updated KXHIGHNY-26OCT01',
      'market-added KXHIGHNY-26OCT01-T61',
      'market-added KXHIGHNY-26OCT01-T63',
    ]);
    changes.length = 0;
    // The same content again changes nothing; a market that left is removed; a paused one is updated.
    catalog.replaceAll({
      series: [series],
      events: [event],
      markets: [ladderMarket(61, { status: 'inactive' })],
    });
    expect(changes.map((c) => `${c.kind} ${c.ticker ?? c.eventTicker}`)).toEqual([
      'market-updated KXHIGHNY-26OCT01-T61',
      'market-removed KXHIGHNY-26OCT01-T63',
    ]);
    expect(catalog.event('KXHIGHNY-26OCT01')!.marketTickers).toEqual(['KXHIGHNY-26OCT01-T61']);
  });

  it("keeps the exchange's full list of an event's markets, tracked or not, and hears of new ones", () => {
    const catalog = new MarketCatalog();
    const changes: CatalogChange[] = [];
    catalog.replaceAll({
      series: [series],
      events: [{ ...event, allMarketTickers: ['KXHIGHNY-26OCT01-T59', 'KXHIGHNY-26OCT01-T61'] }],
      markets: [ladderMarket(61), ladderMarket(63)],
    });
    catalog.onChange((change) => changes.push(change));
    expect(catalog.event('KXHIGHNY-26OCT01')!.allMarketTickers).toEqual([
      'KXHIGHNY-26OCT01-T59',
      'KXHIGHNY-26OCT01-T61',
      'KXHIGHNY-26OCT01-T63',
    ]);
    catalog.noteEventMember('KXHIGHNY-26OCT01', 'KXHIGHNY-26OCT01-T65');
    expect(catalog.event('KXHIGHNY-26OCT01')!.allMarketTickers).toContain('KXHIGHNY-26OCT01-T65');
    expect(changes).toEqual([{ kind: 'event-updated', eventTicker: 'KXHIGHNY-26OCT01' }]);
  });

  it('applies event fee overrides over the series schedule, and clears them', () => {
    const catalog = new MarketCatalog();
    catalog.replaceAll({
      series: [series],
      events: [{ ...event, feeMultiplierOverrideE4: 5_000 }],
      markets: [ladderMarket(61)],
    });
    expect(catalog.event(event.eventTicker)!.fees).toMatchObject({
      feeType: 'quadratic_with_maker_fees',
      multiplierE4: 5_000,
    });
    // 100 contracts at $0.50, taker, multiplier 0.5: ceil(0.035 x 100 x 0.25) = $0.8750
    expect(catalog.event(event.eventTicker)!.fees.tradeFeeE4('taker', 10_000, 5_000)).toBe(8_750);
    catalog.updateEventFees(event.eventTicker, 'quadratic', undefined);
    expect(catalog.event(event.eventTicker)!.fees).toMatchObject({
      feeType: 'quadratic',
      multiplierE4: 10_000,
    });
  });
});

describe('catalog mapping', () => {
  it('maps a Kalshi market with its strikes and sub-cent grid; never parses the ticker', () => {
    const market = marketInfoFromWire(
      {
        ticker: 'INXD-23SEP14-B4487',
        event_ticker: 'INXD-23SEP14',
        status: 'active',
        strike_type: 'greater',
        floor_strike: 4487,
        price_level_structure: 'tapered_deci_cent',
        price_ranges: PRICE_LEVEL_STRUCTURES.tapered_deci_cent,
      },
      'INXD',
    );
    expect(market).toMatchObject({
      strikeType: 'greater',
      floorStrike: 4487,
      capStrike: undefined,
      grid: PriceGrid.of(PRICE_LEVEL_STRUCTURES.tapered_deci_cent),
    });
    expect(market.grid.isValid(30)).toBe(true);
  });

  it('rejects what it cannot map exactly, with the reason', () => {
    expect(() =>
      marketInfoFromWire({ ticker: 'X', event_ticker: 'E', status: 'open' }, 'S'),
    ).toThrow(CatalogMappingError);
    expect(() =>
      marketInfoFromWire(
        {
          ticker: 'X',
          event_ticker: 'E',
          status: 'active',
          price_level_structure: 'center_deci_edge_centi_cent',
        },
        'S',
      ),
    ).toThrow(/unknown price_level_structure/);
    expect(() => seriesInfoFromWire({ ticker: 'S', fee_type: 'percent' })).toThrow(
      /unknown fee_type/,
    );
    expect(() =>
      seriesInfoFromWire({ ticker: 'S', fee_type: 'quadratic', fee_multiplier: 0.00001 }),
    ).toThrow(/finer than 0.0001/);
  });
});

describe('CatalogLoader', () => {
  const filter: TrackingFilter = {
    seriesTickers: [],
    eventTickers: [],
    categories: [],
    status: 'open',
    maxMarkets: 100,
  };

  /** A REST client over a scripted fetch: path -> body. */
  function restWith(routes: Record<string, unknown>, seen: string[] = []) {
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      );
      seen.push(url.pathname + url.search);
      const route = routes[url.pathname];
      const body = typeof route === 'function' ? (route as (url: URL) => unknown)(url) : route;
      return body === undefined
        ? new Response('{"error":{"code":"not_found","message":"nope"}}', { status: 404 })
        : new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    return new KalshiRestClient({ baseUrl: 'http://sim/trade-api/v2', fetch: fakeFetch });
  }

  const marketWire = (strike: number, status = 'active') => ({
    ticker: `KXHIGHNY-26OCT01-T${strike}`,
    event_ticker: 'KXHIGHNY-26OCT01',
    status,
    strike_type: 'greater',
    floor_strike: strike,
    price_ranges: PRICE_LEVEL_STRUCTURES.linear_cent,
  });

  it('loads open events with their nested markets and the series fee schedules, following cursors', async () => {
    const seen: string[] = [];
    const pages: Record<string, unknown> = {
      '': {
        events: [
          {
            event_ticker: 'KXHIGHNY-26OCT01',
            series_ticker: 'KXHIGHNY',
            mutually_exclusive: false,
            markets: [marketWire(61), marketWire(63, 'closed')],
          },
        ],
        cursor: 'next',
      },
      next: {
        events: [
          {
            event_ticker: 'KXHIGHCHI-26OCT02',
            series_ticker: 'KXHIGHCHI',
            mutually_exclusive: false,
            markets: [
              {
                ...marketWire(65),
                event_ticker: 'KXHIGHCHI-26OCT02',
                ticker: 'KXHIGHCHI-26OCT02-T65',
              },
            ],
          },
        ],
        cursor: '',
      },
    };
    const rest = restWith(
      {
        '/trade-api/v2/events': (url: URL) => pages[url.searchParams.get('cursor') ?? ''],
        '/trade-api/v2/series': {
          series: [
            {
              ticker: 'KXHIGHNY',
              title: 'NYC',
              category: 'Climate',
              fee_type: 'quadratic',
              fee_multiplier: 1,
            },
            {
              ticker: 'KXHIGHCHI',
              title: 'Chicago',
              category: 'Climate',
              fee_type: 'quadratic_with_maker_fees',
              fee_multiplier: 0.5,
            },
            {
              ticker: 'KXOTHER',
              title: 'not tracked',
              category: 'Sports',
              fee_type: 'quadratic',
              fee_multiplier: 1,
            },
          ],
        },
      },
      seen,
    );
    const content = await new CatalogLoader(rest, filter).load();
    expect(content.markets.map((m) => m.ticker)).toEqual([
      'KXHIGHNY-26OCT01-T61',
      'KXHIGHCHI-26OCT02-T65',
    ]);
    expect(content.events.map((e) => e.eventTicker)).toEqual([
      'KXHIGHNY-26OCT01',
      'KXHIGHCHI-26OCT02',
    ]);
    expect(content.series.map((x) => [x.ticker, x.fees.feeType, x.fees.multiplierE4])).toEqual([
      ['KXHIGHNY', 'quadratic', 10_000],
      ['KXHIGHCHI', 'quadratic_with_maker_fees', 5_000],
    ]);
    expect(seen.filter((s) => s.startsWith('/trade-api/v2/events'))).toEqual([
      '/trade-api/v2/events?status=open&limit=200&with_nested_markets=true',
      '/trade-api/v2/events?status=open&limit=200&cursor=next&with_nested_markets=true',
    ]);
  });

  it('leaves out events whose series it cannot read: no fee is ever guessed', async () => {
    const rest = restWith({
      '/trade-api/v2/events': {
        events: [
          {
            event_ticker: 'KXHIGHNY-26OCT01',
            series_ticker: 'KXHIGHNY',
            markets: [marketWire(61)],
          },
        ],
        cursor: '',
      },
    });
    const content = await new CatalogLoader(rest, filter).load();
    expect(content).toEqual({ series: [], events: [], markets: [] });
  });

  it('loads named events only when MARKET_EVENTS is set, and respects MARKET_LIMIT', async () => {
    const seen: string[] = [];
    const rest = restWith(
      {
        '/trade-api/v2/events/KXHIGHNY-26OCT01': {
          event: {
            event_ticker: 'KXHIGHNY-26OCT01',
            series_ticker: 'KXHIGHNY',
            markets: [marketWire(61), marketWire(63), marketWire(65)],
          },
        },
        '/trade-api/v2/series/KXHIGHNY': {
          series: { ticker: 'KXHIGHNY', fee_type: 'quadratic', fee_multiplier: 1 },
        },
      },
      seen,
    );
    const content = await new CatalogLoader(rest, {
      ...filter,
      eventTickers: ['KXHIGHNY-26OCT01'],
      maxMarkets: 2,
    }).load();
    expect(content.markets.map((m) => m.floorStrike)).toEqual([61, 63]);
    expect(seen.some((s) => s.startsWith('/trade-api/v2/events?'))).toBe(false);
  });
});
