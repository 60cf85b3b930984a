import type { SimAccount, SimPosition } from '../engine/account-ledger';
import {
  balanceWire,
  eventPositionWire,
  fillWire,
  orderWire,
  positionWire,
  settlementWire,
} from '../engine/portfolio-wire';
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

/** Signed reads of the account: balance, positions, orders, fills, settlements, API limits. */
export function portfolioRoutes(exchange: SimExchange): Route[] {
  const route = (
    template: string,
    handler: (ctx: RouteContext, account: SimAccount) => ReturnType<Route['handler']>,
  ): Route => ({
    method: 'GET',
    pattern: path(template),
    access: 'private',
    bucket: 'read',
    handler: (ctx) => handler(ctx, ctx.account!),
  });
  return [
    route('/portfolio/balance', (_ctx, account) =>
      json(200, balanceWire(account, exchange.portfolioValueE6(account))),
    ),
    route('/portfolio/positions', (ctx, account) => listPositions(ctx, account)),
    route('/portfolio/orders', (ctx, account) => {
      const status = ctx.query.get('status');
      if (status !== null && !['resting', 'canceled', 'executed'].includes(status)) {
        return apiError(400, 'invalid_parameters', 'status must be resting, canceled or executed');
      }
      const tickers = listParam(ctx.query, 'ticker');
      const events = listParam(ctx.query, 'event_ticker');
      const window = timeWindow(ctx);
      const orders = account.orders
        .filter(
          (o) =>
            (!status || o.status === status) &&
            (!tickers || tickers.includes(o.market.ticker)) &&
            (!events || events.includes(o.market.event.eventTicker)) &&
            o.createdMs >= window.min &&
            o.createdMs <= window.max,
        )
        .reverse();
      const paged = paginate(orders, ctx.query, 100, 1000);
      if (isResponse(paged)) return paged;
      return json(200, { orders: paged.page.map(orderWire), cursor: paged.cursor });
    }),
    route('/portfolio/orders/:id', (ctx, account) => {
      const order = account.ordersById.get(ctx.params.id);
      return order
        ? json(200, { order: orderWire(order) })
        : apiError(404, 'not_found', `no order ${ctx.params.id}`);
    }),
    route('/portfolio/fills', (ctx, account) => {
      const ticker = ctx.query.get('ticker');
      const orderId = ctx.query.get('order_id');
      const window = timeWindow(ctx);
      const fills = account.fills
        .filter(
          (f) =>
            (!ticker || f.order.market.ticker === ticker) &&
            (!orderId || f.order.id === orderId) &&
            f.createdMs >= window.min &&
            f.createdMs <= window.max,
        )
        .reverse();
      const paged = paginate(fills, ctx.query, 100, 1000);
      if (isResponse(paged)) return paged;
      return json(200, { fills: paged.page.map(fillWire), cursor: paged.cursor });
    }),
    route('/portfolio/settlements', (ctx, account) => {
      const ticker = ctx.query.get('ticker');
      const eventTicker = ctx.query.get('event_ticker');
      const settlements = account.settlements
        .filter(
          (s) =>
            (!ticker || s.market.ticker === ticker) &&
            (!eventTicker || s.market.event.eventTicker === eventTicker),
        )
        .reverse();
      const paged = paginate(settlements, ctx.query, 100, 1000);
      if (isResponse(paged)) return paged;
      return json(200, { settlements: paged.page.map(settlementWire), cursor: paged.cursor });
    }),
    route('/account/limits', () => {
      const limits = exchange.rateLimiter?.limits() ?? {
        usage_tier: 'unlimited',
        read: { refill_rate: 1_000_000, bucket_capacity: 1_000_000 },
        write: { refill_rate: 1_000_000, bucket_capacity: 1_000_000 },
      };
      // 3.13 fields (requests per second) beside the 3.30 token buckets.
      return json(200, {
        ...limits,
        read_limit: Math.floor(limits.read.refill_rate / 10),
        write_limit: Math.floor(limits.write.refill_rate / 10),
        grants: [],
      });
    }),
  ];
}

function listPositions(ctx: RouteContext, account: SimAccount) {
  const ticker = ctx.query.get('ticker');
  const eventTicker = ctx.query.get('event_ticker');
  const countFilter = listParam(ctx.query, 'count_filter') ?? [];
  const open: SimPosition[] = [];
  for (const position of account.positions.values()) {
    if (position.settled) continue;
    if (ticker && position.market.ticker !== ticker) continue;
    if (eventTicker && position.market.event.eventTicker !== eventTicker) continue;
    if (countFilter.includes('position') && position.positionE2 === 0) continue;
    if (countFilter.includes('total_traded') && position.volumeE2 === 0) continue;
    open.push(position);
  }
  const paged = paginate(open, ctx.query, 100, 1000);
  if (isResponse(paged)) return paged;
  const byEvent = new Map<string, SimPosition[]>();
  for (const position of paged.page) {
    const key = position.market.event.eventTicker;
    byEvent.set(key, [...(byEvent.get(key) ?? []), position]);
  }
  return json(200, {
    market_positions: paged.page.map((p) => positionWire(p, account)),
    event_positions: [...byEvent].map(([event, positions]) => eventPositionWire(event, positions)),
    cursor: paged.cursor,
  });
}

/** `min_ts` / `max_ts` filters, Unix seconds. */
function timeWindow(ctx: RouteContext): { min: number; max: number } {
  const min = Number(ctx.query.get('min_ts') ?? 0) * 1000;
  const max =
    ctx.query.get('max_ts') === null
      ? Number.MAX_SAFE_INTEGER
      : Number(ctx.query.get('max_ts')) * 1000;
  return {
    min: Number.isFinite(min) ? min : 0,
    max: Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER,
  };
}
