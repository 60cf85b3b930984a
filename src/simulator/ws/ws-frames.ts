import { formatDollarsE6, formatDollarsE6As4, ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { SimMarket } from '../catalog/sim-catalog';
import { isoTime } from '../common/sim-clock';
import { countString, priceString, signedCountString } from '../common/wire-strings';
import type { SimAccount, SimFill, SimPosition } from '../engine/account-ledger';
import type { SimTrade } from '../engine/engine-events';
import { outcomeOf, type OrderSide, type SimOrder } from '../engine/sim-order';

/** What frame building needs of a subscription: its id, its sequence counter and its price convention. */
export interface FrameTarget {
  readonly sid: number;
  seq: number;
  readonly useYesPrice: boolean;
}

/** `{"market_ticker":"T","market_id":"U",` — cached per market, the head of every book message body. */
const marketHeads = new WeakMap<SimMarket, string>();

export function marketHead(market: SimMarket): string {
  let head = marketHeads.get(market);
  if (head === undefined) {
    head = `{"market_ticker":${JSON.stringify(market.ticker)},"market_id":"${market.marketId}",`;
    marketHeads.set(market, head);
  }
  return head;
}

/**
 * The `msg` object of an `orderbook_delta`: NO-side levels in NO-leg prices unless `useYesPrice`
 * (PROTOCOL.md §6.5). `clientOrderId` only for the subscriber whose own order caused the change.
 */
export function deltaBody(
  market: SimMarket,
  side: OrderSide,
  yesPriceE4: number,
  deltaE2: number,
  tsMs: number,
  useYesPrice: boolean,
  clientOrderId?: string,
  subaccount?: number,
): string {
  const isYes = side === 'bid';
  const price = isYes || useYesPrice ? yesPriceE4 : ONE_DOLLAR - yesPriceE4;
  const own = clientOrderId
    ? `,"client_order_id":${JSON.stringify(clientOrderId)},"subaccount":${subaccount ?? 0}`
    : '';
  return (
    `${marketHead(market)}"price_dollars":"${priceString(price)}","delta_fp":"${signedCountString(deltaE2)}",` +
    `"side":"${isYes ? 'yes' : 'no'}","ts_ms":${tsMs}${own}}`
  );
}

/** A sequenced data frame: takes the next `seq` of the target (or skips one when told to). */
export function sequencedFrame(
  type: string,
  target: FrameTarget,
  body: string,
  skip = false,
): string {
  target.seq += skip ? 2 : 1;
  return `{"type":"${type}","sid":${target.sid},"seq":${target.seq},"msg":${body}}`;
}

export function unsequencedFrame(type: string, sid: number, body: string): string {
  return `{"type":"${type}","sid":${sid},"msg":${body}}`;
}

/** `orderbook_snapshot`: both bid sides ascending by reported price; an empty side is left out. */
export function snapshotFrame(market: SimMarket, target: FrameTarget, id?: number): string {
  const book = market.book;
  const prices = market.grid.prices;
  const yes: string[] = [];
  for (const level of book.bids.levelsFromBest()) {
    yes.push(`["${priceString(prices[level])}","${countString(book.bids.sizes[level])}"]`);
  }
  yes.reverse();
  const no: string[] = [];
  for (const level of book.asks.levelsFromBest()) {
    const price = target.useYesPrice ? prices[level] : ONE_DOLLAR - prices[level];
    no.push(`["${priceString(price)}","${countString(book.asks.sizes[level])}"]`);
  }
  if (!target.useYesPrice) no.reverse();
  let body = marketHead(market).slice(0, -1);
  if (yes.length > 0) body += `,"yes_dollars_fp":[${yes.join(',')}]`;
  if (no.length > 0) body += `,"no_dollars_fp":[${no.join(',')}]`;
  body += '}';
  target.seq += 1;
  const idPart = id ? `"id":${id},` : '';
  return `{"type":"orderbook_snapshot",${idPart}"sid":${target.sid},"seq":${target.seq},"msg":${body}}`;
}

export function tickerBody(market: SimMarket, tsMs: number): string {
  const book = market.book;
  const stats = market.stats;
  return JSON.stringify({
    market_ticker: market.ticker,
    market_id: market.marketId,
    price_dollars: priceString(stats.lastPriceE4),
    yes_bid_dollars: priceString(book.bestBidE4()),
    yes_ask_dollars: priceString(book.bestAskE4() || ONE_DOLLAR),
    yes_bid_size_fp: countString(book.bestBidSizeE2()),
    yes_ask_size_fp: countString(book.bestAskSizeE2()),
    last_trade_size_fp: countString(stats.lastTradeSizeE2),
    volume_fp: countString(stats.volumeE2),
    open_interest_fp: countString(stats.openInterestE2),
    dollar_volume: Math.floor(stats.dollarVolumeE6 / 1_000_000),
    dollar_open_interest: Math.floor(stats.openInterestE2 / 100),
    ts: Math.floor(tsMs / 1000),
    ts_ms: tsMs,
    time: isoTime(tsMs),
  });
}

export function tradeBody(trade: SimTrade): string {
  const outcome = outcomeOf(trade.takerSide);
  return JSON.stringify({
    trade_id: trade.tradeId,
    market_ticker: trade.market.ticker,
    yes_price_dollars: priceString(trade.yesPriceE4),
    no_price_dollars: priceString(ONE_DOLLAR - trade.yesPriceE4),
    count_fp: countString(trade.countE2),
    taker_side: outcome,
    taker_outcome_side: outcome,
    taker_book_side: trade.takerSide,
    is_block_trade: false,
    ts: Math.floor(trade.createdMs / 1000),
    ts_ms: trade.createdMs,
  });
}

export function fillBody(fill: SimFill): string {
  const outcome = outcomeOf(fill.side);
  const order = fill.order;
  return JSON.stringify({
    trade_id: fill.tradeId,
    order_id: order.id,
    ...(order.clientOrderId !== '' ? { client_order_id: order.clientOrderId } : {}),
    market_ticker: order.market.ticker,
    exchange_index: 0,
    is_taker: fill.isTaker,
    outcome_side: outcome,
    book_side: fill.side,
    side: outcome,
    action: 'buy',
    purchased_side: outcome,
    yes_price_dollars: priceString(fill.yesPriceE4),
    count_fp: countString(fill.countE2),
    fee_cost: formatDollarsE6(fill.feeE6),
    post_position_fp: signedCountString(fill.postPositionE2),
    ts: Math.floor(fill.createdMs / 1000),
    ts_ms: fill.createdMs,
    subaccount: order.subaccount,
  });
}

export function userOrderBody(order: SimOrder): string {
  const outcome = outcomeOf(order.side);
  const body: Record<string, unknown> = {
    order_id: order.id,
    user_id: order.account?.userId ?? '',
    ticker: order.market.ticker,
    exchange_index: 0,
    status: order.status,
    outcome_side: outcome,
    book_side: order.side,
    side: outcome,
    is_yes: outcome === 'yes',
    yes_price_dollars: priceString(order.priceE4),
    fill_count_fp: countString(order.filledE2),
    remaining_count_fp: countString(order.remainingE2),
    initial_count_fp: countString(order.initialE2),
    taker_fill_cost_dollars: formatDollarsE6(order.takerFillCostE6),
    maker_fill_cost_dollars: formatDollarsE6(order.makerFillCostE6),
    taker_fees_dollars: formatDollarsE6(order.takerFeesE6),
    maker_fees_dollars: formatDollarsE6(order.makerFeesE6),
    client_order_id: order.clientOrderId,
    self_trade_prevention_type: order.selfTradePrevention,
    created_time: isoTime(order.createdMs),
    last_update_time: isoTime(order.updatedMs),
    created_ts_ms: order.createdMs,
    last_updated_ts_ms: order.updatedMs,
    subaccount_number: order.subaccount,
  };
  if (order.lastUpdateReason) body.last_update_reason = order.lastUpdateReason;
  if (order.orderGroupId) body.order_group_id = order.orderGroupId;
  if (order.expirationMs > 0) {
    body.expiration_time = isoTime(order.expirationMs);
    body.expiration_ts_ms = order.expirationMs;
  }
  return JSON.stringify(body);
}

export function positionBody(account: SimAccount, position: SimPosition): string {
  return JSON.stringify({
    user_id: account.userId,
    market_ticker: position.market.ticker,
    position_fp: signedCountString(position.positionE2),
    position_cost_dollars: formatDollarsE6As4(position.costBasisE6),
    realized_pnl_dollars: formatDollarsE6As4(position.realizedPnlE6),
    fees_paid_dollars: formatDollarsE6As4(position.feesPaidE6),
    position_fee_cost_dollars: formatDollarsE6As4(position.feesPaidE6),
    volume_fp: countString(position.volumeE2),
    subaccount: 0,
  });
}
