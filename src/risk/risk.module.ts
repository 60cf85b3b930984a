import { Module } from '@nestjs/common';

/** The risk domain: trading state, limits, pre-trade checks, circuit breakers and the kill switch. */
@Module({})
export class RiskModule {}
