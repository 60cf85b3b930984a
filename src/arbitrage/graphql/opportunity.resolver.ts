import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { EventBus } from '../../common/pubsub/event-bus';
import type { EventTopics } from '../../common/pubsub/event-topics';
import { OpportunityQueryService, eventMatches } from '../opportunity-query.service';
import {
  OpportunityFilterInput,
  OpportunityUpdatedFilterInput,
  PaginationInput,
} from './opportunity-filter.input';
import { OpportunityEventModel, OpportunityModel, OpportunityPageModel } from './opportunity.model';

@Resolver(() => OpportunityModel)
export class OpportunityResolver {
  constructor(
    private readonly queries: OpportunityQueryService,
    private readonly events: EventBus,
  ) {}

  @Query(() => OpportunityPageModel, {
    description: 'Open opportunities (from memory) and closed ones (from the database)',
  })
  opportunities(
    @Args('filter', { type: () => OpportunityFilterInput, nullable: true })
    filter?: OpportunityFilterInput,
    @Args('pagination', { type: () => PaginationInput, nullable: true })
    pagination?: PaginationInput,
  ): Promise<OpportunityPageModel> {
    return this.queries.list(filter, pagination);
  }

  @Query(() => OpportunityModel, { nullable: true, description: 'One opportunity, open or closed' })
  opportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityModel | null> {
    return this.queries.byId(id);
  }

  @Subscription(() => OpportunityEventModel, {
    description: 'Every open, change and close of an opportunity matching the filter',
    filter: (
      payload: EventTopics['opportunityUpdated'],
      variables: { filter?: OpportunityUpdatedFilterInput },
    ) => eventMatches(payload.opportunityUpdated.opportunity, variables.filter),
  })
  opportunityUpdated(
    @Args('filter', { type: () => OpportunityUpdatedFilterInput, nullable: true })
    _filter?: OpportunityUpdatedFilterInput,
  ): AsyncIterableIterator<unknown> {
    return this.events.asyncIterator('opportunityUpdated');
  }
}
