import { parseCountE2, parsePriceE4 } from '../../kalshi/fixed-point';
import { PriceGrid } from '../../kalshi/price-grid';
import type { OrderBookStoreView } from '../../market-data/market-data.ports';
import { OrderBook } from '../../market-data/order-book/order-book';

/** Depth as a test writes it: [price, size] with dollar and count strings, e.g. ['0.30', '100']. */
export type Levels = readonly (readonly [string, string])[];

/** An OrderBookStoreView in memory for unit tests: books set from snapshots, each change announced. */
export class InMemoryOrderBookStore implements OrderBookStoreView {
  private readonly books = new Map<string, OrderBook>();
  private readonly listeners = new Set<(book: OrderBook) => void>();
  private clockMs = 1;

  get(ticker: string): OrderBook | undefined {
    return this.books.get(ticker);
  }

  onBookChanged(listener: (book: OrderBook) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Replaces a book: `yesBids` are YES bids, `yesAsks` are YES asks (each an implied NO bid at 1 − price),
   * both as [dollars, contracts].
   */
  set(
    ticker: string,
    depth: { yesBids?: Levels; yesAsks?: Levels },
    grid = PriceGrid.cent(),
  ): OrderBook {
    const book = this.books.get(ticker) ?? new OrderBook(ticker, grid);
    book.beginSnapshot();
    for (const [price, size] of depth.yesBids ?? []) place(book, 'yes', parse(price), size);
    for (const [price, size] of depth.yesAsks ?? []) place(book, 'no', parse(price), size);
    book.finishSnapshot(this.clockMs++);
    this.books.set(ticker, book);
    this.announce(book);
    return book;
  }

  markStale(ticker: string): void {
    const book = this.books.get(ticker);
    if (!book) throw new Error(`no book ${ticker}`);
    book.markStale('SEQ_GAP');
    this.announce(book);
  }

  private announce(book: OrderBook): void {
    for (const listener of this.listeners) listener(book);
  }
}

function parse(price: string): number {
  const value = parsePriceE4(price);
  if (Number.isNaN(value)) throw new Error(`bad price ${price}`);
  return value;
}

function place(book: OrderBook, side: 'yes' | 'no', yesPriceE4: number, size: string): void {
  const sizeE2 = parseCountE2(size);
  // A YES ask at p is a NO bid at 1 − p, which the book files at YES level p.
  if (!book.setLevel(side, yesPriceE4, sizeE2)) {
    throw new Error(`${side} level at YES price ${yesPriceE4} x ${size} is off the grid or bad`);
  }
}
