import { formatCountE2, formatPriceE4 } from '../kalshi/fixed-point';
import type { EventInfo, MarketInfo } from './catalog/catalog.types';
import type { MarketCatalog } from './catalog/market-catalog';
import type { EventsFilter, MarketsFilter, PageInput } from './dto/markets-filter.input';
import type { FeedHealth } from './feed/feed-health';
import { MarketDataError } from './market-data-error';
import type { EventModel } from './models/event.model';
import type { FeedStatus } from './models/feed-status.model';
import {
  FeeTypeValue,
  MarketStatusValue,
  StaleReasonValue,
  StrikeTypeValue,
} from './models/market-data.enums';
import type { MarketModel } from './models/market.model';
import type { OrderBookModel } from './models/order-book.model';
import type { OrderBook } from './order-book/order-book';
import type { OrderBookStore } from './order-book/order-book-store';

export const MAX_DEPTH = 100;
const MAX_PAGE = 1000;

/** Read models for GraphQL: validation of arguments and mapping to decimal strings, nothing else. */
export class MarketDataQueries {
  constructor(
    private readonly catalog: MarketCatalog,
    private readonly store: OrderBookStore,
    private readonly health: FeedHealth,
    private readonly source: string,
  ) {}

  markets(filter: MarketsFilter = {}, page: PageInput = { limit: 100, offset: 0 }): MarketModel[] {
    const { limit, offset } = validPage(page);
    const tickers = filter.tickers ? new Set(filter.tickers) : undefined;
    const selected = [...this.catalog.markets()].filter(
      (m) =>
        (filter.eventTicker === undefined ||
          filter.eventTicker === null ||
          m.eventTicker === filter.eventTicker) &&
        (filter.seriesTicker === undefined ||
          filter.seriesTicker === null ||
          m.seriesTicker === filter.seriesTicker) &&
        (filter.status === undefined ||
          filter.status === null ||
          m.status === (filter.status as string)) &&
        (tickers === undefined || tickers.has(m.ticker)) &&
        (filter.bookStale === undefined ||
          filter.bookStale === null ||
          (this.store.get(m.ticker)?.stale ?? true) === filter.bookStale),
    );
    selected.sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
    return selected.slice(offset, offset + limit).map((m) => this.marketModel(m));
  }

  market(ticker: string): MarketModel {
    const market = this.catalog.market(ticker);
    if (!market)
      throw new MarketDataError('MARKET_NOT_FOUND', `no tracked market has the ticker "${ticker}"`);
    return this.marketModel(market);
  }

  events(filter: EventsFilter = {}, page: PageInput = { limit: 100, offset: 0 }): EventModel[] {
    const { limit, offset } = validPage(page);
    const selected = [...this.catalog.events()].filter(
      (e) =>
        (filter.seriesTicker === undefined ||
          filter.seriesTicker === null ||
          e.seriesTicker === filter.seriesTicker) &&
        (filter.category === undefined ||
          filter.category === null ||
          e.category === filter.category) &&
        (filter.mutuallyExclusive === undefined ||
          filter.mutuallyExclusive === null ||
          e.mutuallyExclusive === filter.mutuallyExclusive),
    );
    selected.sort((a, b) =>
      a.eventTicker < b.eventTicker ? -1 : a.eventTicker > b.eventTicker ? 1 : 0,
    );
    return selected.slice(offset, offset + limit).map(eventModel);
  }

  event(eventTicker: string): EventModel {
    const event = this.catalog.event(eventTicker);
    if (!event)
      throw new MarketDataError(
        'EVENT_NOT_FOUND',
        `no tracked event has the ticker "${eventTicker}"`,
      );
    return eventModel(event);
  }

  marketsOfEvent(eventTicker: string): MarketModel[] {
    return this.catalog.marketsOfEvent(eventTicker).map((m) => this.marketModel(m));
  }

