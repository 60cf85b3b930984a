import type { OrderBook } from '../../market-data/order-book/order-book';

/**
 * The best live quotes of a group's members, kept current from book changes: member i's YES bid and YES ask in
 * $0.0001 (0 when its book is missing, stale or that side is empty), with the sums and counts of the non-zero
 * ones. The detectors decide exactly as they would from the books, so the engine evaluates only the pairs and
 * partitions these numbers allow (and nothing per member is looked up by ticker on the hot path).
 */
export class GroupQuotes {
  readonly bids: Int32Array;
  readonly asks: Int32Array;
  /** Member i's book while it is live, else undefined. */
  readonly books: (OrderBook | undefined)[];
  bidSumE4 = 0;
  bidLegs = 0;
  askSumE4 = 0;
  askLegs = 0;

  constructor(size: number) {
    this.bids = new Int32Array(size);
    this.asks = new Int32Array(size);
    this.books = new Array<OrderBook | undefined>(size).fill(undefined);
  }

  /** Member `position` now has `book` (undefined: no book). */
  set(position: number, book: OrderBook | undefined): void {
    const live = book !== undefined && !book.stale;
    const bid = live ? book.bestBidE4() : 0;
    const ask = live ? book.bestAskE4() : 0;
    this.books[position] = live ? book : undefined;
    const oldBid = this.bids[position];
    if (oldBid !== bid) {
      if (oldBid !== 0) {
        this.bidSumE4 -= oldBid;
        this.bidLegs--;
      }
      if (bid !== 0) {
        this.bidSumE4 += bid;
        this.bidLegs++;
      }
      this.bids[position] = bid;
    }
    const oldAsk = this.asks[position];
    if (oldAsk !== ask) {
      if (oldAsk !== 0) {
        this.askSumE4 -= oldAsk;
        this.askLegs--;
      }
      if (ask !== 0) {
        this.askSumE4 += ask;
        this.askLegs++;
      }
      this.asks[position] = ask;
    }
  }
}
