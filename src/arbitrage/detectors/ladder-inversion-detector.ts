import type { OrderBookStoreView } from '../../market-data/market-data.ports';
import { checkThresholds, payoutUnits } from '../pricing/arbitrage-pricing';
import type { GroupQuotes } from '../relation-groups/group-quotes';
import { sameCondition, type LadderGroup } from '../relation-groups/relation-group';
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
 * LADDER_INVERSION: in a ladder ordered wide to narrow, a YES ask on the wider market below a YES bid on the
 * narrower one. Buy YES on the wider at its ask and NO on the narrower at 1 − its bid: every outcome pays at
 * least $1 per pair. Every pair counts, adjacent or not.
 */
export class LadderInversionDetector {
  private readonly sizer = new DepthWalkSizer();

  constructor(
    private readonly books: OrderBookStoreView,
    private readonly settings: DetectionSettings,
    private readonly sizeLimit: OpportunitySizeLimit = NO_SIZE_LIMIT,
  ) {}

  /**
   * Evaluates the pairs that hold `changedTicker` (every pair when null); offers each opportunity to `sink`.
   * With the group's current `quotes`, only pairs whose wide ask is under the narrow bid are sized (the rest
   * cannot pay): the same opportunities, in the same order.
   */
  evaluate(
    group: LadderGroup,
    changedTicker: string | null,
    sink: OpportunitySink,
    quotes?: GroupQuotes,
  ): void {
    const count = group.members.length;
    if (changedTicker === null) {
      for (let wide = 0; wide < count - 1; wide++)
        for (let narrow = wide + 1; narrow < count; narrow++) this.pair(group, wide, narrow, sink);
      return;
    }
    const position = group.positions.get(changedTicker);
    if (position === undefined) return;
    if (quotes !== undefined) {
      this.crossing(group, position, quotes, sink);
      return;
    }
    for (let wide = 0; wide < position; wide++) this.pair(group, wide, position, sink);
    for (let narrow = position + 1; narrow < count; narrow++)
      this.pair(group, position, narrow, sink);
  }

  private crossing(
    group: LadderGroup,
    position: number,
    quotes: GroupQuotes,
    sink: OpportunitySink,
  ): void {
    const { bids, asks } = quotes;
    const bid = bids[position];
    if (bid !== 0) {
      for (let wide = 0; wide < position; wide++) {
        const ask = asks[wide];
        if (ask !== 0 && ask < bid) this.pair(group, wide, position, sink);
      }
    }
    const ask = asks[position];
    if (ask === 0) return;
    for (let narrow = position + 1; narrow < group.members.length; narrow++) {
      const narrowBid = bids[narrow];
      if (narrowBid !== 0 && ask < narrowBid) this.pair(group, position, narrow, sink);
    }
  }

  private pair(group: LadderGroup, wide: number, narrow: number, sink: OpportunitySink): void {
    const wideMarket = group.members[wide];
    const narrowMarket = group.members[narrow];
    const wideBook = liveBook(this.books, wideMarket.ticker);
    if (!wideBook) return;
    const narrowBook = liveBook(this.books, narrowMarket.ticker);
    if (!narrowBook) return;
    const ask = wideBook.bestAskE4();
    const bid = narrowBook.bestBidE4();
    if (ask === 0 || bid === 0 || ask >= bid) return;
    const sizer = this.sizer;
    sizer.reset(2);
    sizer.setLeg(0, wideBook, 'yes', group.fees);
    sizer.setLeg(1, narrowBook, 'no', group.fees);
    const found = sizer.run({
      guaranteedUnits: 1,
      maxCountE2: countCapE2(this.settings, this.sizeLimit, group, 'LADDER_INVERSION'),
      stepE2: Math.max(tradingStepE2(wideMarket), tradingStepE2(narrowMarket)),
      thresholds: this.settings.thresholds,
      precision: this.settings.memberPrecision,
    });
    if (found === 0) return;
    const units = payoutUnits('LADDER_INVERSION', 2, {
      sameCondition: sameCondition(wideMarket, narrowMarket),
    });
    const plan = sizer.plan(
      { kind: 'LADDER_INVERSION', groupId: group.id, eventTicker: group.eventTicker },
      units,
      this.settings.memberPrecision,
    );
    if (checkThresholds(this.settings.thresholds, plan).all) sink.offer(plan);
  }
}
