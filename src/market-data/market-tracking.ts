import { Logger } from '@nestjs/common';
import { parseFeeMultiplierE4 } from '../kalshi/kalshi-fees';
import type { CatalogLoader } from './catalog/catalog-loader';
import { gridOf, isFeeType, isStrikeType } from './catalog/catalog-mapper';
import type { MarketInfo } from './catalog/catalog.types';
import type { MarketCatalog } from './catalog/market-catalog';
import { marketMatches, type TrackingFilter } from './catalog/tracking-filter';
import type { LifecycleType, OrderBookFeed } from './feed/order-book-feed';
import type { CatalogChange } from './market-data.ports';
import type { OrderBookStore } from './order-book/order-book-store';

/**
 * Keeps the three in step: the catalog (what exists), the store (a book per tracked market) and the feed
 * (what is subscribed). REST loads and lifecycle messages change the catalog; every catalog change is
 * reflected in the books and subscriptions here, in one place.
 */
export class MarketTracking {
  private readonly logger = new Logger(MarketTracking.name);
  private readonly toSubscribe: string[] = [];
  private readonly loading = new Set<string>();
  private flushQueued = false;
  private unsubscribeCatalog?: () => void;
  private refreshing?: Promise<void>;

  constructor(
    private readonly catalog: MarketCatalog,
    private readonly store: OrderBookStore,
    private readonly feed: OrderBookFeed,
    private readonly loader: CatalogLoader,
    private readonly filter: TrackingFilter,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.unsubscribeCatalog ??= this.catalog.onChange((change) => this.reconcile(change));
  }

  stop(): void {
    this.unsubscribeCatalog?.();
    this.unsubscribeCatalog = undefined;
  }

  /** Re-reads the tracked catalog from REST; concurrent calls share one load. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const content = await this.loader.load();
        this.catalog.replaceAll(content, this.now());
        this.flushSubscriptions();
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /**
   * Kalshi sends no event when a market passes its close time (PROTOCOL.md §5): markets still `active` after
   * their `close_time` are closed here, so no opportunity is built on a market that no longer takes orders.
   */
  closePastDue(nowMs = this.now()): number {
    const due: string[] = [];
    for (const market of this.catalog.markets()) {
      if (market.status === 'active' && market.closeTime && Date.parse(market.closeTime) <= nowMs)
        due.push(market.ticker);
    }
    for (const ticker of due) this.catalog.setMarketStatus(ticker, 'closed');
    if (due.length > 0)
      this.logger.log(
        `closed ${due.length} market(s) past their close time: ${due.slice(0, 5).join(', ')}`,
      );
    return due.length;
  }

  /** Lifecycle messages (`market_lifecycle_v2` channel) keep the catalog current between loads. */
  onLifecycle(type: LifecycleType, msg: Record<string, unknown>): void {
    try {
      if (type === 'event_fee_update') this.onEventFeeUpdate(msg);
      else if (type === 'market_lifecycle_v2') this.onMarketLifecycle(msg);
      // event_lifecycle announces an event; its markets arrive as `created` market messages.
    } catch (error) {
      this.logger.warn(
        `lifecycle ${type} not applied (${(error as Error).message}): ${JSON.stringify(msg).slice(0, 300)}`,
      );
    }
  }

