import { Module } from '@nestjs/common';
import { EventBus } from '../common/pubsub/event-bus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KalshiModule } from '../kalshi/kalshi.module';
import { KALSHI_TARGET, type KalshiTarget } from '../kalshi/kalshi-target';
import { MarketCatalog } from './catalog/market-catalog';
import type { TrackingFilter } from './catalog/tracking-filter';
import { FeedHealth } from './feed/feed-health';
import { FeedStatusResolver } from './feed-status.resolver';
import { MarketCatalogResolver } from './market-catalog.resolver';
import { MarketDataQueries, orderBookModel } from './market-data-queries';
import { MarketDataService, TRACKING_FILTER } from './market-data.service';
import { OrderBookResolver } from './order-book.resolver';
import { OrderBookPublisher, PUBLISHED_DEPTH } from './order-book/order-book-publisher';
import { OrderBookStore } from './order-book/order-book-store';

/** The market-data domain: live order books and the market catalog. */
@Module({
  imports: [KalshiModule],
  providers: [
    { provide: MarketCatalog, useFactory: () => new MarketCatalog() },
    { provide: OrderBookStore, useFactory: () => new OrderBookStore() },
    { provide: FeedHealth, useFactory: () => new FeedHealth() },
    {
      provide: TRACKING_FILTER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): TrackingFilter => ({
        seriesTickers: config.marketSeries,
        eventTickers: config.marketEvents,
        categories: config.marketCategories,
        status: config.marketStatus,
        closeWithinHours: config.marketCloseWithinHours,
        maxMarkets: config.marketLimit,
      }),
    },
    {
      provide: MarketDataQueries,
      inject: [MarketCatalog, OrderBookStore, FeedHealth, KALSHI_TARGET],
      useFactory: (
        catalog: MarketCatalog,
        store: OrderBookStore,
        health: FeedHealth,
        target: KalshiTarget,
      ) => new MarketDataQueries(catalog, store, health, target.source),
    },
    {
      provide: OrderBookPublisher,
      inject: [OrderBookStore, EventBus, APP_CONFIG],
      useFactory: (store: OrderBookStore, events: EventBus, config: AppConfig) =>
        new OrderBookPublisher(
          store,
          (book) =>
            events.publish('orderBookUpdated', {
              orderBookUpdated: orderBookModel(book, PUBLISHED_DEPTH),
            }),
          config.orderBookUpdatesPerSecond,
        ),
    },
    MarketDataService,
    MarketCatalogResolver,
    OrderBookResolver,
    FeedStatusResolver,
  ],
  exports: [MarketCatalog, OrderBookStore, FeedHealth, MarketDataQueries, MarketDataService],
})
export class MarketDataModule {}
