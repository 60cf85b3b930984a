import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { SystemStatusResolver } from './system-status.resolver';
import { SystemStatusService } from './system-status.service';

@Module({
  imports: [MarketDataModule],
  providers: [SystemStatusService, SystemStatusResolver],
  exports: [SystemStatusService],
})
export class SystemModule {}
