import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus } from '../common/pubsub/event-bus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { MarketCatalogView, OrderBookStoreView } from '../market-data/market-data.ports';
import { ArbitrageEngine } from './arbitrage-engine';
import { arbitrageSettings, type ArbitrageSettings } from './arbitrage-settings';
import {
  ARBITRAGE_MARKET_CATALOG,
  ARBITRAGE_ORDER_BOOKS,
  ARBITRAGE_SIZE_LIMIT,
} from './arbitrage.tokens';
import type { OpportunitySizeLimit } from './detectors/detection-context';
import { ArbitrageCalculator } from './calculator/arbitrage-calculator';
import { OpportunityEventTypeValue } from './graphql/opportunity.model';
import { opportunityModel } from './graphql/opportunity-model.mapper';
import { closeLogLine, openLogLine } from './opportunities/opportunity-log-line';
import { opportunityRecord, type OpportunityRecord } from './opportunities/opportunity-record';
import { OpportunityRepository } from './opportunities/opportunity-repository';
import {
  OpportunityTracker,
  type OpportunityListener,
  type TrackedOpportunity,
} from './opportunities/opportunity-tracker';
import { OpportunityWriteQueue } from './opportunities/opportunity-write-queue';

/**
 * Wires the plain arbitrage classes into the app: the tracker's opens and closes are logged, queued for the
 * database and published; updates are published. The engine runs when market data is provided.
 */
@Injectable()
export class ArbitrageService
  implements OpportunityListener, OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Arbitrage');
  readonly settings: ArbitrageSettings;
  readonly tracker: OpportunityTracker;
  readonly repository: OpportunityRepository;
  readonly calculator: ArbitrageCalculator;
  private readonly queue: OpportunityWriteQueue;
  private engine?: ArbitrageEngine;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly events: EventBus,
    @Optional() @Inject(ARBITRAGE_MARKET_CATALOG) private readonly catalog?: MarketCatalogView,
    @Optional() @Inject(ARBITRAGE_ORDER_BOOKS) private readonly books?: OrderBookStoreView,
    @Optional() @Inject(ARBITRAGE_SIZE_LIMIT) private readonly sizeLimit?: OpportunitySizeLimit,
  ) {
    this.settings = arbitrageSettings(config);
    this.tracker = new OpportunityTracker(this);
    this.repository = new OpportunityRepository(dataSource);
    this.queue = new OpportunityWriteQueue(this.repository, (error, size) =>
      this.logger.warn(`could not store ${size} opportunities (will retry): ${String(error)}`),
    );
    this.calculator = new ArbitrageCalculator({
      thresholds: this.settings.thresholds,
      memberPrecision: this.settings.memberPrecision,
      market: catalog ? (ticker) => this.calculatorMarket(ticker) : undefined,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const leftovers = await this.repository.closeLeftovers();
    if (leftovers > 0)
      this.logger.log(`closed ${leftovers} opportunities left open by a previous run`);
    this.queue.start(this.settings.flushIntervalMs);
    if (!this.catalog || !this.books) {
      this.logger.warn(
        'no market data provided: the arbitrage engine is not running (queries and the calculator are)',
      );
      return;
    }
    this.engine = new ArbitrageEngine({
      catalog: this.catalog,
      books: this.books,
      tracker: this.tracker,
      settings: this.settings,
      overrides: this.settings.overrides,
      sizeLimit: this.sizeLimit,
    });
    this.engine.start();
  }

  onModuleDestroy(): void {
    this.engine?.stop();
  }

  /** Before any connection closes (TypeORM closes in onApplicationShutdown): the last closes reach the database. */
  async beforeApplicationShutdown(): Promise<void> {
    this.tracker.closeAll('SHUTDOWN');
    await this.queue.stop();
  }

  /** Writes queued opens and closes now (tests, shutdown). */
  flush(): Promise<number> {
    return this.queue.flush();
  }

  // Subscribers (and so execution) hear first; the log line and the queued row follow, off their latency.
  opened(opportunity: TrackedOpportunity): void {
    const record = opportunityRecord(opportunity);
    this.publish(OpportunityEventTypeValue.OPENED, record);
    this.queue.enqueue(record);
    this.logger.log(openLogLine(opportunity));
  }

  updated(opportunity: TrackedOpportunity): void {
    this.publish(OpportunityEventTypeValue.UPDATED, opportunityRecord(opportunity));
  }

  closed(opportunity: TrackedOpportunity): void {
    const record = opportunityRecord(opportunity);
    this.publish(OpportunityEventTypeValue.CLOSED, record);
    this.queue.enqueue(record);
    this.logger.log(closeLogLine(opportunity));
  }

  private publish(type: OpportunityEventTypeValue, record: OpportunityRecord): void {
    this.events.publish('opportunityUpdated', {
      opportunityUpdated: { type, opportunity: opportunityModel(record) },
    });
  }

  private calculatorMarket(ticker: string) {
    const market = this.catalog?.market(ticker);
    const event = market && this.catalog?.event(market.eventTicker);
    if (!market || !event) return undefined;
    return {
      grid: market.grid,
      fees: event.fees,
      fractionalTradingEnabled: market.fractionalTradingEnabled,
    };
  }
}
