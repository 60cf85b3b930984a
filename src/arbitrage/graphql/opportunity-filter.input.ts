import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { OpportunityKindValue } from './opportunity.model';

export enum OpportunityStatusFilterValue {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ANY = 'ANY',
}
registerEnumType(OpportunityStatusFilterValue, { name: 'OpportunityStatusFilter' });

@InputType()
export class OpportunityFilterInput {
  @Field(() => OpportunityStatusFilterValue, {
    nullable: true,
    description: 'default ANY: open ones (newest first), then closed ones (latest closed first)',
  })
  status?: OpportunityStatusFilterValue | null;

  @Field(() => [OpportunityKindValue], { nullable: true })
  kinds?: OpportunityKindValue[] | null;

  @Field(() => String, { nullable: true })
  eventTicker?: string | null;

  @Field(() => String, { nullable: true, description: 'opportunities with a leg on this market' })
  ticker?: string | null;
}

@InputType()
export class OpportunityUpdatedFilterInput {
  @Field(() => [OpportunityKindValue], { nullable: true })
  kinds?: OpportunityKindValue[] | null;

  @Field(() => String, { nullable: true })
  eventTicker?: string | null;

  @Field(() => String, { nullable: true })
  ticker?: string | null;
}

@InputType()
export class PaginationInput {
  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: 'default 0' })
  offset?: number | null;
}
