import { formatDollarsE6, formatDollarsE6As4, ONE_DOLLAR } from '../../kalshi/fixed-point';
import { isoTime } from '../common/sim-clock';
import { countString, priceString, signedCountString } from '../common/wire-strings';
import type { SimAccount, SimFill, SimPosition, SimSettlement } from './account-ledger';
import { outcomeOf, type SimOrder } from './sim-order';

/** Kalshi's portfolio REST shapes; V1-era required fields (side, action) kept beside the V2 ones. */
export function orderWire(order: SimOrder): Record<string, unknown> {
  const outcome = outcomeOf(order.side);
  return {
    order_id: order.id,
    user_id: order.account?.userId ?? '',
    client_order_id: order.clientOrderId,
    ticker: order.market.ticker,
    side: outcome,
    action: 'buy',
    outcome_side: outcome,
    book_side: order.side,
    type: 'limit',
    status: order.status,
    yes_price_dollars: priceString(order.priceE4),
    no_price_dollars: priceString(ONE_DOLLAR - order.priceE4),
    fill_count_fp: countString(order.filledE2),
    remaining_count_fp: countString(order.remainingE2),
    initial_count_fp: countString(order.initialE2),
    taker_fill_cost_dollars: formatDollarsE6(order.takerFillCostE6),
    maker_fill_cost_dollars: formatDollarsE6(order.makerFillCostE6),
    taker_fees_dollars: formatDollarsE6(order.takerFeesE6),
    maker_fees_dollars: formatDollarsE6(order.makerFeesE6),
    expiration_time: order.expirationMs > 0 ? isoTime(order.expirationMs) : null,
    created_time: isoTime(order.createdMs),
    last_update_time: isoTime(order.updatedMs),
    self_trade_prevention_type: order.selfTradePrevention,
    order_group_id: order.orderGroupId,
    cancel_order_on_pause: order.cancelOnPause,
    subaccount_number: order.subaccount,
    exchange_index: 0,
  };
}

export function fillWire(fill: SimFill): Record<string, unknown> {
  const outcome = outcomeOf(fill.side);
  return {
    fill_id: fill.tradeId,
    trade_id: fill.tradeId,
    order_id: fill.order.id,
    ticker: fill.order.market.ticker,
    market_ticker: fill.order.market.ticker,
    side: outcome,
    action: 'buy',
    outcome_side: outcome,
    book_side: fill.side,
    count_fp: countString(fill.countE2),
    yes_price_dollars: priceString(fill.yesPriceE4),
    no_price_dollars: priceString(ONE_DOLLAR - fill.yesPriceE4),
    is_taker: fill.isTaker,
    created_time: isoTime(fill.createdMs),
    fee_cost: formatDollarsE6(fill.feeE6),
    subaccount_number: fill.order.subaccount,
    ts: Math.floor(fill.createdMs / 1000),
    exchange_index: 0,
  };
}

export function positionWire(position: SimPosition, account: SimAccount): Record<string, unknown> {
  let resting = 0;
  for (const order of account.resting) if (order.market === position.market) resting++;
  return {
    ticker: position.market.ticker,
    exchange_index: 0,
    total_traded_dollars: formatDollarsE6As4(position.totalTradedE6),
    position_fp: signedCountString(position.positionE2),
    market_exposure_dollars: formatDollarsE6As4(position.costBasisE6),
    realized_pnl_dollars: formatDollarsE6As4(position.realizedPnlE6),
    resting_orders_count: resting,
    fees_paid_dollars: formatDollarsE6As4(position.feesPaidE6),
    last_updated_ts: isoTime(position.updatedMs),
  };
}

export function eventPositionWire(
  eventTicker: string,
  positions: readonly SimPosition[],
): Record<string, unknown> {
  let cost = 0;
  let shares = 0;
  let exposure = 0;
  let realized = 0;
  let fees = 0;
  for (const position of positions) {
    cost += position.totalTradedE6;
    shares += position.volumeE2;
    exposure += position.costBasisE6;
    realized += position.realizedPnlE6;
    fees += position.feesPaidE6;
  }
  return {
    event_ticker: eventTicker,
    total_cost_dollars: formatDollarsE6As4(cost),
    total_cost_shares_fp: countString(shares),
    event_exposure_dollars: formatDollarsE6As4(exposure),
    realized_pnl_dollars: formatDollarsE6As4(realized),
    fees_paid_dollars: formatDollarsE6As4(fees),
  };
}

export function settlementWire(settlement: SimSettlement): Record<string, unknown> {
  return {
    ticker: settlement.market.ticker,
    event_ticker: settlement.market.event.eventTicker,
    exchange_index: 0,
    market_result: settlement.result,
    yes_count_fp: countString(settlement.yesCountE2),
    yes_total_cost_dollars: formatDollarsE6As4(settlement.yesCostE6),
    no_count_fp: countString(settlement.noCountE2),
    no_total_cost_dollars: formatDollarsE6As4(settlement.noCostE6),
    revenue: settlement.revenueCents,
    settled_time: isoTime(settlement.settledMs),
    fee_cost: formatDollarsE6As4(settlement.feeCostE6),
    value: settlement.result === 'yes' ? 100 : 0,
  };
}

/** `average_fill_price` (YES price) and `average_fee_paid` per contract, rounded half up to $0.000001. */
export function fillAverages(order: SimOrder): {
  average_fill_price?: string;
  average_fee_paid?: string;
} {
  if (order.filledE2 === 0) return {};
  return {
    average_fill_price: formatDollarsE6As4(perContractE6(order.fillYesNotionalE6, order.filledE2)),
    average_fee_paid: formatDollarsE6As4(
      perContractE6(order.takerFeesE6 + order.makerFeesE6, order.filledE2),
    ),
  };
}

/** amountE6 / (countE2 / 100), rounded half up, exact. */
function perContractE6(amountE6: number, countE2: number): number {
  const numerator = BigInt(amountE6) * 200n + BigInt(countE2);
  return Number(numerator / (2n * BigInt(countE2)));
}

export function orderV2Wire(order: SimOrder, nowMs: number): Record<string, unknown> {
  return {
    order_id: order.id,
    ...(order.clientOrderId !== '' ? { client_order_id: order.clientOrderId } : {}),
    fill_count: countString(order.filledE2),
    remaining_count: countString(order.remainingE2),
    ...fillAverages(order),
    ts_ms: nowMs,
  };
}

export function balanceWire(
  account: SimAccount,
  portfolioValueE6: number,
): Record<string, unknown> {
  const balanceE6 = account.balanceE6;
  return {
    balance: Math.floor(balanceE6 / 10_000),
    balance_dollars: formatDollarsE6As4(balanceE6),
    portfolio_value: Math.floor(portfolioValueE6 / 10_000),
    updated_ts: Math.floor(account.balanceUpdatedMs / 1000),
    balance_breakdown: [{ exchange_index: 0, balance: formatDollarsE6As4(balanceE6) }],
  };
}
