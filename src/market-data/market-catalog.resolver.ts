import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EventsFilter, MarketsFilter, PageInput } from './dto/markets-filter.input';
import { MarketDataQueries } from './market-data-queries';
import { EventModel } from './models/event.model';
import { MarketModel } from './models/market.model';

@Resolver(() => EventModel)
export class MarketCatalogResolver {
  constructor(private readonly queries: MarketDataQueries) {}

  @Query(() => [MarketModel], { description: 'Tracked markets, by ticker' })
  markets(
    @Args('filter', { type: () => MarketsFilter, nullable: true }) filter?: MarketsFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): MarketModel[] {
    return this.queries.markets(filter, page);
  }

  @Query(() => MarketModel, { description: 'One tracked market; MARKET_NOT_FOUND otherwise' })
  market(@Args('ticker') ticker: string): MarketModel {
    return this.queries.market(ticker);
  }

  @Query(() => [EventModel], { description: 'Events with tracked markets, by ticker' })
  events(
    @Args('filter', { type: () => EventsFilter, nullable: true }) filter?: EventsFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): EventModel[] {
    return this.queries.events(filter, page);
  }

  @Query(() => EventModel, { description: 'One event; EVENT_NOT_FOUND otherwise' })
  event(@Args('ticker') ticker: string): EventModel {
    return this.queries.event(ticker);
  }

  @ResolveField('markets', () => [MarketModel], { description: "the event's tracked markets" })
  marketsOfEvent(@Parent() event: EventModel): MarketModel[] {
    return this.queries.marketsOfEvent(event.eventTicker);
  }
}
