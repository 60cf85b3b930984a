import { setTimeout as sleep } from 'node:timers/promises';
import { parseCountE2 } from '../../kalshi/fixed-point';
import type { SimAccount } from '../engine/account-ledger';
import type { EngineError } from '../engine/engine-events';
import { orderV2Wire, fillAverages } from '../engine/portfolio-wire';
import type { SimOrder } from '../engine/sim-order';
import { countString } from '../common/wire-strings';
import { DEFAULT_REQUEST_COST } from '../exchange/rate-limiter';
import type { SimExchange } from '../exchange/sim-exchange';
import {
  apiError,
  json,
  path,
  type Route,
  type RouteContext,
  type RouteResponse,
} from './http-kit';
import {
  findMarket,
  parseCountField,
  parseCreateOrderV2,
  parsePriceField,
  parseSide,
} from './order-request-parser';

const BASE = '/portfolio/events/orders';

/** The V2 order endpoints (PROTOCOL.md §4.3): create, cancel, cancel-all, batches, amend, decrease. */
export function orderRoutes(exchange: SimExchange): Route[] {
  const itemsCost = (ctx: RouteContext) => {
    const orders = (ctx.body as { orders?: unknown } | undefined)?.orders;
    return DEFAULT_REQUEST_COST * Math.max(1, Array.isArray(orders) ? orders.length : 1);
  };
  const route = (
    method: Route['method'],
    template: string,
    handler: (ctx: RouteContext, account: SimAccount) => Promise<RouteResponse>,
    cost?: Route['cost'],
  ): Route => ({
    method,
    pattern: path(template),
    access: 'private',
    bucket: 'write',
    cost,
    handler: async (ctx) => {
      const delay = exchange.faults.state.orderDelayMs;
      if (delay > 0) await sleep(delay);
      return handler(ctx, ctx.account!);
    },
  });
  const maxBatch = () =>
    exchange.rateLimiter
      ? Math.max(
          1,
          Math.floor(exchange.rateLimiter.limits().write.bucket_capacity / DEFAULT_REQUEST_COST),
        )
      : 1_000;
  return [
    route('POST', BASE, async (ctx, account) => {
      const result = create(exchange, ctx.body, account);
      return 'error' in result ? errorResponse(result.error) : json(201, result.body);
    }),
    route('DELETE', BASE, async (_ctx, account) => {
      exchange.engine.cancelAll(account);
      return { status: 204 };
    }),
    route(
      'POST',
      `${BASE}/batched`,
      async (ctx, account) => {
        const orders = batchItems(ctx.body, maxBatch());
        if (typeof orders === 'string') return apiError(400, 'invalid_parameters', orders);
        const results = orders.map((item) => {
          const result = create(exchange, item, account);
          if (!('error' in result)) return result.body;
          const clientOrderId = (item as { client_order_id?: unknown } | null)?.client_order_id;
          return {
            ...(typeof clientOrderId === 'string' ? { client_order_id: clientOrderId } : {}),
            error: { code: result.error.code, message: result.error.message },
          };
        });
        return json(201, { orders: results });
      },
      itemsCost,
    ),
    route(
      'DELETE',
      `${BASE}/batched`,
      async (ctx, account) => {
        const body = ctx.body as { orders?: unknown; ids?: unknown } | undefined;
        const items = Array.isArray(body?.ids)
          ? body.ids.map((id) => ({ order_id: id }))
          : body?.orders;
        const orders = batchItems({ orders: items }, maxBatch());
        if (typeof orders === 'string') return apiError(400, 'invalid_parameters', orders);
        const now = exchange.clock.nowMs();
        const results = orders.map((item) => {
          const orderId = (item as { order_id?: unknown } | null)?.order_id;
          const order = typeof orderId === 'string' ? account.ordersById.get(orderId) : undefined;
          if (!order)
            return {
              order_id: String(orderId),
              reduced_by: '0.00',
              error: { code: 'not_found', message: 'order not found' },
            };
          if (order.status !== 'resting')
            return {
              order_id: order.id,
              reduced_by: '0.00',
              error: { code: 'invalid_order', message: 'order is not resting' },
            };
          return cancelWire(order, exchange.engine.cancel(order), now);
        });
        return json(200, { orders: results });
      },
      itemsCost,
    ),
    route('DELETE', `${BASE}/:id`, async (ctx, account) => {
      const order = account.ordersById.get(ctx.params.id);
      if (!order) return apiError(404, 'not_found', `no order ${ctx.params.id}`);
      if (order.status !== 'resting')
        return apiError(400, 'invalid_order', `order is ${order.status}, not resting`);
      return json(200, cancelWire(order, exchange.engine.cancel(order), exchange.clock.nowMs()));
    }),
    route('POST', `${BASE}/:id/amend`, async (ctx, account) => amend(exchange, ctx, account)),
    route('POST', `${BASE}/:id/decrease`, async (ctx, account) => decrease(exchange, ctx, account)),
  ];
}

