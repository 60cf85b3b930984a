import { Field, InputType, Int } from '@nestjs/graphql';
import { MarketStatusValue } from '../models/market-data.enums';

@InputType({ description: 'Every given field must match' })
export class MarketsFilter {
  @Field(() => String, { nullable: true })
  eventTicker?: string;

  @Field(() => String, { nullable: true })
  seriesTicker?: string;

  @Field(() => MarketStatusValue, { nullable: true })
  status?: MarketStatusValue;

  @Field(() => [String], { nullable: true })
  tickers?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only markets whose book is live; false: only stale ones',
  })
  bookStale?: boolean;
}

@InputType({ description: 'Every given field must match' })
export class EventsFilter {
  @Field(() => String, { nullable: true })
  seriesTicker?: string;

  @Field(() => String, { nullable: true })
  category?: string;

  @Field(() => Boolean, { nullable: true })
  mutuallyExclusive?: boolean;
}

@InputType({ description: 'A window of a list ordered by ticker' })
export class PageInput {
  @Field(() => Int, { defaultValue: 100, description: '1 to 1000' })
  limit: number = 100;

  @Field(() => Int, { defaultValue: 0 })
  offset: number = 0;
}
