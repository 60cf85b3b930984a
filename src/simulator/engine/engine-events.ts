import type { SimMarket } from '../catalog/sim-catalog';
import type { SimAccount, SimFill, SimPosition } from './account-ledger';
import type { OrderSide, SimOrder } from './sim-order';

export interface SimTrade {
  readonly tradeId: string;
  readonly market: SimMarket;
  readonly yesPriceE4: number;
  readonly countE2: number;
  readonly takerSide: OrderSide;
  readonly createdMs: number;
}

/** What the matching engine reports, synchronously, as it changes state. */
export interface EngineListener {
  /** A level's size changed by `deltaE2` on one side; `cause` is the order whose change it was. */
  bookChanged(
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    deltaE2: number,
    cause: SimOrder,
  ): void;
  trade(trade: SimTrade): void;
  fill(account: SimAccount, fill: SimFill): void;
  /** An account's order changed (placed, filled, decreased, amended, canceled). */
  orderUpdated(order: SimOrder): void;
  positionChanged(account: SimAccount, position: SimPosition): void;
  /** Best bid or ask (or last trade) of a market changed: the ticker channel. */
  topChanged(market: SimMarket): void;
}

export const NO_LISTENER: EngineListener = {
  bookChanged: () => undefined,
  trade: () => undefined,
  fill: () => undefined,
  orderUpdated: () => undefined,
  positionChanged: () => undefined,
  topChanged: () => undefined,
};

/** An expected failure of an order operation: the HTTP status and Kalshi's error code. */
export interface EngineError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export type EngineResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

export function ok<T>(value: T): EngineResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(status: number, code: string, message: string): EngineResult<T> {
  return { ok: false, error: { status, code, message } };
}
