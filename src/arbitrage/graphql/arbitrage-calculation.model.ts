import { Field, ObjectType, createUnionType } from '@nestjs/graphql';
import { formatCountE2, formatDollarsE6, formatPriceE4 } from '../../kalshi/fixed-point';
import type { Calculation, CalculationError } from '../calculator/arbitrage-calculator';
import { OpportunityKindValue, OpportunityLegModel } from './opportunity.model';
import { legModel, percentFromBps } from './opportunity-model.mapper';

@ObjectType('ArbitrageThresholdCheck', {
  description: 'The configured minimums and whether the plan meets each',
})
export class ThresholdCheckModel {
  @Field({ description: 'ARB_MIN_NET_PROFIT, dollars' })
  minNetProfit: string;

  @Field({ description: 'ARB_MIN_NET_PER_CONTRACT, dollars' })
  minNetPerContract: string;

  @Field({ description: 'ARB_MIN_RETURN_PERCENT' })
  minReturnPercent: string;

  @Field()
  netProfitOk: boolean;

  @Field()
  netPerContractOk: boolean;

  @Field()
  returnOk: boolean;
}

@ObjectType('ArbitrageCalculation', {
  description: 'Legs priced exactly as the engine prices them; money as decimal dollar strings',
})
export class ArbitrageCalculationModel {
  @Field(() => OpportunityKindValue)
  kind: OpportunityKindValue;

  @Field(() => [OpportunityLegModel])
  legs: OpportunityLegModel[];

  @Field()
  count: string;

  @Field()
  cost: string;

  @Field({ description: 'trade fees plus member rounding' })
  fees: string;

  @Field({ description: 'worst-outcome payout' })
  guaranteedPayout: string;

  @Field()
  bestPayout: string;

  @Field({ description: 'guaranteed payout − cost, before fees' })
  grossProfit: string;

  @Field({ description: 'guaranteed payout − cost − fees (negative: a loss)' })
  netProfit: string;

  @Field()
  bestCaseProfit: string;

  @Field({ description: 'net profit over the money paid, percent' })
  returnPercent: string;

  @Field()
  netPerContract: string;

  @Field({ description: 'cent or centicent' })
  memberPrecision: string;

  @Field()
  feeType: string;

  @Field()
  feeMultiplier: string;

  @Field({ description: 'true when every threshold is met' })
  clearsThresholds: boolean;

  @Field(() => ThresholdCheckModel)
  thresholds: ThresholdCheckModel;
}

@ObjectType('ArbitrageCalculationError', { description: 'Why the input could not be priced' })
export class CalculationErrorModel {
  @Field({
    description:
      'INVALID_KIND, INVALID_LEGS, INVALID_SIDE, INVALID_PRICE, PRICE_OUT_OF_RANGE, PRICE_OFF_GRID, INVALID_COUNT, FRACTIONAL_COUNT, INVALID_FEE_TYPE, INVALID_FEE_MULTIPLIER, INVALID_MEMBER_PRECISION, UNKNOWN_PRICE_LEVEL_STRUCTURE, UNKNOWN_MARKET',
  })
  code: string;

  @Field({ description: 'the input field at fault, e.g. legs[1].price' })
  field: string;

  @Field()
  message: string;
}

export const ArbitrageCalculationResult = createUnionType({
  name: 'ArbitrageCalculationResult',
  types: () => [ArbitrageCalculationModel, CalculationErrorModel] as const,
  resolveType: (value: object) =>
    'code' in value ? CalculationErrorModel : ArbitrageCalculationModel,
});

/** Shared by the resolver and `npm run calc`: the calculation as decimal strings. */
export function calculationModel(result: Calculation): ArbitrageCalculationModel {
  const plan = result.plan;
  return {
    kind: OpportunityKindValue[plan.kind],
    legs: plan.legs.map(legModel),
    count: formatCountE2(plan.countE2),
    cost: formatDollarsE6(plan.costE6),
    fees: formatDollarsE6(plan.feesE6),
    guaranteedPayout: formatDollarsE6(plan.guaranteedPayoutE6),
    bestPayout: formatDollarsE6(plan.bestPayoutE6),
    grossProfit: formatDollarsE6(plan.guaranteedPayoutE6 - plan.costE6),
    netProfit: formatDollarsE6(plan.netProfitE6),
    bestCaseProfit: formatDollarsE6(plan.bestCaseProfitE6),
    returnPercent: percentFromBps(plan.returnBps),
    netPerContract: formatDollarsE6(plan.netPerContractE6),
    memberPrecision: result.memberPrecision,
    feeType: result.fees.feeType,
    // The multiplier is held in 1/10,000 like a price: the same 4-decimal text.
    feeMultiplier: formatPriceE4(result.fees.multiplierE4),
    clearsThresholds: result.check.all,
    thresholds: {
      minNetProfit: formatDollarsE6(result.thresholds.minNetProfitE6),
      minNetPerContract: formatDollarsE6(result.thresholds.minNetPerContractE6),
      minReturnPercent: percentFromBps(result.thresholds.minReturnBps),
      netProfitOk: result.check.netProfit,
      netPerContractOk: result.check.netPerContract,
      returnOk: result.check.returnOnCapital,
    },
  };
}

export function calculationErrorModel(error: CalculationError): CalculationErrorModel {
  return { code: error.code, field: error.field, message: error.message };
}
