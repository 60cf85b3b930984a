import { Module } from '@nestjs/common';
import { MarketCatalog } from '../market-data/catalog/market-catalog';
import { MarketDataModule } from '../market-data/market-data.module';
import { OrderBookStore } from '../market-data/order-book/order-book-store';
import { ArbitrageService } from './arbitrage.service';
import { ARBITRAGE_MARKET_CATALOG, ARBITRAGE_ORDER_BOOKS } from './arbitrage.tokens';
import { ArbitrageCalculatorResolver } from './graphql/arbitrage-calculator.resolver';
import { OpportunityResolver } from './graphql/opportunity.resolver';
import { OpportunityQueryService } from './opportunity-query.service';

/** The arbitrage domain: relation groups, detectors, fees, sizing, the opportunity tracker, the calculator. */
@Module({
  imports: [MarketDataModule],
  providers: [
    { provide: ARBITRAGE_MARKET_CATALOG, useExisting: MarketCatalog },
    { provide: ARBITRAGE_ORDER_BOOKS, useExisting: OrderBookStore },
    ArbitrageService,
    OpportunityQueryService,
    OpportunityResolver,
    ArbitrageCalculatorResolver,
  ],
  exports: [ArbitrageService],
})
export class ArbitrageModule {}
