import { Field, Int, ObjectType } from '@nestjs/graphql';
import { StaleReasonValue } from './market-data.enums';

@ObjectType({
  description: 'One bid level: a dollar price and a contract count, as exact decimal strings',
})
export class PriceLevel {
  @Field({ description: 'dollars, 4 decimals: "0.4200"' })
  price: string;

  @Field({ description: 'contracts, 2 decimals: "10.00"' })
  count: string;
}

@ObjectType('OrderBook', {
  description: 'Both bid ladders of a market; a YES ask is 1 minus a NO bid',
})
export class OrderBookModel {
  @Field()
  ticker: string;

  @Field(() => [PriceLevel], { description: 'YES bids, best (highest) first' })
  yesBids: PriceLevel[];

  @Field(() => [PriceLevel], { description: 'NO bids at their NO price, best (highest) first' })
  noBids: PriceLevel[];

  @Field(() => String, { nullable: true, description: 'best YES bid, null when nobody bids YES' })
  bestYesBid: string | null;

  @Field(() => String, { nullable: true })
  bestYesBidCount: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'best YES ask = 1 - best NO bid, null when nobody bids NO',
  })
  bestYesAsk: string | null;

  @Field(() => String, { nullable: true })
  bestYesAskCount: string | null;

  @Field({ description: 'true while the book cannot be trusted or traded (see staleReason)' })
  stale: boolean;

  @Field(() => StaleReasonValue, { nullable: true })
  staleReason: StaleReasonValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 local receive time of the last change',
  })
  updatedAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 exchange time (ts_ms) of the last delta',
  })
  exchangeTimestamp: string | null;

  @Field(() => Int, { description: 'levels on each side returned at most' })
  depth: number;
}
