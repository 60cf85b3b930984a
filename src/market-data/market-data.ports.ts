import type { EventInfo, MarketInfo, SeriesInfo } from './catalog/catalog.types';
import type { OrderBook } from './order-book/order-book';

/** What changed in the catalog: the arbitrage engine rebuilds the relation groups of that event. */
export interface CatalogChange {
  readonly kind: 'market-added' | 'market-updated' | 'market-removed' | 'event-updated';
  readonly eventTicker: string;
  readonly ticker?: string;
}

/** Read side of the market catalog (series -> events -> markets), as the engines see it. */
export interface MarketCatalogView {
  market(ticker: string): MarketInfo | undefined;
  event(eventTicker: string): EventInfo | undefined;
  series(seriesTicker: string): SeriesInfo | undefined;
  marketsOfEvent(eventTicker: string): readonly MarketInfo[];
  events(): Iterable<EventInfo>;
  /** Called synchronously after each change; returns an unsubscribe function. */
  onChange(listener: (change: CatalogChange) => void): () => void;
}

/** Read side of the live books. `onBookChanged` runs synchronously on the hot path: listeners must not await. */
export interface OrderBookStoreView {
  get(ticker: string): OrderBook | undefined;
  onBookChanged(listener: (book: OrderBook) => void): () => void;
}
