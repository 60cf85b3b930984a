import { Args, Query, Resolver } from '@nestjs/graphql';
import { ArbitrageService } from '../arbitrage.service';
import {
  ArbitrageCalculationResult,
  calculationErrorModel,
  calculationModel,
} from './arbitrage-calculation.model';
import { CalculateArbitrageInput } from './calculate-arbitrage.input';

@Resolver()
export class ArbitrageCalculatorResolver {
  constructor(private readonly arbitrage: ArbitrageService) {}

  @Query(() => ArbitrageCalculationResult, {
    description:
      "Prices any legs at the prices given, with the engine's exact fee and payout code; bad input comes back as ArbitrageCalculationError",
  })
  calculateArbitrage(
    @Args('input') input: CalculateArbitrageInput,
  ): typeof ArbitrageCalculationResult {
    const result = this.arbitrage.calculator.calculate({
      kind: input.kind,
      legs: input.legs.map((leg) => ({
        side: leg.side,
        price: leg.price,
        ticker: leg.ticker ?? undefined,
      })),
      count: input.count,
      feeType: input.feeType ?? undefined,
      feeMultiplier: input.feeMultiplier ?? undefined,
      memberPrecision: input.memberPrecision ?? undefined,
      priceLevelStructure: input.priceLevelStructure ?? undefined,
      exhaustive: input.exhaustive ?? undefined,
      fractional: input.fractional ?? undefined,
    });
    return result.ok ? calculationModel(result) : calculationErrorModel(result);
  }
}
