import type { OpportunityEntity } from '../entities/opportunity.entity';
import type { TrackedOpportunity } from './opportunity-tracker';

/** A row of `opportunities` as plain data: a snapshot, safe to queue while the tracker moves on. */
export type OpportunityRecord = { -readonly [K in keyof OpportunityEntity]: OpportunityEntity[K] };

export function opportunityRecord(opportunity: TrackedOpportunity): OpportunityRecord {
  const plan = opportunity.plan;
  return {
    id: opportunity.id,
    key: opportunity.key,
    kind: opportunity.kind,
    status: opportunity.status,
    eventTicker: opportunity.eventTicker,
    groupId: opportunity.groupId,
    legs: [...plan.legs],
    tickers: [...opportunity.tickers],
    countE2: plan.countE2,
    costE6: plan.costE6,
    feesE6: plan.feesE6,
    guaranteedPayoutE6: plan.guaranteedPayoutE6,
    bestPayoutE6: plan.bestPayoutE6,
    netProfitE6: plan.netProfitE6,
    bestCaseProfitE6: plan.bestCaseProfitE6,
    bestNetProfitE6: opportunity.bestNetProfitE6,
    returnBps: plan.returnBps,
    netPerContractE6: plan.netPerContractE6,
    updates: opportunity.updates,
    firstSeenAt: new Date(opportunity.firstSeenMs),
    updatedAt: new Date(opportunity.updatedMs),
    closedAt: opportunity.closedMs === null ? null : new Date(opportunity.closedMs),
    lifetimeMs:
      opportunity.closedMs === null ? null : opportunity.closedMs - opportunity.firstSeenMs,
    closeReason: opportunity.closeReason,
  };
}