  orderBook(ticker: string, depth = 10): OrderBookModel {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
      throw new MarketDataError(
        'INVALID_ARGUMENT',
        `depth must be a whole number from 1 to ${MAX_DEPTH} (got ${depth})`,
      );
    }
    const book = this.store.get(ticker);
    if (!book)
      throw new MarketDataError('MARKET_NOT_FOUND', `no tracked market has the ticker "${ticker}"`);
    return orderBookModel(book, depth);
  }

  feedStatus(nowMs = Date.now()): FeedStatus {
    const snapshot = this.health.snapshot(nowMs, {
      trackedMarkets: this.store.size,
      staleBooks: this.store.staleCount(),
    });
    const { lastFrameAtMs, ...rest } = snapshot;
    return {
      ...rest,
      source: this.source,
      lastFrameAt: lastFrameAtMs === null ? null : new Date(lastFrameAtMs).toISOString(),
      catalogLoadedAt: this.catalog.loadedAtMs
        ? new Date(this.catalog.loadedAtMs).toISOString()
        : null,
    };
  }

  private marketModel(market: MarketInfo): MarketModel {
    const book = this.store.get(market.ticker);
    const bid = book?.bestBidE4() ?? 0;
    const ask = book?.bestAskE4() ?? 0;
    return {
      ticker: market.ticker,
      eventTicker: market.eventTicker,
      seriesTicker: market.seriesTicker,
      title: market.title,
      yesSubTitle: market.yesSubTitle,
      status: market.status as MarketStatusValue,
      strikeType: (market.strikeType as StrikeTypeValue | undefined) ?? null,
      floorStrike: market.floorStrike ?? null,
      capStrike: market.capStrike ?? null,
      closeTime: market.closeTime ?? null,
      result: market.result || null,
      priceLevelStructure: market.priceLevelStructure ?? null,
      priceRanges: market.grid.toWire(),
      bestYesBid: bid > 0 ? formatPriceE4(bid) : null,
      bestYesAsk: ask > 0 ? formatPriceE4(ask) : null,
      bookStale: book?.stale ?? true,
    };
  }
}

function validPage(page: PageInput): { limit: number; offset: number } {
  const limit = page?.limit ?? 100;
  const offset = page?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    throw new MarketDataError(
      'INVALID_ARGUMENT',
      `limit must be from 1 to ${MAX_PAGE} (got ${limit})`,
    );
  if (!Number.isInteger(offset) || offset < 0)
    throw new MarketDataError('INVALID_ARGUMENT', `offset must be 0 or more (got ${offset})`);
  return { limit, offset };
}

export function eventModel(event: EventInfo): EventModel {
  return {
    eventTicker: event.eventTicker,
    seriesTicker: event.seriesTicker,
    title: event.title,
    category: event.category ?? null,
    mutuallyExclusive: event.mutuallyExclusive,
    feeType: event.fees.feeType as FeeTypeValue,
    feeMultiplier: formatPriceE4(event.fees.multiplierE4),
    marketCount: event.marketTickers.length,
    marketTickers: [...event.marketTickers],
  };
}

/** A book as decimal strings: YES bids best first, NO bids at their NO price best first. */
export function orderBookModel(book: OrderBook, depth: number): OrderBookModel {
  const levels = book.depth(depth);
  const bid = book.bestBidE4();
  const ask = book.bestAskE4();
  return {
    ticker: book.ticker,
    yesBids: levels.yesBids.map(([price, count]) => ({
      price: formatPriceE4(price),
      count: formatCountE2(count),
    })),
    noBids: levels.noBids.map(([price, count]) => ({
      price: formatPriceE4(price),
      count: formatCountE2(count),
    })),
    bestYesBid: bid > 0 ? formatPriceE4(bid) : null,
    bestYesBidCount: bid > 0 ? formatCountE2(book.bestBidSizeE2()) : null,
    bestYesAsk: ask > 0 ? formatPriceE4(ask) : null,
    bestYesAskCount: ask > 0 ? formatCountE2(book.bestAskSizeE2()) : null,
    stale: book.stale,
    staleReason: (book.staleReason as StaleReasonValue | null) ?? null,
    updatedAt: book.updatedAtMs > 0 ? new Date(book.updatedAtMs).toISOString() : null,
    exchangeTimestamp: book.exchangeTsMs > 0 ? new Date(book.exchangeTsMs).toISOString() : null,
    depth,
  };
}
