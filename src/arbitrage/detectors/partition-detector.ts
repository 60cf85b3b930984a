import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import type { OrderBookStoreView } from '../../market-data/market-data.ports';
import type { OrderBook } from '../../market-data/order-book/order-book';
import type { OpportunityKind, OpportunityPlan } from '../opportunities/opportunity.types';
import { checkThresholds, payoutUnits } from '../pricing/arbitrage-pricing';
import type { GroupQuotes } from '../relation-groups/group-quotes';
import type { PartitionGroup } from '../relation-groups/relation-group';
import { DepthWalkSizer } from '../sizing/depth-walk-sizer';
import {
  NO_SIZE_LIMIT,
  countCapE2,
  liveBook,
  tradingStepE2,
  type DetectionSettings,
  type OpportunitySink,
  type OpportunitySizeLimit,
} from './detection-context';

/**
 * PARTITION_BUY_NO: Σ YES bids > $1 on a mutually exclusive event. Buying NO on every member with a YES bid
 * pays at least n − 1 (at most one member resolves YES), so it is arbitrage on any subset: members without
 * a bid (no NO to buy) or with a stale book sit out, and when the thinnest member's depth caps the size, the
 * subset without it is sized too and the better net profit wins.
 * PARTITION_BUY_YES: Σ YES asks < $1 on an exhaustive event: buying YES on every member pays exactly $1.
 * Every member must take part, so one missing ask or stale book rules it out.
 */
export class PartitionDetector {
  private readonly sizer = new DepthWalkSizer();
  private books: OrderBook[] = [];
  private steps: number[] = [];
  /** Best YES bid size of each leg in buyNo, read once per evaluation. */
  private bidSizes: number[] = [];

  constructor(
    private readonly store: OrderBookStoreView,
    private readonly settings: DetectionSettings,
    private readonly sizeLimit: OpportunitySizeLimit = NO_SIZE_LIMIT,
  ) {}

  /** With the group's current `quotes`, a side whose sum cannot pay is not walked (the same result, sooner). */
  evaluate(group: PartitionGroup, sink: OpportunitySink, quotes?: GroupQuotes): void {
    if (!quotes || (quotes.bidLegs >= 2 && quotes.bidSumE4 > ONE_DOLLAR))
      this.buyNo(group, sink, quotes);
    if (
      group.exhaustive &&
      (!quotes || (quotes.askLegs === group.members.length && quotes.askSumE4 < ONE_DOLLAR))
    )
      this.buyYes(group, sink, quotes);
  }

  /** A member's live book: from the quotes when the engine keeps them (no lookup by ticker), else from the store. */
  private live(group: PartitionGroup, i: number, quotes: GroupQuotes | undefined) {
    return quotes ? quotes.books[i] : liveBook(this.store, group.members[i].ticker);
  }

  private buyNo(group: PartitionGroup, sink: OpportunitySink, quotes?: GroupQuotes): void {
    let legs = 0;
    let bidSumE4 = 0;
    const members = group.members;
    for (let m = 0; m < members.length; m++) {
      const market = members[m];
      const book = this.live(group, m, quotes);
      if (!book) continue;
      const bid = book.bestBidE4();
      if (bid === 0) continue;
      this.books[legs] = book;
      this.bidSizes[legs] = book.bestBidSizeE2();
      this.steps[legs++] = tradingStepE2(market);
      bidSumE4 += bid;
    }
    let best: OpportunityPlan | undefined;
    while (legs >= 2 && bidSumE4 > ONE_DOLLAR) {
      const plan = this.size(group, 'PARTITION_BUY_NO', legs, 'no');
      if (plan) {
        // Dropping members stops paying once it no longer improves the net.
        if (best && plan.netProfitE6 <= best.netProfitE6) break;
        best = plan;
      }
      // Drop the member with the thinnest best bid (it caps every leg's size) and size the rest.
      let thinnest = 0;
      for (let i = 1; i < legs; i++) {
        if (this.bidSizes[i] < this.bidSizes[thinnest]) thinnest = i;
      }
      bidSumE4 -= this.books[thinnest].bestBidE4();
      for (let i = thinnest; i < legs - 1; i++) {
        this.books[i] = this.books[i + 1];
        this.bidSizes[i] = this.bidSizes[i + 1];
        this.steps[i] = this.steps[i + 1];
      }
      legs--;
    }
    if (best) sink.offer(best);
  }

  private buyYes(group: PartitionGroup, sink: OpportunitySink, quotes?: GroupQuotes): void {
    let askSumE4 = 0;
    const members = group.members;
    for (let i = 0; i < members.length; i++) {
      const book = this.live(group, i, quotes);
      if (!book) return;
      const ask = book.bestAskE4();
      if (ask === 0) return;
      this.books[i] = book;
      this.steps[i] = tradingStepE2(members[i]);
      askSumE4 += ask;
    }
    if (askSumE4 >= ONE_DOLLAR) return;
    const plan = this.size(group, 'PARTITION_BUY_YES', members.length, 'yes');
    if (plan) sink.offer(plan);
  }

  /** Sizes the first `legs` books; the plan when it clears every threshold. */
  private size(
    group: PartitionGroup,
    kind: OpportunityKind,
    legs: number,
    side: 'yes' | 'no',
  ): OpportunityPlan | undefined {
    // Every NO wins when the YES outcome falls outside the legs: only all members of an exhaustive event rule that out.
    const units = payoutUnits(kind, legs, {
      exhaustive: group.exhaustive && legs === group.members.length,
    });
    const sizer = this.sizer;
    sizer.reset(legs);
    let stepE2 = 1;
    for (let i = 0; i < legs; i++) {
      sizer.setLeg(i, this.books[i], side, group.fees);
      if (this.steps[i] > stepE2) stepE2 = this.steps[i];
    }
    const found = sizer.run({
      guaranteedUnits: units.guaranteed,
      maxCountE2: countCapE2(this.settings, this.sizeLimit, group, kind),
      stepE2,
      thresholds: this.settings.thresholds,
      precision: this.settings.memberPrecision,
    });
    if (found === 0) return undefined;
    const plan = sizer.plan(
      { kind, groupId: group.id, eventTicker: group.eventTicker },
      units,
      this.settings.memberPrecision,
    );
    return checkThresholds(this.settings.thresholds, plan).all ? plan : undefined;
  }
}
