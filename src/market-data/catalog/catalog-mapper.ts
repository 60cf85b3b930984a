import {
  FEE_TYPES,
  FeeSchedule,
  parseFeeMultiplierE4,
  type FeeType,
} from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import type { EventWire, MarketWire, SeriesWire } from '../../kalshi/wire/market.wire';
import type { MarketInfo, MarketStatus, SeriesInfo, StrikeType } from './catalog.types';

export const MARKET_STATUSES: readonly MarketStatus[] = [
  'initialized',
  'inactive',
  'active',
  'closed',
  'determined',
  'disputed',
  'amended',
  'finalized',
];
const STRIKE_TYPES: readonly StrikeType[] = [
  'greater',
  'greater_or_equal',
  'less',
  'less_or_equal',
  'between',
  'functional',
  'custom',
  'structured',
];

/** What the catalog keeps of an event: its own fields and overrides; fees are resolved against the series. */
export interface EventRecord {
  readonly eventTicker: string;
  readonly seriesTicker: string;
  readonly title: string;
  readonly mutuallyExclusive: boolean;
  readonly category?: string;
  readonly feeTypeOverride?: FeeType;
  readonly feeMultiplierOverrideE4?: number;
  /** Every market of the event as the exchange listed it (all statuses), when the wire carried them. */
  readonly allMarketTickers?: readonly string[];
}

/** A wire value that could not be mapped: the catalog skips the object and says why. */
export class CatalogMappingError extends Error {
  override readonly name = 'CatalogMappingError';
}

export function isMarketStatus(value: unknown): value is MarketStatus {
  return typeof value === 'string' && (MARKET_STATUSES as readonly string[]).includes(value);
}

export function isStrikeType(value: unknown): value is StrikeType {
  return typeof value === 'string' && (STRIKE_TYPES as readonly string[]).includes(value);
}

function isFeeType(value: unknown): value is FeeType {
  return typeof value === 'string' && (FEE_TYPES as readonly string[]).includes(value);
}

/** `price_ranges` are the authority; the named structure is the fallback; the classic cent grid the last resort. */
export function gridOf(
  priceRanges: MarketWire['price_ranges'],
  structure: string | undefined,
): PriceGrid {
  if (Array.isArray(priceRanges) && priceRanges.length > 0) return PriceGrid.of(priceRanges);
  const named = structure ? PRICE_LEVEL_STRUCTURES[structure] : undefined;
  if (structure && !named)
    throw new CatalogMappingError(
      `unknown price_level_structure "${structure}" and no price_ranges`,
    );
  return named ? PriceGrid.of(named) : PriceGrid.cent();
}

function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function marketInfoFromWire(wire: MarketWire, seriesTicker: string): MarketInfo {
  if (typeof wire?.ticker !== 'string' || !wire.ticker)
    throw new CatalogMappingError('a market without a ticker');
  if (!isMarketStatus(wire.status))
    throw new CatalogMappingError(
      `market ${wire.ticker}: unknown status ${JSON.stringify(wire.status)}`,
    );
  let grid: PriceGrid;
  try {
    grid = gridOf(wire.price_ranges, wire.price_level_structure);
  } catch (error) {
    throw new CatalogMappingError(`market ${wire.ticker}: ${(error as Error).message}`);
  }
  const result =
    wire.result === 'yes' || wire.result === 'no' || wire.result === 'scalar' ? wire.result : '';
  return {
    ticker: wire.ticker,
    eventTicker: wire.event_ticker,
    seriesTicker,
    title: wire.title ?? '',
    yesSubTitle: wire.yes_sub_title ?? '',
    status: wire.status,
    strikeType: isStrikeType(wire.strike_type) ? wire.strike_type : undefined,
    floorStrike: finiteOrUndefined(wire.floor_strike),
    capStrike: finiteOrUndefined(wire.cap_strike),
    grid,
    closeTime: wire.close_time,
    result,
    priceLevelStructure: wire.price_level_structure,
    fractionalTradingEnabled: wire.fractional_trading_enabled,
  };
}

export function eventRecordFromWire(wire: EventWire): EventRecord {
  if (typeof wire?.event_ticker !== 'string' || !wire.event_ticker)
    throw new CatalogMappingError('an event without an event_ticker');
  const feeMultiplierOverrideE4 =
    wire.fee_multiplier_override === null || wire.fee_multiplier_override === undefined
      ? undefined
      : parseFeeMultiplierE4(wire.fee_multiplier_override);
  const override = wire.fee_type_override;
  if (override !== null && override !== undefined && override !== '' && !isFeeType(override))
    throw new CatalogMappingError(
      `event ${wire.event_ticker} has an unknown fee_type_override ${JSON.stringify(override)}`,
    );
  const allMarketTickers = Array.isArray(wire.markets)
    ? wire.markets
        .map((market) => market?.ticker)
        .filter((ticker): ticker is string => typeof ticker === 'string')
    : undefined;
  return {
    eventTicker: wire.event_ticker,
    seriesTicker: wire.series_ticker,
    title: wire.title ?? '',
    mutuallyExclusive: wire.mutually_exclusive === true,
    allMarketTickers,
    category: wire.category || undefined,
    feeTypeOverride: isFeeType(wire.fee_type_override) ? wire.fee_type_override : undefined,
    feeMultiplierOverrideE4,
  };
}

/** A series' fee schedule; an unknown fee_type or multiplier is an error, never silently "standard". */
export function seriesInfoFromWire(wire: SeriesWire): SeriesInfo {
  if (typeof wire?.ticker !== 'string' || !wire.ticker)
    throw new CatalogMappingError('a series without a ticker');
  const feeType = wire.fee_type ?? 'quadratic';
  if (!isFeeType(feeType))
    throw new CatalogMappingError(
      `series ${wire.ticker}: unknown fee_type ${JSON.stringify(wire.fee_type)}`,
    );
  let multiplierE4: number;
  try {
    multiplierE4 = parseFeeMultiplierE4(wire.fee_multiplier ?? 1);
  } catch (error) {
    throw new CatalogMappingError(`series ${wire.ticker}: ${(error as Error).message}`);
  }
  return {
    ticker: wire.ticker,
    title: wire.title ?? '',
    category: wire.category ?? '',
    fees: new FeeSchedule(feeType, multiplierE4),
  };
}

/** The event's fees: the series schedule with the event's overrides on top (PROTOCOL.md §7.1). */
export function eventFees(record: EventRecord, series: SeriesInfo | undefined): FeeSchedule {
  const base = series?.fees ?? FeeSchedule.standard();
  const feeType = record.feeTypeOverride ?? base.feeType;
  const multiplierE4 = record.feeMultiplierOverrideE4 ?? base.multiplierE4;
  return feeType === base.feeType && multiplierE4 === base.multiplierE4
    ? base
    : new FeeSchedule(feeType, multiplierE4);
}

export { isFeeType };
