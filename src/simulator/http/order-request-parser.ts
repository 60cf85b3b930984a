import { parseCountE2, parsePriceE4 } from '../../kalshi/fixed-point';
import type { SimCatalog, SimMarket } from '../catalog/sim-catalog';
import type { SimAccount } from '../engine/account-ledger';
import type { PlaceOrderCommand } from '../engine/matching-engine';
import {
  SELF_TRADE_PREVENTION,
  TIME_IN_FORCE,
  type OrderSide,
  type SelfTradePrevention,
  type TimeInForce,
} from '../engine/sim-order';

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

function bad(message: string, code = 'invalid_parameters', status = 400): Parsed<never> {
  return { ok: false, status, code, message };
}

type Body = Record<string, unknown>;

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `count`-style fixed-point strings: 0-2 decimals, positive. */
export function parseCountField(value: unknown, field: string): Parsed<number> {
  const count = typeof value === 'string' ? parseCountE2(value) : Number.NaN;
  if (!(count > 0)) return bad(`${field} must be a positive fixed-point count string like "10.00"`);
  return { ok: true, value: count };
}

/** Dollar price strings: up to 4 significant decimals, strictly between $0 and $1 (the grid is checked later). */
export function parsePriceField(value: unknown, field: string): Parsed<number> {
  const price = typeof value === 'string' ? parsePriceE4(value) : Number.NaN;
  if (Number.isNaN(price))
    return bad(`${field} must be a dollar string like "0.4200"`, 'invalid_price');
  return { ok: true, value: price };
}

function optionalBoolean(body: Body, field: string): Parsed<boolean | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'boolean') return bad(`${field} must be a boolean`);
  return { ok: true, value };
}

function optionalInteger(
  body: Body,
  field: string,
  min: number,
  max: number,
): Parsed<number | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return bad(`${field} must be an integer from ${min} to ${max}`);
  }
  return { ok: true, value };
}

export function parseSide(value: unknown): Parsed<OrderSide> {
  if (value !== 'bid' && value !== 'ask') return bad('side must be "bid" or "ask"');
  return { ok: true, value };
}

export function findMarket(
  catalog: SimCatalog,
  value: unknown,
  field = 'ticker',
): Parsed<SimMarket> {
  if (typeof value !== 'string' || value === '') return bad(`${field} is required`);
  const market = catalog.market(value);
  if (!market) return bad(`market ${value} not found`, 'market_not_found', 404);
  return { ok: true, value: market };
}

/** A `CreateOrderV2Request` (PROTOCOL.md §4.3) as a matching-engine command; every bad field is a 400. */
export function parseCreateOrderV2(
  body: unknown,
  catalog: SimCatalog,
  account: SimAccount,
): Parsed<PlaceOrderCommand> {
  if (!isBody(body)) return bad('request body must be a JSON object');
  const market = findMarket(catalog, body.ticker);
  if (!market.ok) return market;
  const side = parseSide(body.side);
  if (!side.ok) return side;
  const count = parseCountField(body.count, 'count');
  if (!count.ok) return count;
  const price = parsePriceField(body.price, 'price');
  if (!price.ok) return price;
  if (!TIME_IN_FORCE.includes(body.time_in_force as TimeInForce)) {
    return bad(`time_in_force must be one of ${TIME_IN_FORCE.join(', ')}`);
  }
  if (!SELF_TRADE_PREVENTION.includes(body.self_trade_prevention_type as SelfTradePrevention)) {
    return bad(`self_trade_prevention_type must be one of ${SELF_TRADE_PREVENTION.join(', ')}`);
  }
  if (
    body.client_order_id !== undefined &&
    (typeof body.client_order_id !== 'string' || body.client_order_id.length > 100)
  ) {
    return bad('client_order_id must be a string of at most 100 characters');
  }
  if (
    body.order_group_id !== undefined &&
    body.order_group_id !== null &&
    typeof body.order_group_id !== 'string'
  ) {
    return bad('order_group_id must be a string');
  }
  const expiration = optionalInteger(body, 'expiration_time', 1, 99_999_999_999);
  if (!expiration.ok) return expiration;
  const subaccount = optionalInteger(body, 'subaccount', 0, 63);
  if (!subaccount.ok) return subaccount;
  const exchangeIndex = optionalInteger(body, 'exchange_index', -1, 0);
  if (!exchangeIndex.ok) return exchangeIndex;
  const postOnly = optionalBoolean(body, 'post_only');
  if (!postOnly.ok) return postOnly;
  const reduceOnly = optionalBoolean(body, 'reduce_only');
  if (!reduceOnly.ok) return reduceOnly;
  const cancelOnPause = optionalBoolean(body, 'cancel_order_on_pause');
  if (!cancelOnPause.ok) return cancelOnPause;
  return {
    ok: true,
    value: {
      account,
      market: market.value,
      side: side.value,
      priceE4: price.value,
      countE2: count.value,
      timeInForce: body.time_in_force as TimeInForce,
      selfTradePrevention: body.self_trade_prevention_type as SelfTradePrevention,
      postOnly: postOnly.value,
      reduceOnly: reduceOnly.value,
      cancelOnPause: cancelOnPause.value,
      expirationMs: expiration.value === undefined ? 0 : expiration.value * 1000,
      clientOrderId: body.client_order_id,
      subaccount: subaccount.value,
      orderGroupId: body.order_group_id ?? null,
    },
  };
}
