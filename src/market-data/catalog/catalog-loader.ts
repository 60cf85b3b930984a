import { Logger } from '@nestjs/common';
import { KalshiApiError } from '../../kalshi/rest/kalshi-api-error';
import type { KalshiRestClient } from '../../kalshi/rest/kalshi-rest-client';
import type { EventWire, MarketWire, SeriesWire } from '../../kalshi/wire/market.wire';
import {
  eventRecordFromWire,
  marketInfoFromWire,
  seriesInfoFromWire,
  type EventRecord,
} from './catalog-mapper';
import type { MarketInfo, SeriesInfo } from './catalog.types';
import type { CatalogContent } from './market-catalog';
import {
  describeFilter,
  eventSelected,
  marketMatches,
  restStatus,
  type TrackingFilter,
} from './tracking-filter';

const EVENTS_PAGE = 200;

/**
 * Loads the tracked part of the catalog from Kalshi REST: events with their nested markets (by event, by series,
 * by category or all), then the series' fee schedules. An object that cannot be mapped is skipped and logged,
 * never guessed.
 */
export class CatalogLoader {
  private readonly logger = new Logger(CatalogLoader.name);
  skipped = 0;

  constructor(
    private readonly rest: KalshiRestClient,
    readonly filter: TrackingFilter,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<CatalogContent> {
    const events: EventRecord[] = [];
    const markets: MarketInfo[] = [];
    const nowMs = this.now();
    for await (const wire of this.selectedEvents()) {
      let record: EventRecord;
      try {
        record = eventRecordFromWire(wire);
      } catch (error) {
        this.skip(`event ${wire?.event_ticker}: ${(error as Error).message}`);
        continue;
      }
      const wires = wire.markets ?? (await this.marketsOfEvent(record.eventTicker));
      if (!record.allMarketTickers)
        record = { ...record, allMarketTickers: wires.map((m) => m.ticker) };
      let added = 0;
      for (const marketWire of wires) {
        const market = this.mapMarket(marketWire, record.seriesTicker);
        if (!market || !marketMatches(this.filter, market, nowMs)) continue;
        if (markets.length >= this.filter.maxMarkets) break;
        markets.push(market);
        added++;
      }
      if (added > 0) events.push(record);
      if (markets.length >= this.filter.maxMarkets) {
        this.logger.warn(
          `tracking stops at MARKET_LIMIT=${this.filter.maxMarkets} markets: narrow the selection (${describeFilter(this.filter)})`,
        );
        break;
      }
    }
    // Fees come from the series: an event whose series could not be read is left out, never priced by a guess.
    const series = await this.seriesOf(new Set(events.map((e) => e.seriesTicker)));
    const known = new Set(series.map((s) => s.ticker));
    const kept = events.filter((e) => known.has(e.seriesTicker));
    const keptEvents = new Set(kept.map((e) => e.eventTicker));
    return { series, events: kept, markets: markets.filter((m) => keptEvents.has(m.eventTicker)) };
  }

  /** One market with its event and series, for a market announced by a lifecycle message; undefined if not tracked. */
  async loadMarket(
    ticker: string,
  ): Promise<{ market: MarketInfo; event: EventRecord; series: SeriesInfo[] } | undefined> {
    const { market: marketWire } = await this.rest.getMarket(ticker);
    const { event: eventWire } = await this.rest.getEvent(marketWire.event_ticker, false);
    const event = eventRecordFromWire(eventWire);
    const series = await this.seriesOf(new Set([event.seriesTicker]));
    if (series.length === 0) return undefined;
    if (!eventSelected(this.filter, { ...event, category: event.category ?? series[0]?.category }))
      return undefined;
    const market = this.mapMarket(marketWire, event.seriesTicker);
    if (!market || !marketMatches(this.filter, market, this.now())) return undefined;
    return { market, event, series };
  }

  private async *selectedEvents(): AsyncGenerator<EventWire> {
    const status = restStatus(this.filter);
    const seen = new Set<string>();
    const unseen = (event: EventWire) => {
      if (seen.has(event.event_ticker)) return false;
      seen.add(event.event_ticker);
      return true;
    };
    for (const eventTicker of this.filter.eventTickers) {
      try {
        const { event, markets } = await this.rest.getEvent(eventTicker, true);
        if (unseen(event)) yield { ...event, markets: event.markets ?? markets };
      } catch (error) {
        if (!(error instanceof KalshiApiError) || error.status !== 404) throw error;
        this.logger.warn(`MARKET_EVENTS names ${eventTicker}, which Kalshi does not know`);
      }
    }
    const seriesTickers = [...this.filter.seriesTickers];
    for (const category of this.filter.categories) {
      const { series } = await this.rest.getSeriesList({ category });
      for (const s of series ?? [])
        if (!seriesTickers.includes(s.ticker)) seriesTickers.push(s.ticker);
    }
    for (const seriesTicker of seriesTickers) {
      for await (const event of this.eventPages({ series_ticker: seriesTicker, status }))
        if (unseen(event)) yield event;
    }
    const anyList =
      this.filter.eventTickers.length +
        this.filter.seriesTickers.length +
        this.filter.categories.length >
      0;
    if (!anyList)
      for await (const event of this.eventPages({ status })) if (unseen(event)) yield event;
  }

  private eventPages(query: {
    series_ticker?: string;
    status?: string;
  }): AsyncGenerator<EventWire> {
    return this.rest.paginate(
      (cursor) =>
        this.rest.getEvents({ ...query, limit: EVENTS_PAGE, cursor, with_nested_markets: true }),
      (page) => page.events,
    );
  }

  private async marketsOfEvent(eventTicker: string): Promise<MarketWire[]> {
    const markets: MarketWire[] = [];
    const pages = this.rest.paginate(
      (cursor) => this.rest.getMarkets({ event_ticker: eventTicker, limit: 1000, cursor }),
      (page) => page.markets,
    );
    for await (const market of pages) markets.push(market);
    return markets;
  }

  /** The series list in one call when Kalshi serves it, then one call per series it left out. */
  private async seriesOf(tickers: Set<string>): Promise<SeriesInfo[]> {
    const found = new Map<string, SeriesWire>();
    if (tickers.size > 1) {
      try {
        const { series } = await this.rest.getSeriesList();
        for (const s of series ?? []) if (tickers.has(s.ticker)) found.set(s.ticker, s);
      } catch (error) {
        this.logger.warn(
          `GET /series failed (${(error as Error).message}): reading series one by one`,
        );
      }
    }
    for (const ticker of tickers) {
      if (found.has(ticker)) continue;
      try {
        found.set(ticker, (await this.rest.getSeries(ticker)).series);
      } catch (error) {
        this.skip(
          `series ${ticker}: ${(error as Error).message} (its events are left out until the next refresh)`,
        );
      }
    }
    const infos: SeriesInfo[] = [];
    for (const wire of found.values()) {
      try {
        infos.push(seriesInfoFromWire(wire));
      } catch (error) {
        this.skip((error as Error).message);
      }
    }
    return infos;
  }

  private mapMarket(wire: MarketWire, seriesTicker: string): MarketInfo | undefined {
    try {
      return marketInfoFromWire(wire, seriesTicker);
    } catch (error) {
      this.skip((error as Error).message);
      return undefined;
    }
  }

  private skip(reason: string): void {
    this.skipped++;
    this.logger.warn(`catalog: skipped ${reason}`);
  }
}
