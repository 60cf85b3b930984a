import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OpportunityKindValue {
  LADDER_INVERSION = 'LADDER_INVERSION',
  PARTITION_BUY_NO = 'PARTITION_BUY_NO',
  PARTITION_BUY_YES = 'PARTITION_BUY_YES',
}
registerEnumType(OpportunityKindValue, {
  name: 'OpportunityKind',
  description:
    'LADDER_INVERSION: YES on the wider strike + NO on the narrower; PARTITION_BUY_NO: NO on every member of a mutually exclusive event; PARTITION_BUY_YES: YES on every member of an exhaustive one',
});

export enum OpportunityStatusValue {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(OpportunityStatusValue, { name: 'OpportunityStatus' });

export enum LegSideValue {
  YES = 'YES',
  NO = 'NO',
}
registerEnumType(LegSideValue, { name: 'LegSide' });

export enum LegActionValue {
  BUY = 'BUY',
}
registerEnumType(LegActionValue, { name: 'LegAction' });

export enum OpportunityEventTypeValue {
  OPENED = 'OPENED',
  UPDATED = 'UPDATED',
  CLOSED = 'CLOSED',
}
registerEnumType(OpportunityEventTypeValue, { name: 'OpportunityEventType' });

@ObjectType({ description: 'Contracts taken at one price level' })
export class LegFillModel {
  @Field({ description: 'the side\'s price in dollars, e.g. "0.2500"' })
  price: string;

  @Field({ description: 'contracts, e.g. "10.00"' })
  count: string;
}

@ObjectType('OpportunityLeg', {
  description: 'One IOC taker order of a plan; money as decimal dollar strings',
})
export class OpportunityLegModel {
  @Field({ description: 'market ticker (a label in the calculator when no market is named)' })
  ticker: string;

  @Field(() => LegSideValue)
  side: LegSideValue;

  @Field(() => LegActionValue)
  action: LegActionValue;

  @Field({ description: "limit price: the worst level walked, in the side's price" })
  limitPrice: string;

  @Field({ description: 'contracts' })
  count: string;

  @Field({ description: 'Σ count × price' })
  cost: string;

  @Field({ description: 'Σ per-fill taker fees, each rounded up to $0.0001' })
  tradeFee: string;

  @Field({
    description: 'cost + trade fee rounded up to the member balance precision: what is debited',
  })
  debit: string;

  @Field(() => [LegFillModel])
  fills: LegFillModel[];
}

@ObjectType('Opportunity', {
  description: 'A priced arbitrage, open or closed; money as decimal dollar strings',
})
export class OpportunityModel {
  @Field({ description: 'unique per occurrence' })
  id: string;

  @Field({ description: 'kind | group | legs: the same for every occurrence' })
  key: string;

  @Field(() => OpportunityKindValue)
  kind: OpportunityKindValue;

  @Field(() => OpportunityStatusValue)
  status: OpportunityStatusValue;

  @Field()
  eventTicker: string;

  @Field({ description: 'relation group, e.g. KXHIGHNY-26OCT01:above' })
  groupId: string;

  @Field(() => [OpportunityLegModel])
  legs: OpportunityLegModel[];

  @Field({ description: 'contracts on every leg' })
  count: string;

  @Field({ description: 'Σ legs cost' })
  cost: string;

  @Field({ description: 'trade fees plus member rounding: Σ debit − Σ cost' })
  fees: string;

  @Field({ description: 'what the legs pay in the worst outcome' })
  guaranteedPayout: string;

  @Field({ description: 'what the legs pay in the best outcome' })
  bestPayout: string;

  @Field({ description: 'guaranteed payout − cost, before fees' })
  grossProfit: string;

  @Field({ description: 'guaranteed payout − cost − fees: banked whatever happens' })
  netProfit: string;

  @Field({ description: 'best payout − cost − fees' })
  bestCaseProfit: string;

  @Field({ description: 'net profit over the money paid, percent, e.g. "2.25"' })
  returnPercent: string;

  @Field({ description: 'net profit per contract' })
  netPerContract: string;

  @Field({ description: 'best net profit seen while open' })
  bestNetProfit: string;

  @Field(() => Int, { description: 'times the plan changed while open' })
  updates: number;

  @Field({ description: 'ISO-8601' })
  firstSeenAt: string;

  @Field({ description: 'ISO-8601 time of the last change' })
  updatedAt: string;

  @Field(() => String, { nullable: true, description: 'ISO-8601' })
  closedAt: string | null;

  @Field(() => Float, {
    description: 'whole milliseconds from first seen to closed (or to now while open)',
  })
  lifetimeMs: number;

  @Field(() => String, {
    nullable: true,
    description: 'PRICES_MOVED, BOOK_STALE, MARKET_NOT_ACTIVE, GROUP_CHANGED or SHUTDOWN',
  })
  closeReason: string | null;
}

@ObjectType('OpportunityPage')
export class OpportunityPageModel {
  @Field(() => [OpportunityModel])
  items: OpportunityModel[];

  @Field(() => Int, { description: 'matching opportunities in all pages' })
  total: number;
}

@ObjectType('OpportunityEvent', { description: 'An opportunity opened, changed or closed' })
export class OpportunityEventModel {
  @Field(() => OpportunityEventTypeValue)
  type: OpportunityEventTypeValue;

  @Field(() => OpportunityModel)
  opportunity: OpportunityModel;
}
