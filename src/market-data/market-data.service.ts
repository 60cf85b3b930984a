import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KalshiRestClient } from '../kalshi/rest/kalshi-rest-client';
import { KalshiWsClient } from '../kalshi/ws/kalshi-ws-client';
import { CatalogLoader } from './catalog/catalog-loader';
import { MarketCatalog } from './catalog/market-catalog';
import { describeFilter, type TrackingFilter } from './catalog/tracking-filter';
import { FeedHealth } from './feed/feed-health';
import { registerFeedMetrics } from './feed/feed-metrics';
import { FrameRecorder } from './feed/frame-recorder';
import { OrderBookFeed } from './feed/order-book-feed';
import { MarketTracking } from './market-tracking';
import { OrderBookPublisher } from './order-book/order-book-publisher';
import { OrderBookStore } from './order-book/order-book-store';

export const TRACKING_FILTER = Symbol('TRACKING_FILTER');

const CATALOG_REFRESH = 'market-catalog-refresh';
const FEED_TICK = 'market-feed-tick';
const RETRY_LOAD_MS = 10_000;

/**
 * Runs market data inside Nest: loads the catalog, connects the feed, refreshes the catalog on a schedule,
 * and stops it all on shutdown. The work itself is done by the plain classes it wires together.
 */
@Injectable()
export class MarketDataService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MarketDataService.name);
  readonly feed: OrderBookFeed;
  readonly tracking: MarketTracking;
  private readonly recorder?: FrameRecorder;
  private unregisterMetrics?: () => void;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TRACKING_FILTER) private readonly filter: TrackingFilter,
    private readonly catalog: MarketCatalog,
    private readonly store: OrderBookStore,
    private readonly health: FeedHealth,
    private readonly rest: KalshiRestClient,
    private readonly ws: KalshiWsClient,
    private readonly publisher: OrderBookPublisher,
    private readonly scheduler: SchedulerRegistry,
  ) {
    if (config.recordFile) this.recorder = new FrameRecorder(config.recordFile);
    const recorder = this.recorder;
    // The feed and the tracking call each other: the feed's callbacks reach the tracking through `this`.
    this.feed = new OrderBookFeed({
      store,
      catalog,
      health,
      useYesPrice: false,
      onLifecycle: (type, msg) => this.tracking.onLifecycle(type, msg),
      onLifecycleGap: () => void this.refresh('a lifecycle message was lost'),
      recordFrame: recorder
        ? (text, receivedAtMs) => recorder.record(text, receivedAtMs)
        : undefined,
    });
    this.tracking = new MarketTracking(
      catalog,
      store,
      this.feed,
      new CatalogLoader(rest, filter),
      filter,
    );
    this.feed.attach(ws);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unregisterMetrics = registerFeedMetrics(this.health, this.store);
    this.tracking.start();
    this.publisher.start();
    if (this.rest.authenticated) {
      await this.rest.adoptAccountTier().then(
        (tier) =>
          tier &&
          this.logger.log(
            `API tier ${tier.tier}: read ${tier.read.refillPerSecond}/s, write ${tier.write.refillPerSecond} tokens/s`,
          ),
        (error: unknown) =>
          this.logger.warn(
            `GET /account/limits failed (${(error as Error).message}): pacing at the Basic tier`,
          ),
      );
    }
    this.logger.log(
      `tracking ${describeFilter(this.filter)}${this.recorder ? `; recording frames to ${this.recorder.file}` : ''}`,
    );
    await this.loadUntilDone();
    this.ws.start({
      onOpen: () => this.feed.onOpen(),
      onFrame: (text, receivedAtMs) => this.feed.onFrame(text, receivedAtMs),
      onClose: () => this.feed.onClose(),
    });
    const tick = setInterval(() => {
      this.feed.tick();
      this.tracking.closePastDue();
    }, 1_000);
    tick.unref();
    this.scheduler.addInterval(FEED_TICK, tick);
    const refresh = setInterval(
      () => void this.refresh('scheduled'),
      this.config.catalogRefreshSeconds * 1000,
    );
    refresh.unref();
    this.scheduler.addInterval(CATALOG_REFRESH, refresh);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const name of [FEED_TICK, CATALOG_REFRESH])
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    this.publisher.stop();
    this.tracking.stop();
    await this.ws.stop();
    await this.recorder?.close();
    this.unregisterMetrics?.();
  }

  /** Re-reads the catalog from REST; a failure keeps the current catalog and is logged. */
  async refresh(why: string): Promise<void> {
    if (this.stopped) return;
    try {
      await this.tracking.refresh();
      this.logger.debug(`catalog refreshed (${why}): ${this.catalog.marketCount} markets`);
    } catch (error) {
      this.logger.warn(`catalog refresh (${why}) failed: ${(error as Error).message}`);
    }
  }

  /** The first load: the app starts even if Kalshi does not answer, and keeps trying in the background. */
  private async loadUntilDone(): Promise<void> {
    try {
      await this.tracking.refresh();
      this.logger.log(
        `catalog: ${this.catalog.marketCount} markets in ${[...this.catalog.events()].length} events`,
      );
    } catch (error) {
      if (this.stopped) return;
      this.logger.error(
        `catalog load failed (${(error as Error).message}); retrying in ${RETRY_LOAD_MS / 1000} s`,
      );
      this.retryTimer = setTimeout(() => void this.loadUntilDone(), RETRY_LOAD_MS);
      this.retryTimer.unref();
    }
  }
}
