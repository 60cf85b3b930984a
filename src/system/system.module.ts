import { Module } from '@nestjs/common';
import { SystemStatusResolver } from './system-status.resolver';
import { SystemStatusService } from './system-status.service';

@Module({
  providers: [SystemStatusService, SystemStatusResolver],
  exports: [SystemStatusService],
})
export class SystemModule {}
