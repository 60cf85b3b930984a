import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { MarketStatus } from '../../market-data/catalog/catalog.types';
import { eventWire, marketWire, orderbookWire, seriesWire } from '../catalog/catalog-wire';
import type { SimEvent, SimMarket } from '../catalog/sim-catalog';
import { isoTime } from '../common/sim-clock';
import { countString, priceString } from '../common/wire-strings';
import { outcomeOf } from '../engine/sim-order';
import type { SimExchange } from '../exchange/sim-exchange';
import {
  apiError,
  isResponse,
  json,
  listParam,
  paginate,
  path,
  type Route,
  type RouteContext,
} from './http-kit';

/** The `status` filter of /markets (PROTOCOL.md §4.1) and the market statuses it matches. */
const MARKET_STATUS_FILTER: Record<string, readonly MarketStatus[]> = {
  unopened: ['initialized'],
  open: ['active'],
  paused: ['inactive'],
  closed: ['closed'],
  settled: ['determined', 'finalized'],
};

/** Public market data: exchange status, series, events, markets, order books, trades. */
export function marketRoutes(exchange: SimExchange): Route[] {
  const catalog = exchange.catalog;
  const route = (method: 'GET', template: string, handler: Route['handler']): Route => ({
    method,
    pattern: path(template),
    access: 'public',
    bucket: 'read',
    handler,
  });
  return [
    route('GET', '/exchange/status', () =>
      json(200, {
        exchange_active: true,
        trading_active: true,
        intra_exchange_transfers_active: false,
      }),
    ),
    route('GET', '/series', (ctx) => {
      const category = ctx.query.get('category');
      const series = catalog.series.filter((s) => !category || s.category === category);
      return json(200, { series: series.map((s) => seriesWire(s)) });
    }),
    route('GET', '/series/:ticker', (ctx) => {
      const series = catalog.seriesOf(ctx.params.ticker);
      return series
        ? json(200, { series: seriesWire(series) })
        : apiError(404, 'not_found', `no series ${ctx.params.ticker}`);
    }),
    route('GET', '/events', (ctx) => listEvents(exchange, ctx)),
    route('GET', '/events/:ticker', (ctx) => {
      const event = catalog.event(ctx.params.ticker);
      if (!event) return apiError(404, 'not_found', `no event ${ctx.params.ticker}`);
      const nested = ctx.query.get('with_nested_markets') === 'true';
      return json(200, { event: eventWire(event, nested), markets: event.markets.map(marketWire) });
    }),
    route('GET', '/markets', (ctx) => listMarkets(exchange, ctx)),
    route('GET', '/markets/trades', (ctx) => {
      const ticker = ctx.query.get('ticker');
      const trades = exchange.recentTrades
        .filter((t) => !ticker || t.market.ticker === ticker)
        .reverse();
      const paged = paginate(trades, ctx.query, 100, 1000);
      if (isResponse(paged)) return paged;
      return json(200, {
        trades: paged.page.map((t) => ({
          trade_id: t.tradeId,
          ticker: t.market.ticker,
          count_fp: countString(t.countE2),
          yes_price_dollars: priceString(t.yesPriceE4),
          no_price_dollars: priceString(ONE_DOLLAR - t.yesPriceE4),
          taker_side: outcomeOf(t.takerSide),
          taker_outcome_side: outcomeOf(t.takerSide),
          taker_book_side: t.takerSide,
          created_time: isoTime(t.createdMs),
          is_block_trade: false,
        })),
        cursor: paged.cursor,
      });
    }),
    route('GET', '/markets/orderbooks', (ctx) => {
      const tickers = listParam(ctx.query, 'tickers');
      if (!tickers || tickers.length === 0 || tickers.length > 100) {
        return apiError(400, 'invalid_parameters', 'tickers must name 1 to 100 markets');
      }
      const markets: SimMarket[] = [];
      for (const ticker of tickers) {
        const market = catalog.market(ticker);
        if (!market) return apiError(404, 'not_found', `no market ${ticker}`);
        markets.push(market);
      }
      return json(200, {
        orderbooks: markets.map((m) => ({ ticker: m.ticker, orderbook_fp: orderbookWire(m, 0) })),
      });
    }),
    route('GET', '/markets/:ticker', (ctx) => {
      const market = catalog.market(ctx.params.ticker);
      return market
        ? json(200, { market: marketWire(market) })
        : apiError(404, 'not_found', `no market ${ctx.params.ticker}`);
    }),
    route('GET', '/markets/:ticker/orderbook', (ctx) => {
      const market = catalog.market(ctx.params.ticker);
      if (!market) return apiError(404, 'not_found', `no market ${ctx.params.ticker}`);
      const depthText = ctx.query.get('depth');
      const depth = depthText === null ? 0 : Number(depthText);
      if (!Number.isInteger(depth) || depth > 100)
        return apiError(400, 'invalid_parameters', 'depth must be an integer of at most 100');
      return json(200, { orderbook_fp: orderbookWire(market, Math.max(0, depth)) });
    }),
  ];
}

function listMarkets(exchange: SimExchange, ctx: RouteContext) {
  const catalog = exchange.catalog;
  const statusText = ctx.query.get('status');
  const statuses = statusText === null ? null : MARKET_STATUS_FILTER[statusText];
  if (statuses === undefined) {
    return apiError(
      400,
      'invalid_parameters',
      `status must be one of ${Object.keys(MARKET_STATUS_FILTER).join(', ')}`,
    );
  }
  const eventTicker = ctx.query.get('event_ticker');
  const seriesTicker = ctx.query.get('series_ticker');
  const tickers = listParam(ctx.query, 'tickers');
  const tickerSet = tickers ? new Set(tickers) : null;
  const markets = catalog.markets.filter(
    (m) =>
      (!statuses || statuses.includes(m.status)) &&
      (!eventTicker || m.event.eventTicker === eventTicker) &&
      (!seriesTicker || m.event.series.ticker === seriesTicker) &&
      (!tickerSet || tickerSet.has(m.ticker)),
  );
  const paged = paginate(markets, ctx.query, 100, 1000);
  if (isResponse(paged)) return paged;
  return json(200, { markets: paged.page.map(marketWire), cursor: paged.cursor });
}

function eventStatus(event: SimEvent): string {
  if (event.markets.some((m) => m.status === 'active' || m.status === 'inactive')) return 'open';
  if (event.markets.every((m) => m.status === 'finalized' || m.status === 'determined'))
    return 'settled';
  return 'closed';
}

function listEvents(exchange: SimExchange, ctx: RouteContext) {
  const status = ctx.query.get('status');
  if (status !== null && !['unopened', 'open', 'closed', 'settled'].includes(status)) {
    return apiError(
      400,
      'invalid_parameters',
      'status must be one of unopened, open, closed, settled',
    );
  }
  const seriesTicker = ctx.query.get('series_ticker');
  const tickers = listParam(ctx.query, 'tickers');
  const events = exchange.catalog.events.filter(
    (e) =>
      (!status || eventStatus(e) === status) &&
      (!seriesTicker || e.series.ticker === seriesTicker) &&
      (!tickers || tickers.includes(e.eventTicker)),
  );
  const paged = paginate(events, ctx.query, 200, 200);
  if (isResponse(paged)) return paged;
  const nested = ctx.query.get('with_nested_markets') === 'true';
  return json(200, { events: paged.page.map((e) => eventWire(e, nested)), cursor: paged.cursor });
}
