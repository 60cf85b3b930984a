import type { OrderBookModel } from '../models/order-book.model';
import type { OrderBook } from './order-book';
import type { OrderBookStore } from './order-book-store';

/** The most levels a subscription event carries; each subscriber sees its own `depth` of them. */
export const PUBLISHED_DEPTH = 100;

/**
 * Throttled `orderBookUpdated` events: the hot path only flags a watched book as changed; a timer publishes each
 * flagged book at most `updatesPerSecond` times a second, and only books someone subscribed to.
 */
export class OrderBookPublisher {
  private readonly watchers = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: OrderBookStore,
    private readonly publish: (book: OrderBook) => void,
    private readonly updatesPerSecond: number,
  ) {}

  start(): void {
    this.unsubscribe ??= this.store.onBookChanged((book) => {
      if (this.watchers.has(book.ticker)) this.dirty.add(book.ticker);
    });
    this.timer ??= setInterval(
      () => this.flush(),
      Math.max(10, Math.floor(1000 / this.updatesPerSecond)),
    );
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A subscriber of `ticker` arrived; the current book goes out at the next tick. Returns its release. */
  watch(ticker: string): () => void {
    this.watchers.set(ticker, (this.watchers.get(ticker) ?? 0) + 1);
    this.dirty.add(ticker);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watchers.get(ticker) ?? 1) - 1;
      if (left > 0) this.watchers.set(ticker, left);
      else this.watchers.delete(ticker);
    };
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const tickers = [...this.dirty];
    this.dirty.clear();
    for (const ticker of tickers) {
      const book = this.store.get(ticker);
      if (book && this.watchers.has(ticker)) this.publish(book);
    }
  }
}

export type OrderBookUpdatedPayload = { orderBookUpdated: OrderBookModel };
