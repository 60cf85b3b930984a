import { PriceGrid } from '../../kalshi/price-grid';
import type { OrderBook } from './order-book';
import { OrderBookPublisher } from './order-book-publisher';
import { OrderBookStore } from './order-book-store';

describe('OrderBookPublisher', () => {
  it('publishes a watched book at most once per tick however often it changes, and stops when unwatched', () => {
    const store = new OrderBookStore();
    const { book } = store.track('KXHIGHNY-26OCT01-T61', PriceGrid.cent());
    store.track('KXHIGHNY-26OCT01-T63', PriceGrid.cent());
    const published: string[] = [];
    const publisher = new OrderBookPublisher(store, (b: OrderBook) => published.push(b.ticker), 4);
    publisher.start();
    const release = publisher.watch('KXHIGHNY-26OCT01-T61');
    publisher.flush();
    expect(published).toEqual(['KXHIGHNY-26OCT01-T61']); // the current book, at once
    for (let i = 0; i < 50; i++) {
      book.applyDelta('yes', 4200, 100, i);
      store.notify(book);
      store.notify(store.get('KXHIGHNY-26OCT01-T63')!);
    }
    publisher.flush();
    publisher.flush();
    expect(published).toEqual(['KXHIGHNY-26OCT01-T61', 'KXHIGHNY-26OCT01-T61']);
    release();
    store.notify(book);
    publisher.flush();
    expect(published).toHaveLength(2);
    publisher.stop();
  });
});
