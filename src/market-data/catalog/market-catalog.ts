import { Logger } from '@nestjs/common';
import type { FeeType } from '../../kalshi/kalshi-fees';
import type { CatalogChange, MarketCatalogView } from '../market-data.ports';
import { eventFees, type EventRecord } from './catalog-mapper';
import type { EventInfo, MarketInfo, MarketStatus, SeriesInfo } from './catalog.types';

/** Everything loaded in one pass; markets of events not in it are dropped by `replaceAll`. */
export interface CatalogContent {
  readonly series: readonly SeriesInfo[];
  readonly events: readonly EventRecord[];
  readonly markets: readonly MarketInfo[];
}

/**
 * Series -> events -> markets, as the engines read it. Mutations come from REST loads (`replaceAll`,
 * `upsert*`) and lifecycle messages (`updateMarket`, `updateEventFees`); each announces what changed,
 * synchronously, to the `onChange` listeners.
 */
export class MarketCatalog implements MarketCatalogView {
  private readonly logger = new Logger(MarketCatalog.name);
  private readonly seriesByTicker = new Map<string, SeriesInfo>();
  private readonly eventRecords = new Map<string, EventRecord>();
  private readonly eventInfos = new Map<string, EventInfo>();
  private readonly marketsByTicker = new Map<string, MarketInfo>();
  private readonly marketsOfEventTicker = new Map<string, MarketInfo[]>();
  private readonly listeners: ((change: CatalogChange) => void)[] = [];
  loadedAtMs = 0;

  market(ticker: string): MarketInfo | undefined {
    return this.marketsByTicker.get(ticker);
  }

  event(eventTicker: string): EventInfo | undefined {
    return this.eventInfos.get(eventTicker);
  }

  series(seriesTicker: string): SeriesInfo | undefined {
    return this.seriesByTicker.get(seriesTicker);
  }

  marketsOfEvent(eventTicker: string): readonly MarketInfo[] {
    return this.marketsOfEventTicker.get(eventTicker) ?? [];
  }

  events(): Iterable<EventInfo> {
    return this.eventInfos.values();
  }

  markets(): Iterable<MarketInfo> {
    return this.marketsByTicker.values();
  }

  allSeries(): Iterable<SeriesInfo> {
    return this.seriesByTicker.values();
  }

