import { Query, Resolver, Subscription } from '@nestjs/graphql';
import { EventBus } from '../common/pubsub/event-bus';
import { SystemStatus } from './models/system-status.model';
import { SystemStatusService } from './system-status.service';

@Resolver(() => SystemStatus)
export class SystemStatusResolver {
  constructor(
    private readonly status: SystemStatusService,
    private readonly events: EventBus,
  ) {}

  @Query(() => SystemStatus, { description: 'Mode, version, uptime and database health' })
  systemStatus(): Promise<SystemStatus> {
    return this.status.current();
  }

  @Subscription(() => SystemStatus, {
    description: 'The status on every change and at every heartbeat (STATUS_INTERVAL_MS)',
  })
  systemStatusChanged(): AsyncIterableIterator<unknown> {
    return this.events.asyncIterator('systemStatusChanged');
  }
}
