import type { SimMarket } from '../catalog/sim-catalog';
import type { SimAccount } from './account-ledger';

/** V2 direction: `bid` buys YES at price, `ask` buys NO at 1 - price (PROTOCOL.md §4.3). */
export type OrderSide = 'bid' | 'ask';
export type TimeInForce = 'fill_or_kill' | 'good_till_canceled' | 'immediate_or_cancel';
export type SelfTradePrevention = 'taker_at_cross' | 'maker';
export type OrderStatus = 'resting' | 'canceled' | 'executed';
export type UpdateReason =
  | 'Trade'
  | 'Decrease'
  | 'Amend'
  | 'SelfTradeCancel'
  | 'ExpiryCancel'
  | 'CloseCancel'
  | 'HaltCancel'
  | 'PostOnlyCrossCancel'
  | 'ReduceOnlyCancel';

export const TIME_IN_FORCE: readonly TimeInForce[] = [
  'fill_or_kill',
  'good_till_canceled',
  'immediate_or_cancel',
];
export const SELF_TRADE_PREVENTION: readonly SelfTradePrevention[] = ['taker_at_cross', 'maker'];

/** One order in the book or in an account's history. House (simulated trader) orders have no account. */
export interface SimOrder {
  readonly id: string;
  readonly account: SimAccount | null;
  readonly market: SimMarket;
  clientOrderId: string;
  side: OrderSide;
  /** YES price in $0.0001, always on the market's grid. */
  priceE4: number;
  levelIndex: number;
  initialE2: number;
  filledE2: number;
  remainingE2: number;
  status: OrderStatus;
  readonly timeInForce: TimeInForce;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  readonly cancelOnPause: boolean;
  /** Unix ms after which a GTC order expires; 0 = none. */
  readonly expirationMs: number;
  readonly subaccount: number;
  readonly orderGroupId: string | null;
  takerFillCostE6: number;
  makerFillCostE6: number;
  takerFeesE6: number;
  makerFeesE6: number;
  /** Sum of count x YES price of the fills, for average_fill_price. */
  fillYesNotionalE6: number;
  readonly createdMs: number;
  updatedMs: number;
  lastUpdateReason: UpdateReason | null;
  /** Marks orders placed by the scenario (e.g. a planted opportunity) so random traffic leaves them alone. */
  tag: string | null;
}

/** The outcome side an order positions for: bid = YES, ask = NO. */
export function outcomeOf(side: OrderSide): 'yes' | 'no' {
  return side === 'bid' ? 'yes' : 'no';
}

/** The price the order's owner pays per contract, in its outcome's terms. */
export function ownPriceE4(side: OrderSide, yesPriceE4: number): number {
  return side === 'bid' ? yesPriceE4 : 10_000 - yesPriceE4;
}