  private onMarketLifecycle(msg: Record<string, unknown>): void {
    const ticker = msg.market_ticker;
    if (typeof ticker !== 'string') throw new Error('no market_ticker');
    const market = this.catalog.market(ticker);
    const eventType = msg.event_type;
    if (!market) {
      const eventTicker = (msg.additional_metadata as Record<string, unknown> | undefined)
        ?.event_ticker;
      // A new market of a tracked event changes that event's partition even if we never track the market.
      if (eventType === 'created' && typeof eventTicker === 'string')
        this.catalog.noteEventMember(eventTicker, ticker);
      if (
        eventType === 'created' ||
        eventType === 'activated' ||
        (eventType === 'deactivated' && msg.is_deactivated === false)
      )
        this.loadLater(ticker);
      return;
    }
    const metadata =
      typeof msg.additional_metadata === 'object' && msg.additional_metadata !== null
        ? (msg.additional_metadata as Record<string, unknown>)
        : {};
    let updated: MarketInfo | undefined;
    switch (eventType) {
      case 'activated':
        updated = this.catalog.setMarketStatus(ticker, 'active');
        break;
      case 'deactivated':
        updated = this.catalog.setMarketStatus(
          ticker,
          msg.is_deactivated === false ? 'active' : 'inactive',
        );
        break;
      case 'close_date_updated':
        if (typeof msg.close_ts === 'number')
          updated = this.catalog.updateMarket(ticker, {
            closeTime: new Date(msg.close_ts * 1000).toISOString(),
          });
        break;
      case 'determined': {
        const result =
          msg.result === 'yes' || msg.result === 'no' || msg.result === 'scalar'
            ? msg.result
            : undefined;
        updated = this.catalog.updateMarket(ticker, { status: 'determined', result });
        break;
      }
      case 'settled':
        updated = this.catalog.setMarketStatus(ticker, 'finalized');
        break;
      case 'price_level_structure_updated': {
        const structure =
          typeof msg.price_level_structure === 'string' ? msg.price_level_structure : undefined;
        const grid = gridOf(msg.price_ranges as never, structure);
        updated = this.catalog.updateMarket(ticker, { grid, priceLevelStructure: structure });
        break;
      }
      case 'metadata_updated': {
        const pick = (key: string): unknown => msg[key] ?? metadata[key];
        const strikeType = pick('strike_type');
        updated = this.catalog.updateMarket(ticker, {
          strikeType: isStrikeType(strikeType) ? strikeType : undefined,
          floorStrike:
            typeof pick('floor_strike') === 'number' ? (pick('floor_strike') as number) : undefined,
          capStrike:
            typeof pick('cap_strike') === 'number' ? (pick('cap_strike') as number) : undefined,
          yesSubTitle:
            typeof pick('yes_sub_title') === 'string'
              ? (pick('yes_sub_title') as string)
              : undefined,
        });
        break;
      }
      default:
        return;
    }
    if (
      updated &&
      !marketMatches(this.filter, updated, this.now()) &&
      updated.status !== 'inactive'
    )
      this.catalog.removeMarket(ticker);
  }

  private onEventFeeUpdate(msg: Record<string, unknown>): void {
    const eventTicker = msg.event_ticker;
    if (typeof eventTicker !== 'string') throw new Error('no event_ticker');
    const type = msg.fee_type_override;
    const multiplier = msg.fee_multiplier_override;
    if (type !== null && type !== undefined && !isFeeType(type))
      throw new Error(`unknown fee_type_override ${JSON.stringify(type)}`);
    const multiplierE4 =
      multiplier === null || multiplier === undefined
        ? undefined
        : parseFeeMultiplierE4(multiplier);
    this.catalog.updateEventFees(eventTicker, type ?? undefined, multiplierE4);
  }

  /** A market we do not know yet: read it (and its event and series) from REST, then track it if it matches. */
  private loadLater(ticker: string): void {
    if (this.loading.has(ticker)) return;
    this.loading.add(ticker);
    this.loader
      .loadMarket(ticker)
      .then((found) => {
        if (!found) return;
        for (const series of found.series) this.catalog.upsertSeries(series);
        this.catalog.upsertEvent(found.event);
        this.catalog.upsertMarket(found.market);
      })
      .catch((error: unknown) =>
        this.logger.warn(`could not load new market ${ticker}: ${(error as Error).message}`),
      )
      .finally(() => this.loading.delete(ticker));
  }

  private reconcile(change: CatalogChange): void {
    if (!change.ticker) return;
    if (change.kind === 'market-removed') {
      this.feed.removeMarket(change.ticker);
      this.store.untrack(change.ticker);
      return;
    }
    const market = this.catalog.market(change.ticker);
    if (!market) return;
    const existed = this.store.get(market.ticker) !== undefined;
    const { book, created } = this.store.track(market.ticker, market.grid);
    if (created) {
      // A new book (new market or new grid) waits for its snapshot.
      if (existed) this.feed.resnapshot(market.ticker);
      else this.queueSubscription(market.ticker);
      return;
    }
    // Only a consistent book may carry MARKET_NOT_ACTIVE: deltas keep flowing into it while paused.
    if (market.status === 'active') this.store.markTradable(book);
    else if (!book.stale) this.store.markStale(book, 'MARKET_NOT_ACTIVE');
  }

  /** Markets added in one go (a load) subscribe in chunks, not one command each. */
  private queueSubscription(ticker: string): void {
    this.toSubscribe.push(ticker);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flushSubscriptions());
  }

  private flushSubscriptions(): void {
    this.flushQueued = false;
    if (this.toSubscribe.length === 0) return;
    const tickers = this.toSubscribe.splice(0);
    this.feed.addMarkets(tickers);
  }
}
