import { Module } from '@nestjs/common';

/** The portfolio domain: positions, fills, settlements and P&L. */
@Module({})
export class PortfolioModule {}
