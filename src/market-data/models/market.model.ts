import { Field, Float, ObjectType } from '@nestjs/graphql';
import { MarketStatusValue, StrikeTypeValue } from './market-data.enums';

@ObjectType({ description: 'One step range of a price grid, dollar strings' })
export class PriceRange {
  @Field()
  start: string;

  @Field()
  end: string;

  @Field()
  step: string;
}

@ObjectType('Market', {
  description: 'A binary market as the catalog knows it, with its live best prices',
})
export class MarketModel {
  @Field()
  ticker: string;

  @Field()
  eventTicker: string;

  @Field()
  seriesTicker: string;

  @Field()
  title: string;

  @Field()
  yesSubTitle: string;

  @Field(() => MarketStatusValue)
  status: MarketStatusValue;

  @Field(() => StrikeTypeValue, { nullable: true })
  strikeType: StrikeTypeValue | null;

  @Field(() => Float, {
    nullable: true,
    description: 'the lowest value that resolves YES (a strike, not money)',
  })
  floorStrike: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'the highest value that resolves YES (a strike, not money)',
  })
  capStrike: number | null;

  @Field(() => String, { nullable: true, description: 'ISO-8601' })
  closeTime: string | null;

  @Field(() => String, { nullable: true })
  result: string | null;

  @Field(() => String, { nullable: true })
  priceLevelStructure: string | null;

  @Field(() => [PriceRange], { description: 'the prices the market accepts' })
  priceRanges: PriceRange[];

  @Field(() => String, { nullable: true, description: 'best YES bid now, from the live book' })
  bestYesBid: string | null;

  @Field(() => String, { nullable: true, description: 'best YES ask now, from the live book' })
  bestYesAsk: string | null;

  @Field({ description: 'the live book is stale (or missing)' })
  bookStale: boolean;
}
