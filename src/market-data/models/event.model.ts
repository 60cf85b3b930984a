import { Field, Int, ObjectType } from '@nestjs/graphql';
import { FeeTypeValue } from './market-data.enums';

@ObjectType('Event', { description: 'A Kalshi event: related markets that resolve on one outcome' })
export class EventModel {
  @Field()
  eventTicker: string;

  @Field()
  seriesTicker: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field({ description: 'at most one market of the event can resolve YES' })
  mutuallyExclusive: boolean;

  @Field(() => FeeTypeValue)
  feeType: FeeTypeValue;

  @Field({ description: 'fee multiplier with event overrides applied, 4 decimals: "1.0000"' })
  feeMultiplier: string;

  @Field(() => Int)
  marketCount: number;

  @Field(() => [String])
  marketTickers: string[];
}
