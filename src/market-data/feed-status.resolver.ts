import { Query, Resolver } from '@nestjs/graphql';
import { MarketDataQueries } from './market-data-queries';
import { FeedStatus } from './models/feed-status.model';

@Resolver(() => FeedStatus)
export class FeedStatusResolver {
  constructor(private readonly queries: MarketDataQueries) {}

  @Query(() => FeedStatus, { description: 'Health of the live Kalshi feed' })
  feedStatus(): FeedStatus {
    return this.queries.feedStatus();
  }
}
