import { Module } from '@nestjs/common';

/** The arbitrage domain: relation groups, detectors, fees, sizing and the opportunity tracker. */
@Module({})
export class ArbitrageModule {}
