import { Module } from '@nestjs/common';

/** The market-data domain: live order books and the market catalog. */
@Module({})
export class MarketDataModule {}
