import { createHash } from 'node:crypto';
import type { CloseReason, OpportunityKind, OpportunityPlan } from './opportunity.types';
import { opportunityKey } from './opportunity.types';

export type OpportunityStatus = 'OPEN' | 'CLOSED';

/** One opportunity from first sight to close. Mutable inside the tracker; readers get it read-only. */
export interface TrackedOpportunity {
  readonly id: string;
  readonly key: string;
  readonly kind: OpportunityKind;
  readonly groupId: string;
  readonly eventTicker: string;
  readonly tickers: readonly string[];
  readonly plan: OpportunityPlan;
  readonly status: OpportunityStatus;
  readonly firstSeenMs: number;
  readonly updatedMs: number;
  readonly closedMs: number | null;
  readonly closeReason: CloseReason | null;
  /** The best net profit seen while open, in $0.000001. */
  readonly bestNetProfitE6: number;
  readonly updates: number;
}

type TrackedState = { -readonly [K in keyof TrackedOpportunity]: TrackedOpportunity[K] } & {
  lastSeenEpoch: number;
};

/** What happens to opportunities: the service logs, persists and publishes from here. */
export interface OpportunityListener {
  opened(opportunity: TrackedOpportunity): void;
  updated(opportunity: TrackedOpportunity): void;
  closed(opportunity: TrackedOpportunity): void;
}

/**
 * Opens, updates and closes opportunities. An opportunity is identified by (kind, group, legs): seen again
 * while open it is updated, not reopened; not seen in an evaluation of its group it is closed. Every
 * evaluation carries an epoch: what the detectors offered in it carries that epoch, the rest of the
 * evaluated scope is gone.
 */
export class OpportunityTracker {
  private readonly openByKey = new Map<string, TrackedState>();
  private readonly openById = new Map<string, TrackedState>();
  private readonly openByGroup = new Map<string, Set<TrackedState>>();
  private sequence = 0;

  constructor(
    private readonly listener: OpportunityListener,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records a plan found in evaluation `epoch`: opens it, or updates the open one with the same identity. */
  observe(plan: OpportunityPlan, epoch: number): TrackedOpportunity {
    const key = opportunityKey(plan.kind, plan.groupId, plan.legs);
    const existing = this.openByKey.get(key);
    const now = this.clock();
    if (existing) {
      existing.lastSeenEpoch = epoch;
      if (samePlan(existing.plan, plan)) return existing;
      existing.plan = plan;
      existing.updatedMs = now;
      existing.updates++;
      if (plan.netProfitE6 > existing.bestNetProfitE6) existing.bestNetProfitE6 = plan.netProfitE6;
      this.listener.updated(existing);
      return existing;
    }
    const opened: TrackedState = {
      id: this.newId(key, now),
      key,
      kind: plan.kind,
      groupId: plan.groupId,
      eventTicker: plan.eventTicker,
      tickers: plan.legs.map((leg) => leg.ticker),
      plan,
      status: 'OPEN',
      firstSeenMs: now,
      updatedMs: now,
      closedMs: null,
      closeReason: null,
      bestNetProfitE6: plan.netProfitE6,
      updates: 0,
      lastSeenEpoch: epoch,
    };
    this.openByKey.set(key, opened);
    this.openById.set(opened.id, opened);
    let group = this.openByGroup.get(plan.groupId);
    if (!group) this.openByGroup.set(plan.groupId, (group = new Set()));
    group.add(opened);
    this.listener.opened(opened);
    return opened;
  }

  /**
   * Closes the group's open opportunities that evaluation `epoch` did not offer again; with `ticker`, only
   * those with a leg on it (the evaluation looked at nothing else). `reason` says why each one went.
   */
  closeUnseen(
    groupId: string,
    epoch: number,
    ticker: string | null,
    reason: (opportunity: TrackedOpportunity) => CloseReason,
  ): void {
    const group = this.openByGroup.get(groupId);
    if (!group || group.size === 0) return;
    for (const opportunity of group) {
      if (opportunity.lastSeenEpoch === epoch) continue;
      if (ticker !== null && !opportunity.tickers.includes(ticker)) continue;
      this.close(opportunity, reason(opportunity));
    }
  }

  /** Closes every open opportunity of a group (the group is gone). */
  closeGroup(groupId: string, reason: (opportunity: TrackedOpportunity) => CloseReason): void {
    const group = this.openByGroup.get(groupId);
    if (group) for (const opportunity of [...group]) this.close(opportunity, reason(opportunity));
  }

  closeAll(reason: CloseReason): void {
    for (const opportunity of [...this.openByKey.values()]) this.close(opportunity, reason);
  }

  get(id: string): TrackedOpportunity | undefined {
    return this.openById.get(id);
  }

  /** Open opportunities, newest first. */
  open(): TrackedOpportunity[] {
    return [...this.openByKey.values()].sort(
      (a, b) => b.firstSeenMs - a.firstSeenMs || a.id.localeCompare(b.id),
    );
  }

  get openCount(): number {
    return this.openByKey.size;
  }

  private close(opportunity: TrackedState, reason: CloseReason): void {
    opportunity.status = 'CLOSED';
    opportunity.closedMs = this.clock();
    opportunity.closeReason = reason;
    this.openByKey.delete(opportunity.key);
    this.openById.delete(opportunity.id);
    const group = this.openByGroup.get(opportunity.groupId);
    group?.delete(opportunity);
    if (group?.size === 0) this.openByGroup.delete(opportunity.groupId);
    this.listener.closed(opportunity);
  }

  /** Stable per identity (hash of the key), unique per occurrence (first-seen time and a counter). */
  private newId(key: string, nowMs: number): string {
    const hash = createHash('sha1').update(key).digest('hex').slice(0, 12);
    return `${hash}-${nowMs.toString(36)}-${(++this.sequence).toString(36)}`;
  }
}

/** Whether a fresh plan says anything new: count, money, or any leg's limit or count. */
function samePlan(a: OpportunityPlan, b: OpportunityPlan): boolean {
  if (
    a.countE2 !== b.countE2 ||
    a.netProfitE6 !== b.netProfitE6 ||
    a.costE6 !== b.costE6 ||
    a.feesE6 !== b.feesE6
  )
    return false;
  for (let i = 0; i < a.legs.length; i++) {
    if (
      a.legs[i].limitPriceE4 !== b.legs[i].limitPriceE4 ||
      a.legs[i].debitE6 !== b.legs[i].debitE6
    )
      return false;
  }
  return true;
}
