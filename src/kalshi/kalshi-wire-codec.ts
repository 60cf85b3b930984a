import {
  formatCountE2,
  formatPriceE4,
  parseCountE2,
  parseDollarsE6,
  FixedPointError,
  requireCountE2,
  requirePriceE4,
} from './fixed-point';
import type { OrderBookWire } from './wire/market.wire';
import type {
  BookSideWire,
  CreateOrderV2RequestWire,
  CreateOrderV2ResponseWire,
  SelfTradePreventionWire,
  TimeInForceWire,
} from './wire/order.wire';

/** One bid level in exact integers: price in $0.0001, size in 0.01 contract. */
export type LevelE4 = readonly [priceE4: number, sizeE2: number];

/** A REST order book as integers; NO bids keep their NO price (the caller decides on YES-equivalents). */
export interface ParsedOrderBook {
  readonly yes: LevelE4[];
  readonly no: LevelE4[];
}

/** Parses `orderbook_fp` levels; any bad level is an error naming it (a book is never half-read). */
export function parseOrderBookWire(wire: OrderBookWire): ParsedOrderBook {
  const book = wire?.orderbook_fp;
  if (typeof book !== 'object' || book === null)
    throw new FixedPointError('orderbook_fp is missing');
  return {
    yes: parseLevels(book.yes_dollars, 'yes_dollars'),
    no: parseLevels(book.no_dollars, 'no_dollars'),
  };
}

export function parseLevels(levels: unknown, field: string): LevelE4[] {
  if (levels === undefined || levels === null) return [];
  if (!Array.isArray(levels))
    throw new FixedPointError(`${field} must be an array of [price, count] pairs`);
  return levels.map((level: unknown, index) => {
    if (!Array.isArray(level) || level.length !== 2)
      throw new FixedPointError(`${field}[${index}] must be a [price, count] pair`);
    return [
      requirePriceE4(level[0], `${field}[${index}] price`),
      requireCountE2(level[1], `${field}[${index}] count`),
    ] as const;
  });
}

export interface OrderIntent {
  readonly ticker: string;
  /** bid = buy YES at `priceE4`; ask = buy NO at 1 - `priceE4` (PROTOCOL.md §4.3 direction mapping). */
  readonly side: BookSideWire;
  /** The YES-leg price. */
  readonly priceE4: number;
  readonly countE2: number;
  readonly timeInForce: TimeInForceWire;
  readonly clientOrderId?: string;
  readonly selfTradePrevention?: SelfTradePreventionWire;
  readonly postOnly?: boolean;
  readonly reduceOnly?: boolean;
  readonly expirationTimeS?: number;
}

export function toCreateOrderWire(intent: OrderIntent): CreateOrderV2RequestWire {
  if (!Number.isInteger(intent.priceE4) || intent.priceE4 <= 0 || intent.priceE4 >= 10_000)
    throw new FixedPointError(
      `order price ${intent.priceE4} is not strictly between $0 and $1 in $0.0001`,
    );
  if (!Number.isInteger(intent.countE2) || intent.countE2 <= 0)
    throw new FixedPointError(
      `order count ${intent.countE2} must be a positive number of 0.01 contracts`,
    );
  return {
    ticker: intent.ticker,
    side: intent.side,
    price: formatPriceE4(intent.priceE4),
    count: formatCountE2(intent.countE2),
    time_in_force: intent.timeInForce,
    self_trade_prevention_type: intent.selfTradePrevention ?? 'taker_at_cross',
    ...(intent.clientOrderId !== undefined && { client_order_id: intent.clientOrderId }),
    ...(intent.postOnly !== undefined && { post_only: intent.postOnly }),
    ...(intent.reduceOnly !== undefined && { reduce_only: intent.reduceOnly }),
    ...(intent.expirationTimeS !== undefined && { expiration_time: intent.expirationTimeS }),
  };
}

export interface OrderResult {
  readonly orderId: string;
  readonly clientOrderId?: string;
  readonly fillCountE2: number;
  readonly remainingCountE2: number;
  /** Averages can be finer than $0.0001: money units. */
  readonly averageFillPriceE6?: number;
  readonly averageFeePaidE6?: number;
  readonly tsMs: number;
}

export function parseOrderResult(wire: CreateOrderV2ResponseWire): OrderResult {
  const fillCountE2 = parseCountE2(wire.fill_count);
  const remainingCountE2 = parseCountE2(wire.remaining_count);
  if (Number.isNaN(fillCountE2) || Number.isNaN(remainingCountE2))
    throw new FixedPointError(
      `order ${wire.order_id}: bad fill_count ${JSON.stringify(wire.fill_count)} or remaining_count ${JSON.stringify(wire.remaining_count)}`,
    );
  const optionalMoney = (text: string | undefined, field: string): number | undefined => {
    if (text === undefined || text === null) return undefined;
    const value = parseDollarsE6(text);
    if (Number.isNaN(value))
      throw new FixedPointError(`order ${wire.order_id}: bad ${field} ${JSON.stringify(text)}`);
    return value;
  };
  return {
    orderId: wire.order_id,
    clientOrderId: wire.client_order_id,
    fillCountE2,
    remainingCountE2,
    averageFillPriceE6: optionalMoney(wire.average_fill_price, 'average_fill_price'),
    averageFeePaidE6: optionalMoney(wire.average_fee_paid, 'average_fee_paid'),
    tsMs: wire.ts_ms,
  };
}

/** A YES-equivalent price for a NO-side level: Kalshi sends NO bids at the NO price unless use_yes_price. */
export function yesEquivalentE4(side: 'yes' | 'no', priceE4: number, useYesPrice: boolean): number {
  return side === 'no' && !useYesPrice ? 10_000 - priceE4 : priceE4;
}
