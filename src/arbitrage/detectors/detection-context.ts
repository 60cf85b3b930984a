import type { MemberPrecision } from '../../kalshi/kalshi-fees';
import type { MarketInfo } from '../../market-data/catalog/catalog.types';
import type { OrderBookStoreView } from '../../market-data/market-data.ports';
import type { OrderBook } from '../../market-data/order-book/order-book';
import type { OpportunityKind, OpportunityPlan } from '../opportunities/opportunity.types';
import type { ArbitrageThresholds } from '../pricing/arbitrage-pricing';
import type { RelationGroup } from '../relation-groups/relation-group';

/** Receives every opportunity a detector finds in one evaluation. */
export interface OpportunitySink {
  offer(plan: OpportunityPlan): void;
}

/** The hook risk limits plug into: the most contracts (0.01 units) an opportunity of this group may size to. */
export interface OpportunitySizeLimit {
  maxCountE2(group: RelationGroup, kind: OpportunityKind): number;
}

export const NO_SIZE_LIMIT: OpportunitySizeLimit = { maxCountE2: () => Number.POSITIVE_INFINITY };

export interface DetectionSettings {
  readonly thresholds: ArbitrageThresholds;
  /** Config cap on one opportunity's count, in 0.01 contracts. */
  readonly maxCountE2: number;
  readonly memberPrecision: MemberPrecision;
}

/** A book the detectors may trade on: present and not stale. */
export function liveBook(books: OrderBookStoreView, ticker: string): OrderBook | undefined {
  const book = books.get(ticker);
  return book && !book.stale ? book : undefined;
}

/** Whole contracts unless the market allows fractional trading (spec 3.13 `fractional_trading_enabled`). */
export function tradingStepE2(market: MarketInfo): number {
  return market.fractionalTradingEnabled === true ? 1 : 100;
}

/** The count cap of one opportunity: configuration, then risk. */
export function countCapE2(
  settings: DetectionSettings,
  limit: OpportunitySizeLimit,
  group: RelationGroup,
  kind: OpportunityKind,
): number {
  return Math.min(settings.maxCountE2, limit.maxCountE2(group, kind));
}
