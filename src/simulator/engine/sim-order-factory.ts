import type { PlaceOrderCommand } from './matching-engine';
import type { SimOrder } from './sim-order';

/** A fresh order from a validated command, not yet matched or booked. */
export function newSimOrder(
  id: string,
  command: PlaceOrderCommand,
  countE2: number,
  clientOrderId: string,
  expirationMs: number,
  now: number,
): SimOrder {
  return {
    id,
    account: command.account,
    market: command.market,
    clientOrderId,
    side: command.side,
    priceE4: command.priceE4,
    levelIndex: command.market.grid.indexOf(command.priceE4),
    initialE2: countE2,
    filledE2: 0,
    remainingE2: countE2,
    status: 'resting',
    timeInForce: command.timeInForce,
    selfTradePrevention: command.selfTradePrevention,
    postOnly: command.postOnly ?? false,
    reduceOnly: command.reduceOnly ?? false,
    cancelOnPause: command.cancelOnPause ?? false,
    expirationMs,
    subaccount: command.subaccount ?? 0,
    orderGroupId: command.orderGroupId ?? null,
    takerFillCostE6: 0,
    makerFillCostE6: 0,
    takerFeesE6: 0,
    makerFeesE6: 0,
    fillYesNotionalE6: 0,
    createdMs: now,
    updatedMs: now,
    lastUpdateReason: null,
    tag: command.tag ?? null,
  };
}
