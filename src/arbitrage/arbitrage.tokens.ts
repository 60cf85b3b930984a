/**
 * The market-data views the arbitrage engine reads (ArbitrageModule binds them to MarketCatalog and
 * OrderBookStore). Behind tokens so the service depends on the ports, not on the implementations.
 */
export const ARBITRAGE_MARKET_CATALOG = Symbol('ARBITRAGE_MARKET_CATALOG');
export const ARBITRAGE_ORDER_BOOKS = Symbol('ARBITRAGE_ORDER_BOOKS');

/** Optional: the risk engine's cap on an opportunity's size (an OpportunitySizeLimit); none means config only. */
export const ARBITRAGE_SIZE_LIMIT = Symbol('ARBITRAGE_SIZE_LIMIT');
