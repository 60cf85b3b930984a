import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import { isoTime } from '../common/sim-clock';
import { countString, priceString } from '../common/wire-strings';
import type { SimEvent, SimMarket, SimSeries } from './sim-catalog';

/** Kalshi's REST shapes (spec 3.30 superset of 3.13) for series, events and markets. */
export function seriesWire(series: SimSeries, volumeE2 = 0): Record<string, unknown> {
  return {
    ticker: series.ticker,
    frequency: series.frequency,
    title: series.title,
    category: series.category,
    categories: [series.category],
    tags: series.tags,
    settlement_sources: [{ name: 'Kalshi simulator', url: 'http://127.0.0.1/' }],
    contract_url: `https://kalshi.com/sim/${series.ticker.toLowerCase()}.pdf`,
    contract_terms_url: `https://kalshi.com/sim/${series.ticker.toLowerCase()}-terms.pdf`,
    product_metadata: {},
    fee_type: series.feeType,
    fee_multiplier: series.feeMultiplierE4 / 10_000,
    additional_prohibitions: [],
    volume_fp: countString(volumeE2),
    last_updated_ts: isoTime(series.createdMs),
    exchange_index: 0,
  };
}

export function eventWire(event: SimEvent, withMarkets: boolean): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    event_ticker: event.eventTicker,
    series_ticker: event.series.ticker,
    sub_title: event.subTitle,
    title: event.title,
    collateral_return_type: event.mutuallyExclusive ? 'MECNET' : '',
    mutually_exclusive: event.mutuallyExclusive,
    category: event.series.category,
    strike_date: isoTime(event.strikeDateMs),
    available_on_brokers: true,
    product_metadata: {},
    settlement_sources: [{ name: 'Kalshi simulator', url: 'http://127.0.0.1/' }],
    last_updated_ts: isoTime(event.series.createdMs),
    fee_type_override: event.feeTypeOverride,
    fee_multiplier_override:
      event.feeMultiplierOverrideE4 === null ? null : event.feeMultiplierOverrideE4 / 10_000,
    exchange_index: 0,
  };
  if (withMarkets) wire.markets = event.markets.map(marketWire);
  return wire;
}

export function marketWire(market: SimMarket): Record<string, unknown> {
  const book = market.book;
  const bid = book.bestBidE4();
  const ask = book.bestAskE4() || ONE_DOLLAR;
  const stats = market.stats;
  const expirationMs = market.closeTimeMs + 3_600_000;
  const wire: Record<string, unknown> = {
    ticker: market.ticker,
    event_ticker: market.event.eventTicker,
    market_type: 'binary',
    title: market.title,
    subtitle: '',
    yes_sub_title: market.yesSubTitle,
    no_sub_title: market.noSubTitle,
    created_time: isoTime(market.createdMs),
    updated_time: isoTime(market.updatedMs),
    open_time: isoTime(market.openTimeMs),
    close_time: isoTime(market.closeTimeMs),
    expected_expiration_time: isoTime(expirationMs),
    expiration_time: isoTime(expirationMs),
    latest_expiration_time: isoTime(expirationMs + 7 * 86_400_000),
    settlement_timer_seconds: 0,
    status: market.status,
    yes_bid_dollars: priceString(bid),
    yes_bid_size_fp: countString(book.bestBidSizeE2()),
    yes_ask_dollars: priceString(ask),
    yes_ask_size_fp: countString(book.bestAskSizeE2()),
    no_bid_dollars: priceString(ONE_DOLLAR - ask),
    no_ask_dollars: priceString(ONE_DOLLAR - bid),
    last_price_dollars: priceString(stats.lastPriceE4),
    previous_yes_bid_dollars: priceString(bid),
    previous_yes_ask_dollars: priceString(ask),
    previous_price_dollars: priceString(stats.lastPriceE4),
    volume_fp: countString(stats.volumeE2),
    volume_24h_fp: countString(stats.volumeE2),
    liquidity_dollars: '0.0000',
    open_interest_fp: countString(stats.openInterestE2),
    notional_value_dollars: '1.0000',
    result: market.result,
    can_close_early: false,
    fractional_trading_enabled: true,
    expiration_value: '',
    rules_primary: market.rulesPrimary,
    rules_secondary: '',
    strike_type: market.strikeType,
    price_level_structure: market.priceLevelStructure,
    price_ranges: market.grid.toWire(),
    exchange_index: 0,
  };
  if (market.floorStrike !== null) wire.floor_strike = market.floorStrike;
  if (market.capStrike !== null) wire.cap_strike = market.capStrike;
  if (market.customStrike !== null) wire.custom_strike = market.customStrike;
  if (market.result !== '') {
    wire.settlement_value_dollars = market.result === 'yes' ? '1.0000' : '0.0000';
    if (market.settledMs > 0) wire.settlement_ts = isoTime(market.settledMs);
  }
  return wire;
}

/** `orderbook_fp`: bids only, ascending by price, best last; NO bids in NO-price terms (PROTOCOL.md §4.1). */
export function orderbookWire(
  market: SimMarket,
  depth: number,
): { yes_dollars: string[][]; no_dollars: string[][] } {
  const book = market.book;
  const prices = market.grid.prices;
  const yes: string[][] = [];
  for (const level of book.bids.levelsFromBest()) {
    if (depth > 0 && yes.length >= depth) break;
    yes.push([priceString(prices[level]), countString(book.bids.sizes[level])]);
  }
  const no: string[][] = [];
  for (const level of book.asks.levelsFromBest()) {
    if (depth > 0 && no.length >= depth) break;
    no.push([priceString(ONE_DOLLAR - prices[level]), countString(book.asks.sizes[level])]);
  }
  return { yes_dollars: yes.reverse(), no_dollars: no.reverse() };
}