function create(
  exchange: SimExchange,
  body: unknown,
  account: SimAccount,
): { body: Record<string, unknown> } | { error: EngineError } {
  const parsed = parseCreateOrderV2(body, exchange.catalog, account);
  if (!parsed.ok) return { error: parsed };
  const rejection = exchange.faults.takeOrderRejection();
  if (rejection)
    return {
      error: {
        status: rejection.status,
        code: rejection.code,
        message: 'order rejected by fault injection',
      },
    };
  const command = parsed.value;
  const result = exchange.engine.place({
    ...command,
    maxFillE2: exchange.faults.takeFillCap(command.countE2),
  });
  if (!result.ok) return { error: result.error };
  return { body: orderV2Wire(result.value, exchange.clock.nowMs()) };
}

function amend(exchange: SimExchange, ctx: RouteContext, account: SimAccount): RouteResponse {
  const order = account.ordersById.get(ctx.params.id);
  if (!order) return apiError(404, 'not_found', `no order ${ctx.params.id}`);
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const market = findMarket(exchange.catalog, body.ticker);
  if (!market.ok) return apiError(market.status, market.code, market.message);
  const side = parseSide(body.side);
  if (!side.ok) return apiError(side.status, side.code, side.message);
  if (market.value !== order.market || side.value !== order.side) {
    return apiError(400, 'invalid_order', 'ticker and side must match the order');
  }
  const price = parsePriceField(body.price, 'price');
  if (!price.ok) return apiError(price.status, price.code, price.message);
  const count = parseCountField(body.count, 'count');
  if (!count.ok) return apiError(count.status, count.code, count.message);
  if (
    body.updated_client_order_id !== undefined &&
    typeof body.updated_client_order_id !== 'string'
  ) {
    return apiError(400, 'invalid_parameters', 'updated_client_order_id must be a string');
  }
  const result = exchange.engine.amend(order, {
    priceE4: price.value,
    countE2: count.value,
    updatedClientOrderId: body.updated_client_order_id,
  });
  if (!result.ok) return errorResponse(result.error);
  return json(200, {
    order_id: order.id,
    ...(order.clientOrderId !== '' ? { client_order_id: order.clientOrderId } : {}),
    remaining_count: countString(order.remainingE2),
    fill_count: countString(order.filledE2),
    ...fillAverages(order),
    ts_ms: exchange.clock.nowMs(),
  });
}

function decrease(exchange: SimExchange, ctx: RouteContext, account: SimAccount): RouteResponse {
  const order = account.ordersById.get(ctx.params.id);
  if (!order) return apiError(404, 'not_found', `no order ${ctx.params.id}`);
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if ((body.reduce_by === undefined) === (body.reduce_to === undefined)) {
    return apiError(
      400,
      'invalid_parameters',
      'exactly one of reduce_by and reduce_to is required',
    );
  }
  let target: number;
  if (body.reduce_by !== undefined) {
    const by = parseCountField(body.reduce_by, 'reduce_by');
    if (!by.ok) return apiError(by.status, by.code, by.message);
    target = Math.max(0, order.remainingE2 - by.value);
  } else {
    const to = typeof body.reduce_to === 'string' ? parseCountE2(body.reduce_to) : Number.NaN;
    if (Number.isNaN(to))
      return apiError(
        400,
        'invalid_parameters',
        'reduce_to must be a fixed-point count string like "5.00"',
      );
    target = to;
  }
  const result = exchange.engine.decrease(order, target);
  if (!result.ok) return errorResponse(result.error);
  return json(200, {
    order_id: order.id,
    ...(order.clientOrderId !== '' ? { client_order_id: order.clientOrderId } : {}),
    remaining_count: countString(order.remainingE2),
    ts_ms: exchange.clock.nowMs(),
  });
}

function cancelWire(order: SimOrder, reducedE2: number, nowMs: number): Record<string, unknown> {
  return {
    order_id: order.id,
    ...(order.clientOrderId !== '' ? { client_order_id: order.clientOrderId } : {}),
    reduced_by: countString(reducedE2),
    ts_ms: nowMs,
  };
}

function batchItems(body: unknown, max: number): unknown[] | string {
  const orders = (body as { orders?: unknown } | undefined)?.orders;
  if (!Array.isArray(orders) || orders.length === 0) return 'orders must be a non-empty array';
  if (orders.length > max) return `at most ${max} orders per batch at this usage tier`;
  return orders;
}

function errorResponse(error: EngineError): RouteResponse {
  return apiError(error.status, error.code, error.message);
}
