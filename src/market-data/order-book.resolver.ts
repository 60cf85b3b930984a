import { Args, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { EventBus } from '../common/pubsub/event-bus';
import { MarketDataQueries } from './market-data-queries';
import { OrderBookModel } from './models/order-book.model';
import {
  OrderBookPublisher,
  type OrderBookUpdatedPayload,
} from './order-book/order-book-publisher';

@Resolver(() => OrderBookModel)
export class OrderBookResolver {
  constructor(
    private readonly queries: MarketDataQueries,
    private readonly publisher: OrderBookPublisher,
    private readonly events: EventBus,
  ) {}

  @Query(() => OrderBookModel, {
    description:
      'The live book of a tracked market; MARKET_NOT_FOUND, or BAD_USER_INPUT for a depth outside 1-100',
  })
  orderBook(
    @Args('ticker') ticker: string,
    @Args('depth', { type: () => Int, defaultValue: 10 }) depth: number,
  ): OrderBookModel {
    return this.queries.orderBook(ticker, depth);
  }

  @Subscription(() => OrderBookModel, {
    description:
      'The book of one market whenever it changes, at most ORDER_BOOK_UPDATES_PER_SECOND times a second',
    filter: (payload: OrderBookUpdatedPayload, variables: { ticker: string }) =>
      payload.orderBookUpdated.ticker === variables.ticker,
    resolve: (payload: OrderBookUpdatedPayload, variables: { depth: number }) => ({
      ...payload.orderBookUpdated,
      yesBids: payload.orderBookUpdated.yesBids.slice(0, variables.depth),
      noBids: payload.orderBookUpdated.noBids.slice(0, variables.depth),
      depth: variables.depth,
    }),
  })
  orderBookUpdated(
    @Args('ticker') ticker: string,
    @Args('depth', { type: () => Int, defaultValue: 10 }) depth: number,
  ): AsyncIterableIterator<unknown> {
    this.queries.orderBook(ticker, depth); // the same argument checks as the query: unknown ticker, depth
    const iterator = this.events.asyncIterator('orderBookUpdated');
    const release = this.publisher.watch(ticker);
    return withRelease(iterator, release);
  }
}

/** Calls `release` when the subscriber goes away (return / throw), so the publisher stops watching. */
function withRelease<T>(
  iterator: AsyncIterableIterator<T>,
  release: () => void,
): AsyncIterableIterator<T> {
  return {
    next: () => iterator.next(),
    return: (value?: unknown) => {
      release();
      return iterator.return
        ? iterator.return(value)
        : Promise.resolve({ done: true, value: undefined as T });
    },
    throw: (error?: unknown) => {
      release();
      return iterator.throw
        ? iterator.throw(error)
        : Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