  get marketCount(): number {
    return this.marketsByTicker.size;
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** A full load: adds and updates what is there, removes tracked markets that are not any more. */
  replaceAll(content: CatalogContent, nowMs = Date.now()): void {
    for (const series of content.series) this.upsertSeries(series);
    for (const event of content.events) this.upsertEvent(event);
    const keep = new Set<string>();
    for (const market of content.markets) {
      keep.add(market.ticker);
      this.upsertMarket(market);
    }
    for (const ticker of [...this.marketsByTicker.keys()])
      if (!keep.has(ticker)) this.removeMarket(ticker);
    for (const eventTicker of [...this.eventInfos.keys()]) {
      if (this.marketsOfEvent(eventTicker).length === 0) this.removeEvent(eventTicker);
    }
    this.loadedAtMs = nowMs;
  }

  upsertSeries(series: SeriesInfo): void {
    const before = this.seriesByTicker.get(series.ticker);
    this.seriesByTicker.set(series.ticker, series);
    if (
      before &&
      before.fees.feeType === series.fees.feeType &&
      before.fees.multiplierE4 === series.fees.multiplierE4
    )
      return;
    for (const record of this.eventRecords.values())
      if (record.seriesTicker === series.ticker) this.refreshEvent(record);
  }

  upsertEvent(record: EventRecord): void {
    this.eventRecords.set(record.eventTicker, record);
    this.refreshEvent(record);
  }

  /** Adds or replaces a market; announces only real changes. */
  upsertMarket(market: MarketInfo): void {
    const before = this.marketsByTicker.get(market.ticker);
    if (before && sameMarket(before, market)) return;
    if (before && before.eventTicker !== market.eventTicker) this.detach(before);
    this.marketsByTicker.set(market.ticker, market);
    const siblings = this.marketsOfEventTicker.get(market.eventTicker) ?? [];
    const at = siblings.findIndex((m) => m.ticker === market.ticker);
    if (at >= 0) siblings[at] = market;
    else siblings.push(market);
    this.marketsOfEventTicker.set(market.eventTicker, siblings);
    if (!before || before.eventTicker !== market.eventTicker)
      this.refreshEventTickers(market.eventTicker);
    this.emit({
      kind: before ? 'market-updated' : 'market-added',
      eventTicker: market.eventTicker,
      ticker: market.ticker,
    });
  }

  /** A partial change from a lifecycle message; returns the new market, or undefined when it is not tracked. */
  updateMarket(
    ticker: string,
    change: Partial<Omit<MarketInfo, 'ticker' | 'eventTicker' | 'seriesTicker'>>,
  ): MarketInfo | undefined {
    const before = this.marketsByTicker.get(ticker);
    if (!before) return undefined;
    const after: MarketInfo = { ...before, ...definedOnly(change) };
    this.upsertMarket(after);
    return after;
  }

  setMarketStatus(ticker: string, status: MarketStatus): MarketInfo | undefined {
    return this.updateMarket(ticker, { status });
  }

  removeMarket(ticker: string): void {
    const market = this.marketsByTicker.get(ticker);
    if (!market) return;
    this.marketsByTicker.delete(ticker);
    this.detach(market);
    this.emit({ kind: 'market-removed', eventTicker: market.eventTicker, ticker });
  }

  /** `event_fee_update`: null clears an override. */
  updateEventFees(
    eventTicker: string,
    feeTypeOverride: FeeType | undefined,
    feeMultiplierOverrideE4: number | undefined,
  ): boolean {
    const record = this.eventRecords.get(eventTicker);
    if (!record) return false;
    this.upsertEvent({ ...record, feeTypeOverride, feeMultiplierOverrideE4 });
    return true;
  }

  private removeEvent(eventTicker: string): void {
    this.eventRecords.delete(eventTicker);
    this.eventInfos.delete(eventTicker);
    this.marketsOfEventTicker.delete(eventTicker);
  }

  private detach(market: MarketInfo): void {
    const siblings = this.marketsOfEventTicker.get(market.eventTicker);
    if (!siblings) return;
    const at = siblings.findIndex((m) => m.ticker === market.ticker);
    if (at >= 0) siblings.splice(at, 1);
    this.refreshEventTickers(market.eventTicker);
  }

  private refreshEvent(record: EventRecord): void {
    const info: EventInfo = {
      eventTicker: record.eventTicker,
      seriesTicker: record.seriesTicker,
      title: record.title,
      mutuallyExclusive: record.mutuallyExclusive,
      fees: eventFees(record, this.seriesByTicker.get(record.seriesTicker)),
      marketTickers: this.marketsOfEvent(record.eventTicker).map((m) => m.ticker),
      allMarketTickers: this.allMembers(record),
      category: record.category ?? this.seriesByTicker.get(record.seriesTicker)?.category,
    };
    const before = this.eventInfos.get(record.eventTicker);
    this.eventInfos.set(record.eventTicker, info);
    if (before && sameEvent(before, info)) return;
    this.emit({ kind: 'event-updated', eventTicker: record.eventTicker });
  }

  private refreshEventTickers(eventTicker: string): void {
    const info = this.eventInfos.get(eventTicker);
    const record = this.eventRecords.get(eventTicker);
    if (!info || !record) return;
    this.eventInfos.set(eventTicker, {
      ...info,
      marketTickers: this.marketsOfEvent(eventTicker).map((m) => m.ticker),
      allMarketTickers: this.allMembers(record),
    });
  }

  /** The exchange's list of the event's markets, plus any market tracked or announced since that list was read. */
  private allMembers(record: EventRecord): string[] {
    const members = new Set(record.allMarketTickers ?? []);
    for (const market of this.marketsOfEvent(record.eventTicker)) members.add(market.ticker);
    return [...members];
  }

  /** A market the exchange announced in a tracked event, whether or not we track it: partitions count it. */
  noteEventMember(eventTicker: string, ticker: string): void {
    const record = this.eventRecords.get(eventTicker);
    if (!record || record.allMarketTickers?.includes(ticker)) return;
    this.eventRecords.set(eventTicker, {
      ...record,
      allMarketTickers: [...(record.allMarketTickers ?? []), ticker],
    });
    this.refreshEventTickers(eventTicker);
    this.emit({ kind: 'event-updated', eventTicker });
  }

  private emit(change: CatalogChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(
          `a catalog listener failed on ${change.kind} ${change.ticker ?? change.eventTicker}: ${(error as Error)?.stack ?? String(error)}`,
        );
      }
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sameMarket(a: MarketInfo, b: MarketInfo): boolean {
  return (
    a.eventTicker === b.eventTicker &&
    a.status === b.status &&
    a.grid === b.grid &&
    a.strikeType === b.strikeType &&
    a.floorStrike === b.floorStrike &&
    a.capStrike === b.capStrike &&
    a.closeTime === b.closeTime &&
    a.result === b.result &&
    a.title === b.title &&
    a.yesSubTitle === b.yesSubTitle &&
    a.seriesTicker === b.seriesTicker &&
    a.fractionalTradingEnabled === b.fractionalTradingEnabled
  );
}

function sameEvent(a: EventInfo, b: EventInfo): boolean {
  return (
    a.mutuallyExclusive === b.mutuallyExclusive &&
    a.fees.feeType === b.fees.feeType &&
    a.fees.multiplierE4 === b.fees.multiplierE4 &&
    a.title === b.title &&
    a.seriesTicker === b.seriesTicker &&
    a.category === b.category &&
    a.allMarketTickers.length === b.allMarketTickers.length &&
    a.allMarketTickers.every((ticker) => b.allMarketTickers.includes(ticker))
  );
}
