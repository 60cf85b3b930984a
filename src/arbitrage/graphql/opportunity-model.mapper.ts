import { formatCountE2, formatDollarsE6, formatPriceE4 } from '../../kalshi/fixed-point';
import type { OpportunityRecord } from '../opportunities/opportunity-record';
import type { PlannedLeg } from '../opportunities/opportunity.types';
import {
  LegActionValue,
  LegSideValue,
  OpportunityKindValue,
  OpportunityStatusValue,
  type OpportunityLegModel,
  type OpportunityModel,
} from './opportunity.model';

/** Basis points as a percent string: 225 -> "2.25", -5 -> "-0.05". */
export function percentFromBps(bps: number): string {
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function legModel(leg: PlannedLeg): OpportunityLegModel {
  return {
    ticker: leg.ticker,
    side: leg.side === 'yes' ? LegSideValue.YES : LegSideValue.NO,
    action: LegActionValue.BUY,
    limitPrice: formatPriceE4(leg.limitPriceE4),
    count: formatCountE2(leg.countE2),
    cost: formatDollarsE6(leg.costE6),
    tradeFee: formatDollarsE6(leg.tradeFeeE6),
    debit: formatDollarsE6(leg.debitE6),
    fills: leg.fills.map((fill) => ({
      price: formatPriceE4(fill.priceE4),
      count: formatCountE2(fill.countE2),
    })),
  };
}

/** A record (open from memory or closed from the database) as GraphQL shows it; plain JSON, Redis-safe. */
export function opportunityModel(record: OpportunityRecord, nowMs = Date.now()): OpportunityModel {
  return {
    id: record.id,
    key: record.key,
    kind: OpportunityKindValue[record.kind as OpportunityKindValue],
    status: OpportunityStatusValue[record.status as OpportunityStatusValue],
    eventTicker: record.eventTicker,
    groupId: record.groupId,
    legs: record.legs.map(legModel),
    count: formatCountE2(record.countE2),
    cost: formatDollarsE6(record.costE6),
    fees: formatDollarsE6(record.feesE6),
    guaranteedPayout: formatDollarsE6(record.guaranteedPayoutE6),
    bestPayout: formatDollarsE6(record.bestPayoutE6),
    grossProfit: formatDollarsE6(record.guaranteedPayoutE6 - record.costE6),
    netProfit: formatDollarsE6(record.netProfitE6),
    bestCaseProfit: formatDollarsE6(record.bestCaseProfitE6),
    returnPercent: percentFromBps(record.returnBps),
    netPerContract: formatDollarsE6(record.netPerContractE6),
    bestNetProfit: formatDollarsE6(record.bestNetProfitE6),
    updates: record.updates,
    firstSeenAt: record.firstSeenAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    lifetimeMs: record.lifetimeMs ?? Math.max(0, nowMs - record.firstSeenAt.getTime()),
    closeReason: record.closeReason,
  };
}
