import { createHash } from 'node:crypto';
import { payoutE6 } from '../../kalshi/fixed-point';
import { memberDebitE6, type MemberPrecision } from '../../kalshi/kalshi-fees';
import type { SimMarket } from '../catalog/sim-catalog';
import type { OrderSide, SimOrder } from './sim-order';

/** One market position; `positionE2` is signed: positive = YES contracts, negative = NO contracts. */
export interface SimPosition {
  readonly market: SimMarket;
  positionE2: number;
  /** Cost of the contracts held now (market_exposure). */
  costBasisE6: number;
  totalTradedE6: number;
  realizedPnlE6: number;
  feesPaidE6: number;
  volumeE2: number;
  updatedMs: number;
  settled: boolean;
}

export interface SimFill {
  readonly tradeId: string;
  readonly order: SimOrder;
  readonly side: OrderSide;
  readonly yesPriceE4: number;
  readonly countE2: number;
  readonly isTaker: boolean;
  readonly feeE6: number;
  readonly createdMs: number;
  readonly postPositionE2: number;
}

export interface SimSettlement {
  readonly market: SimMarket;
  readonly result: 'yes' | 'no';
  readonly yesCountE2: number;
  readonly yesCostE6: number;
  readonly noCountE2: number;
  readonly noCostE6: number;
  /** Whole cents, as the API still reports it. */
  readonly revenueCents: number;
  readonly feeCostE6: number;
  readonly settledMs: number;
}

/** A trading account: one per API key (or one shared account without auth). */
export class SimAccount {
  balanceE6: number;
  balanceUpdatedMs: number;
  readonly positions = new Map<string, SimPosition>();
  readonly orders: SimOrder[] = [];
  readonly ordersById = new Map<string, SimOrder>();
  readonly ordersByClientId = new Map<string, SimOrder>();
  readonly resting = new Set<SimOrder>();
  readonly fills: SimFill[] = [];
  readonly settlements: SimSettlement[] = [];

  constructor(
    readonly keyId: string,
    readonly userId: string,
    startingBalanceE6: number,
    nowMs: number,
  ) {
    this.balanceE6 = startingBalanceE6;
    this.balanceUpdatedMs = nowMs;
  }

  position(market: SimMarket, nowMs: number): SimPosition {
    let position = this.positions.get(market.ticker);
    if (!position) {
      position = {
        market,
        positionE2: 0,
        costBasisE6: 0,
        totalTradedE6: 0,
        realizedPnlE6: 0,
        feesPaidE6: 0,
        volumeE2: 0,
        updatedMs: nowMs,
        settled: false,
      };
      this.positions.set(market.ticker, position);
    }
    return position;
  }

  /** Contracts of the opposite outcome a buy of `side` would close rather than open. */
  closableE2(market: SimMarket, side: OrderSide): number {
    const held = this.positions.get(market.ticker)?.positionE2 ?? 0;
    return side === 'bid' ? Math.max(0, -held) : Math.max(0, held);
  }
}

/** Accounts, balances and positions; the matching engine calls `applyFill` for every account-side fill. */
export class AccountLedger {
  private readonly byKeyId = new Map<string, SimAccount>();

  constructor(
    private readonly startingBalanceE6: number,
    readonly precision: MemberPrecision = 'centicent',
  ) {}

  /** The account of an API key, opened with the starting balance on first use. */
  account(keyId: string, nowMs: number): SimAccount {
    let account = this.byKeyId.get(keyId);
    if (!account) {
      account = new SimAccount(keyId, userIdOf(keyId), this.startingBalanceE6, nowMs);
      this.byKeyId.set(keyId, account);
    }
    return account;
  }

  accounts(): Iterable<SimAccount> {
    return this.byKeyId.values();
  }

  /**
   * Books a buy of `countE2` contracts of the order's outcome at `ownPriceE4` (what this side pays).
   * Buying the outcome opposite to a held position closes it: each YES+NO pair is redeemed for $1.
   */
  applyFill(
    account: SimAccount,
    market: SimMarket,
    side: OrderSide,
    countE2: number,
    ownPriceE4: number,
    feeE6: number,
    nowMs: number,
  ): SimPosition {
    const position = account.position(market, nowMs);
    const sign = side === 'bid' ? 1 : -1;
    const opposite =
      sign > 0 ? Math.max(0, -position.positionE2) : Math.max(0, position.positionE2);
    const closed = Math.min(countE2, opposite);
    const costE6 = countE2 * ownPriceE4;
    account.balanceE6 -= memberDebitE6(costE6, feeE6, this.precision);
    if (closed > 0) {
      const basisRemoved =
        closed === opposite
          ? position.costBasisE6
          : proportion(position.costBasisE6, closed, opposite);
      position.costBasisE6 -= basisRemoved;
      position.realizedPnlE6 += payoutE6(closed) - basisRemoved - closed * ownPriceE4;
      account.balanceE6 += payoutE6(closed);
    }
    position.costBasisE6 += (countE2 - closed) * ownPriceE4;
    position.positionE2 += sign * countE2;
    position.totalTradedE6 += costE6;
    position.feesPaidE6 += feeE6;
    position.volumeE2 += countE2;
    position.updatedMs = nowMs;
    account.balanceUpdatedMs = nowMs;
    return position;
  }

  /** Pays $1 per winning contract of every open position in `market`; returns what each account got. */
  settle(
    market: SimMarket,
    result: 'yes' | 'no',
    nowMs: number,
  ): { account: SimAccount; position: SimPosition; settlement: SimSettlement }[] {
    const settled: { account: SimAccount; position: SimPosition; settlement: SimSettlement }[] = [];
    for (const account of this.byKeyId.values()) {
      const position = account.positions.get(market.ticker);
      if (!position || position.settled) continue;
      const yesCountE2 = Math.max(0, position.positionE2);
      const noCountE2 = Math.max(0, -position.positionE2);
      const winningE2 = result === 'yes' ? yesCountE2 : noCountE2;
      const payout = payoutE6(winningE2);
      const settlement: SimSettlement = {
        market,
        result,
        yesCountE2,
        yesCostE6: yesCountE2 > 0 ? position.costBasisE6 : 0,
        noCountE2,
        noCostE6: noCountE2 > 0 ? position.costBasisE6 : 0,
        revenueCents: Math.floor(payout / 10_000),
        feeCostE6: position.feesPaidE6,
        settledMs: nowMs,
      };
      account.balanceE6 += payout;
      account.balanceUpdatedMs = nowMs;
      position.realizedPnlE6 += payout - position.costBasisE6;
      position.costBasisE6 = 0;
      position.positionE2 = 0;
      position.settled = true;
      position.updatedMs = nowMs;
      account.settlements.push(settlement);
      settled.push({ account, position, settlement });
    }
    return settled;
  }
}

/** floor(value x part / whole), exact beyond 2^53. */
function proportion(value: number, part: number, whole: number): number {
  const product = value * part;
  if (Number.isSafeInteger(product)) return Math.floor(product / whole);
  return Number((BigInt(value) * BigInt(part)) / BigInt(whole));
}

/** A stable UUID-shaped user id per key id. */
export function userIdOf(keyId: string): string {
  const hex = createHash('sha256').update(`kalshi-sim-user:${keyId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
