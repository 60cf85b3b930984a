import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { PriceGrid } from '../../kalshi/price-grid';
import type { EventInfo, MarketInfo, SeriesInfo } from '../../market-data/catalog/catalog.types';
import type { CatalogChange, MarketCatalogView } from '../../market-data/market-data.ports';

/** A MarketCatalogView in memory for unit tests: events and markets put in by hand, changes announced. */
export class InMemoryMarketCatalog implements MarketCatalogView {
  private readonly markets = new Map<string, MarketInfo>();
  private readonly eventMap = new Map<string, EventInfo>();
  private readonly seriesMap = new Map<string, SeriesInfo>();
  private readonly listeners = new Set<(change: CatalogChange) => void>();

  market(ticker: string): MarketInfo | undefined {
    return this.markets.get(ticker);
  }

  event(eventTicker: string): EventInfo | undefined {
    return this.eventMap.get(eventTicker);
  }

  series(seriesTicker: string): SeriesInfo | undefined {
    return this.seriesMap.get(seriesTicker);
  }

  marketsOfEvent(eventTicker: string): readonly MarketInfo[] {
    return [...this.markets.values()].filter((market) => market.eventTicker === eventTicker);
  }

  events(): Iterable<EventInfo> {
    return this.eventMap.values();
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds an event and its markets (markets: partial MarketInfo with ticker and strikes). */
  addEvent(
    event: {
      eventTicker: string;
      mutuallyExclusive?: boolean;
      fees?: FeeSchedule;
      /** Markets the exchange lists in the event that are not given here (untracked, settled, ...). */
      untrackedTickers?: readonly string[];
    },
    markets: readonly MarketSpec[],
  ): EventInfo {
    const seriesTicker = event.eventTicker.split('-')[0];
    const fees = event.fees ?? FeeSchedule.standard();
    if (!this.seriesMap.has(seriesTicker))
      this.seriesMap.set(seriesTicker, {
        ticker: seriesTicker,
        title: seriesTicker,
        category: 'Test',
        fees,
      });
    const info: EventInfo = {
      eventTicker: event.eventTicker,
      seriesTicker,
      title: event.eventTicker,
      mutuallyExclusive: event.mutuallyExclusive ?? false,
      fees,
      marketTickers: markets.map((m) => m.ticker),
      allMarketTickers: [...markets.map((m) => m.ticker), ...(event.untrackedTickers ?? [])],
    };
    this.eventMap.set(info.eventTicker, info);
    for (const spec of markets) this.markets.set(spec.ticker, marketInfo(info, spec));
    this.emit({ kind: 'event-updated', eventTicker: info.eventTicker });
    return info;
  }

  /** Drops a market from the catalog (as a settled or filtered-out market leaves it) and announces it. */
  removeMarket(ticker: string): void {
    const market = this.markets.get(ticker);
    if (!market) throw new Error(`no market ${ticker}`);
    this.markets.delete(ticker);
    this.emit({ kind: 'market-removed', eventTicker: market.eventTicker, ticker });
  }

  /** Changes one market (status, strikes) and announces it. */
  updateMarket(ticker: string, change: Partial<MarketInfo>): void {
    const market = this.markets.get(ticker);
    if (!market) throw new Error(`no market ${ticker}`);
    this.markets.set(ticker, { ...market, ...change });
    this.emit({ kind: 'market-updated', eventTicker: market.eventTicker, ticker });
  }

  private emit(change: CatalogChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

export type MarketSpec = Partial<MarketInfo> & { ticker: string };

export function marketInfo(event: EventInfo, spec: MarketSpec): MarketInfo {
  return {
    eventTicker: event.eventTicker,
    seriesTicker: event.seriesTicker,
    title: spec.ticker,
    yesSubTitle: spec.ticker,
    status: 'active',
    grid: PriceGrid.cent(),
    ...spec,
  };
}
