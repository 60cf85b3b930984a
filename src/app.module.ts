import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DatabaseTarget } from './database/database-target';
import { PubSubModule } from './common/pubsub/pubsub.module';
import { graphqlOptions } from './graphql/graphql-options';
import { loggingModule } from './monitoring/logging';
import { MonitoringModule } from './monitoring/monitoring.module';
import { SystemModule } from './system/system.module';
import { ArbitrageModule } from './arbitrage/arbitrage.module';
import { ExecutionModule } from './execution/execution.module';
import { KalshiModule } from './kalshi/kalshi.module';
import { MarketDataModule } from './market-data/market-data.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { RiskModule } from './risk/risk.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        DatabaseModule.forRoot(database),
        ScheduleModule.forRoot(),
        GraphQLModule.forRoot(graphqlOptions(config)),
        PubSubModule,
        MonitoringModule,
        SystemModule,
        ArbitrageModule,
        ExecutionModule,
        KalshiModule,
        MarketDataModule,
        PortfolioModule,
        RiskModule,
      ],
    };
  }
}
