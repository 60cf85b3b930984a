import type {
  CatalogChange,
  MarketCatalogView,
  OrderBookStoreView,
} from '../market-data/market-data.ports';
import type { OrderBook } from '../market-data/order-book/order-book';
import { LadderInversionDetector } from './detectors/ladder-inversion-detector';
import { PartitionDetector } from './detectors/partition-detector';
import {
  NO_SIZE_LIMIT,
  type DetectionSettings,
  type OpportunitySink,
  type OpportunitySizeLimit,
} from './detectors/detection-context';
import type { OpportunityTracker, TrackedOpportunity } from './opportunities/opportunity-tracker';
import type { CloseReason, OpportunityPlan } from './opportunities/opportunity.types';
import { GroupQuotes } from './relation-groups/group-quotes';
import { RelationGroupIndex } from './relation-groups/relation-group-index';
import {
  NO_OVERRIDES,
  type ExhaustiveOverrides,
  type RelationGroup,
} from './relation-groups/relation-group';

export interface ArbitrageEngineOptions {
  readonly catalog: MarketCatalogView;
  readonly books: OrderBookStoreView;
  readonly tracker: OpportunityTracker;
  readonly settings: DetectionSettings;
  readonly overrides?: ExhaustiveOverrides;
  readonly sizeLimit?: OpportunitySizeLimit;
}

/**
 * The hot path's arbitrage step (DESIGN.md §2): on each book change, re-evaluates only the relation groups
 * that hold the changed market, synchronously, and feeds the tracker. Catalog changes rebuild the groups of
 * the event. Nothing awaits and nothing scans all markets.
 */
export class ArbitrageEngine implements OpportunitySink {
  private readonly catalog: MarketCatalogView;
  private readonly books: OrderBookStoreView;
  private readonly tracker: OpportunityTracker;
  private readonly index: RelationGroupIndex;
  private readonly ladders: LadderInversionDetector;
  private readonly partitions: PartitionDetector;
  private readonly subscriptions: (() => void)[] = [];
  private epoch = 0;
  private rebuilding = false;
  /** Each group's member quotes, created on first use and kept current from book changes. */
  private quotes = new WeakMap<RelationGroup, GroupQuotes>();
  /** Group evaluations since start, for metrics. */
  evaluations = 0;

  constructor(options: ArbitrageEngineOptions) {
    this.catalog = options.catalog;
    this.books = options.books;
    this.tracker = options.tracker;
    this.index = new RelationGroupIndex(options.catalog, options.overrides ?? NO_OVERRIDES);
    const sizeLimit = options.sizeLimit ?? NO_SIZE_LIMIT;
    this.ladders = new LadderInversionDetector(options.books, options.settings, sizeLimit);
    this.partitions = new PartitionDetector(options.books, options.settings, sizeLimit);
  }

  /** Builds every group, evaluates each once, then follows books and the catalog. */
  start(): void {
    if (this.subscriptions.length > 0) return;
    this.quotes = new WeakMap();
    for (const group of this.index.rebuildAll()) this.evaluate(group, null);
    this.subscriptions.push(
      this.books.onBookChanged((book) => this.onBookChanged(book)),
      this.catalog.onChange((change) => this.onCatalogChange(change)),
    );
  }

  stop(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
  }

  groupsOf(ticker: string): readonly RelationGroup[] {
    return this.index.groupsOf(ticker);
  }

  onBookChanged(book: OrderBook): void {
    const ticker = book.ticker;
    const groups = this.index.groupsOf(ticker);
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      const quotes = this.quotesOf(group);
      quotes.set(group.positions.get(ticker)!, book);
      this.evaluate(group, ticker, quotes);
    }
  }

  onCatalogChange(change: CatalogChange): void {
    const { previous, current } = this.index.rebuildEvent(change.eventTicker);
    this.rebuilding = true;
    try {
      for (const group of previous) {
        if (!current.some((next) => next.id === group.id))
          this.tracker.closeGroup(group.id, this.closeReason);
      }
      for (const group of current) this.evaluate(group, null);
    } finally {
      this.rebuilding = false;
    }
  }

  /** OpportunitySink: what the detectors find in the current evaluation. */
  offer(plan: OpportunityPlan): void {
    this.tracker.observe(plan, this.epoch);
  }

  private evaluate(group: RelationGroup, changedTicker: string | null, quotes?: GroupQuotes): void {
    this.epoch++;
    this.evaluations++;
    if (group.type === 'ladder') {
      this.ladders.evaluate(group, changedTicker, this, quotes);
      this.tracker.closeUnseen(group.id, this.epoch, changedTicker, this.closeReason);
    } else {
      // A partition's legs depend on every member: the whole group was looked at.
      this.partitions.evaluate(group, this, quotes);
      this.tracker.closeUnseen(group.id, this.epoch, null, this.closeReason);
    }
  }

  private quotesOf(group: RelationGroup): GroupQuotes {
    let quotes = this.quotes.get(group);
    if (quotes === undefined) {
      quotes = new GroupQuotes(group.members.length);
      for (let i = 0; i < group.members.length; i++)
        quotes.set(i, this.books.get(group.members[i].ticker));
      this.quotes.set(group, quotes);
    }
    return quotes;
  }

  /** Why an opportunity was not seen again: a leg's market stopped trading, its book went stale, or prices moved. */
  private readonly closeReason = (opportunity: TrackedOpportunity): CloseReason => {
    for (const ticker of opportunity.tickers) {
      if (this.catalog.market(ticker)?.status !== 'active') return 'MARKET_NOT_ACTIVE';
    }
    for (const ticker of opportunity.tickers) {
      const book = this.books.get(ticker);
      if (!book || book.stale) return 'BOOK_STALE';
    }
    return this.rebuilding ? 'GROUP_CHANGED' : 'PRICES_MOVED';
  };
}
