import { Field, InputType } from '@nestjs/graphql';
import { LegSideValue, OpportunityKindValue } from './opportunity.model';

@InputType({
  description: "One leg: buy `side` at `price` (the side's own price, a dollar string)",
})
export class CalculatorLegInput {
  @Field(() => LegSideValue)
  side: LegSideValue;

  @Field({ description: 'e.g. "0.25" or "0.0525"; must sit on the price grid' })
  price: string;

  @Field(() => String, {
    nullable: true,
    description: 'a catalog market: its grid and fees are used',
  })
  ticker?: string | null;
}

@InputType()
export class CalculateArbitrageInput {
  @Field(() => OpportunityKindValue)
  kind: OpportunityKindValue;

  @Field(() => [CalculatorLegInput])
  legs: CalculatorLegInput[];

  @Field({ description: 'contracts on every leg, e.g. "100"' })
  count: string;

  @Field(() => String, {
    nullable: true,
    description:
      'quadratic (default), quadratic_with_maker_fees, quadratic_with_combo_maker_fees or flat',
  })
  feeType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'series fee_multiplier, e.g. "1" (default) or "0.5"',
  })
  feeMultiplier?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'cent or centicent (default: ARB_MEMBER_PRECISION)',
  })
  memberPrecision?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'linear_cent (default), deci_cent or tapered_deci_cent',
  })
  priceLevelStructure?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'PARTITION_BUY_NO: the legs are every member of an exhaustive event',
  })
  exhaustive?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'allow counts finer than one contract' })
  fractional?: boolean | null;
}
