import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventBus } from '../common/pubsub/event-bus';
import { DATABASE_TARGET, type DatabaseTarget } from '../database/database-target';
import { MarketDataQueries } from '../market-data/market-data-queries';
import { ServiceRunEntity } from './entities/service-run.entity';
import {
  DatabaseKindValue,
  RunModeValue,
  type DatabaseStatus,
  type SystemStatus,
} from './models/system-status.model';

const HEARTBEAT = 'system-status-heartbeat';

@Injectable()
export class SystemStatusService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SystemStatusService.name);
  private readonly startedAt = new Date();
  private runId?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly scheduler: SchedulerRegistry,
    private readonly marketData: MarketDataQueries,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const run = await this.dataSource.getRepository(ServiceRunEntity).save({
      mode: this.config.mode,
      version: this.config.version,
      databaseKind: this.database.kind,
      stoppedAt: null,
    });
    this.runId = run.id;
    const timer = setInterval(() => void this.publishCurrent(), this.config.statusIntervalMs);
    this.scheduler.addInterval(HEARTBEAT, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', HEARTBEAT)) this.scheduler.deleteInterval(HEARTBEAT);
    if (this.runId && this.dataSource.isInitialized) {
      await this.dataSource
        .getRepository(ServiceRunEntity)
        .update(this.runId, { stoppedAt: new Date() })
        .catch((error: unknown) => this.logger.warn(`could not record the stop: ${String(error)}`));
    }
  }

  async current(): Promise<SystemStatus> {
    return {
      mode: RunModeValue[this.config.mode],
      version: this.config.version,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.floor((Date.now() - this.startedAt.getTime()) / 1000),
      database: await this.databaseStatus(),
      feed: this.marketData.feedStatus(),
      observedAt: new Date().toISOString(),
    };
  }

  private async databaseStatus(): Promise<DatabaseStatus> {
    const kind = DatabaseKindValue[this.database.kind];
    const began = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { kind, healthy: true, latencyMs: Math.round(performance.now() - began), error: null };
    } catch (error) {
      return { kind, healthy: false, latencyMs: null, error: (error as Error).message };
    }
  }

  private async publishCurrent(): Promise<void> {
    this.events.publish('systemStatusChanged', { systemStatusChanged: await this.current() });
  }
}
