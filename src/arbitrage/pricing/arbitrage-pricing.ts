import { PRICE_SCALE } from '../../kalshi/fixed-point';
import {
  memberDebitE6,
  type FeeSchedule,
  type LiquidityRole,
  type MemberPrecision,
} from '../../kalshi/kalshi-fees';
import type { LegFill, OpportunityKind } from '../opportunities/opportunity.types';
import { floorMulDiv } from './exact-math';

/**
 * The one place where a plan's money is worked out, shared by the engine's depth walk and the calculator
 * (PROTOCOL.md §7): each fill's taker fee rounded up to $0.0001, summed per order (one IOC order per leg),
 * then the leg's debit (cost + fees) rounded up to the member's balance precision.
 */

/** Trade fee of one fill in $0.0001. Buying NO at q costs the fee of YES at 1 − q: P(1 − P) is symmetric. */
export function fillFeeE4(
  fees: FeeSchedule,
  countE2: number,
  priceE4: number,
  role: LiquidityRole = 'taker',
): number {
  return fees.tradeFeeE4(role, countE2, priceE4);
}

export interface LegPrice {
  readonly costE6: number;
  readonly tradeFeeE6: number;
  readonly debitE6: number;
}

/**
 * Cost, trade fee and debit of one order filled over `fills`. Arbitrage legs are IOC taker orders; a resting
 * order's fills pay the maker fee of the series' fee_type (nothing on `quadratic` series).
 */
export function priceLeg(
  fees: FeeSchedule,
  fills: readonly LegFill[],
  precision: MemberPrecision,
  role: LiquidityRole = 'taker',
): LegPrice {
  let costE6 = 0;
  let feeE4 = 0;
  for (const fill of fills) {
    costE6 += fill.countE2 * fill.priceE4;
    feeE4 += fillFeeE4(fees, fill.countE2, fill.priceE4, role);
  }
  return legPriceOf(costE6, feeE4, precision);
}

export function legPriceOf(costE6: number, feeE4: number, precision: MemberPrecision): LegPrice {
  const tradeFeeE6 = feeE4 * 100;
  return { costE6, tradeFeeE6, debitE6: memberDebitE6(costE6, tradeFeeE6, precision) };
}

/** Payout per contract of each leg set, in whole dollars: worst outcome and best outcome. */
export interface PayoutUnits {
  readonly guaranteed: number;
  readonly best: number;
}

/**
 * LADDER_INVERSION: YES on the wider market + NO on the narrower pays 1 everywhere, 2 between the strikes
 * (1 when both markets carry the same condition). PARTITION_BUY_NO: n − 1 of n NOs win, n when no member
 * resolves YES (impossible when exhaustive). PARTITION_BUY_YES: exactly one YES wins.
 */
export function payoutUnits(
  kind: OpportunityKind,
  legCount: number,
  options: { exhaustive?: boolean; sameCondition?: boolean } = {},
): PayoutUnits {
  switch (kind) {
    case 'LADDER_INVERSION':
      return { guaranteed: 1, best: options.sameCondition ? 1 : 2 };
    case 'PARTITION_BUY_NO':
      return { guaranteed: legCount - 1, best: options.exhaustive ? legCount - 1 : legCount };
    case 'PARTITION_BUY_YES':
      return { guaranteed: 1, best: 1 };
  }
}

/** $ paid by `countE2` contracts paying `units` dollars each, in $0.000001. */
export function payoutE6(countE2: number, units: number): number {
  return countE2 * PRICE_SCALE * units;
}

/** Net profit over capital in basis points, rounded down (a loss is negative). */
export function returnBps(netProfitE6: number, capitalE6: number): number {
  return capitalE6 > 0 ? floorMulDiv(netProfitE6, 10_000, capitalE6) : 0;
}

/** Net profit per whole contract in $0.000001, rounded down. */
export function netPerContractE6(netProfitE6: number, countE2: number): number {
  return countE2 > 0 ? floorMulDiv(netProfitE6, 100, countE2) : 0;
}

/** Minimum quality of an opportunity worth reporting (config ARB_MIN_*). */
export interface ArbitrageThresholds {
  readonly minNetProfitE6: number;
  readonly minNetPerContractE6: number;
  readonly minReturnBps: number;
}

export interface ThresholdCheck {
  readonly netProfit: boolean;
  readonly netPerContract: boolean;
  readonly returnOnCapital: boolean;
  readonly all: boolean;
}

export function checkThresholds(
  thresholds: ArbitrageThresholds,
  values: { netProfitE6: number; netPerContractE6: number; returnBps: number },
): ThresholdCheck {
  const netProfit = values.netProfitE6 >= thresholds.minNetProfitE6 && values.netProfitE6 > 0;
  const netPerContract = values.netPerContractE6 >= thresholds.minNetPerContractE6;
  const returnOnCapital = values.returnBps >= thresholds.minReturnBps;
  return {
    netProfit,
    netPerContract,
    returnOnCapital,
    all: netProfit && netPerContract && returnOnCapital,
  };
}
