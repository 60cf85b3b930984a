import { Logger } from '@nestjs/common';
import type { PriceGrid } from '../../kalshi/price-grid';
import { TickerIndex } from '../../kalshi/ws/ticker-index';
import type { OrderBookStoreView } from '../market-data.ports';
import { OrderBook, type StaleReason } from './order-book';

/**
 * One `OrderBook` per tracked market, each at a stable slot so the feed finds a delta's book from the frame text
 * without allocating. Listeners run synchronously after every change, stale transitions included (the arbitrage
 * engine must see `book.stale`); a throwing listener is logged and counted, never allowed to stop the feed.
 */
export class OrderBookStore implements OrderBookStoreView {
  private readonly logger = new Logger(OrderBookStore.name);
  private readonly index = new TickerIndex();
  /** The same ticker -> slot map for lookups by string: V8 keeps a string's hash, the TickerIndex rehashes it. */
  private readonly slotByTicker = new Map<string, number>();
  private readonly books: (OrderBook | undefined)[] = [];
  private readonly listeners: ((book: OrderBook) => void)[] = [];
  private tracked = 0;
  listenerErrors = 0;

  get(ticker: string): OrderBook | undefined {
    const slot = this.slotByTicker.get(ticker);
    return slot === undefined ? undefined : this.books[slot];
  }

  /** The slot of a ticker written at text[start, end), or -1 (hot path). */
  slotIn(text: string, start: number, end: number): number {
    return this.index.find(text, start, end);
  }

  slotOf(ticker: string): number {
    return this.slotByTicker.get(ticker) ?? -1;
  }

  bookAt(slot: number): OrderBook | undefined {
    return this.books[slot];
  }

  get size(): number {
    return this.tracked;
  }

  /** Number of slots ever used (slots are never reused). */
  get slotCount(): number {
    return this.books.length;
  }

  /**
   * Starts tracking a market, or keeps its book when the grid is unchanged. A new grid needs a new book (levels
   * are grid indexes): it starts stale (NO_SNAPSHOT) and the caller asks for a snapshot. Returns the book and
   * whether it is new.
   */
  track(ticker: string, grid: PriceGrid): { book: OrderBook; created: boolean } {
    let slot = this.slotOf(ticker);
    const existing = slot < 0 ? undefined : this.books[slot];
    if (existing && existing.grid === grid) return { book: existing, created: false };
    const book = new OrderBook(ticker, grid);
    if (slot < 0) {
      slot = this.books.length;
      this.books.push(book);
      this.index.set(ticker, slot);
      this.slotByTicker.set(ticker, slot);
    } else {
      this.books[slot] = book;
    }
    if (!existing) this.tracked++;
    this.notify(book);
    return { book, created: true };
  }

  untrack(ticker: string): boolean {
    const slot = this.slotOf(ticker);
    const book = slot < 0 ? undefined : this.books[slot];
    if (!book) return false;
    book.markStale('MARKET_NOT_ACTIVE');
    this.notify(book);
    this.books[slot] = undefined;
    this.tracked--;
    return true;
  }

  *all(): IterableIterator<OrderBook> {
    for (const book of this.books) if (book) yield book;
  }

  staleCount(): number {
    let stale = 0;
    for (const book of this.books) if (book?.stale) stale++;
    return stale;
  }

  /** Marks a book stale (if it is not already, for that reason) and tells the listeners. */
  markStale(book: OrderBook, reason: StaleReason): void {
    if (book.stale && book.staleReason === reason) return;
    book.markStale(reason);
    this.notify(book);
  }

  /** A consistent book of a market that trades again: fresh, unless it waits for a snapshot for another reason. */
  markTradable(book: OrderBook): void {
    if (!book.stale || book.staleReason !== 'MARKET_NOT_ACTIVE') return;
    book.stale = false;
    book.staleReason = null;
    book.version++;
    this.notify(book);
  }

  onBookChanged(listener: (book: OrderBook) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Runs every listener synchronously (the hot path's last step). */
  notify(book: OrderBook): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i](book);
      } catch (error) {
        this.listenerErrors++;
        if (this.listenerErrors <= 10 || this.listenerErrors % 1000 === 0) {
          this.logger.error(
            `a book listener failed on ${book.ticker} (${this.listenerErrors} so far): ${(error as Error)?.stack ?? String(error)}`,
          );
        }
      }
    }
  }
}
