import type { FeeSchedule, MemberPrecision } from '../../kalshi/kalshi-fees';
import type {
  LegFill,
  LegSide,
  OpportunityKind,
  OpportunityPlan,
  PlannedLeg,
} from '../opportunities/opportunity.types';
import {
  netPerContractE6,
  payoutE6,
  priceLeg,
  returnBps,
  type PayoutUnits,
} from './arbitrage-pricing';

/** A plan from each leg's fills, priced by the shared pricing code (the calculator builds plans the same way). */
export function buildPlan(
  meta: { kind: OpportunityKind; groupId: string; eventTicker: string },
  walked: readonly { ticker: string; side: LegSide; fills: readonly LegFill[] }[],
  fees: readonly FeeSchedule[],
  units: PayoutUnits,
  countE2: number,
  precision: MemberPrecision,
): OpportunityPlan {
  let costE6 = 0;
  let debitE6 = 0;
  const legs: PlannedLeg[] = walked.map((leg, index) => {
    const price = priceLeg(fees[index], leg.fills, precision);
    costE6 += price.costE6;
    debitE6 += price.debitE6;
    const limitPriceE4 = leg.fills.reduce((worst, fill) => Math.max(worst, fill.priceE4), 0);
    return {
      ticker: leg.ticker,
      side: leg.side,
      action: 'buy',
      limitPriceE4,
      countE2,
      fills: leg.fills,
      costE6: price.costE6,
      tradeFeeE6: price.tradeFeeE6,
      debitE6: price.debitE6,
    };
  });
  const guaranteedPayoutE6 = payoutE6(countE2, units.guaranteed);
  const bestPayoutE6 = payoutE6(countE2, units.best);
  const netProfitE6 = guaranteedPayoutE6 - debitE6;
  // Explicit fields, no object spread: V8 builds a spread-then-extend literal on a slow path (~25 µs here).
  return {
    kind: meta.kind,
    groupId: meta.groupId,
    eventTicker: meta.eventTicker,
    legs,
    countE2,
    costE6,
    feesE6: debitE6 - costE6,
    guaranteedPayoutE6,
    bestPayoutE6,
    netProfitE6,
    bestCaseProfitE6: bestPayoutE6 - debitE6,
    returnBps: returnBps(netProfitE6, debitE6),
    netPerContractE6: netPerContractE6(netProfitE6, countE2),
  };
}
