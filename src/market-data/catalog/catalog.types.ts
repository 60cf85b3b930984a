import type { FeeSchedule } from '../../kalshi/kalshi-fees';
import type { PriceGrid } from '../../kalshi/price-grid';

/** Kalshi market status (PROTOCOL.md §4.2 / §5 lifecycle). Only `active` markets trade. */
export type MarketStatus =
  | 'initialized'
  | 'inactive'
  | 'active'
  | 'closed'
  | 'determined'
  | 'disputed'
  | 'amended'
  | 'finalized';

/** How a market's YES outcome relates to the event's underlying value. */
export type StrikeType =
  | 'greater'
  | 'greater_or_equal'
  | 'less'
  | 'less_or_equal'
  | 'between'
  | 'functional'
  | 'custom'
  | 'structured';

/** A market as the engine needs it: catalog metadata, never parsed from the ticker. */
export interface MarketInfo {
  readonly ticker: string;
  readonly eventTicker: string;
  readonly seriesTicker: string;
  readonly title: string;
  readonly yesSubTitle: string;
  readonly status: MarketStatus;
  readonly strikeType?: StrikeType;
  /** "minimum expiration value that leads to YES" */
  readonly floorStrike?: number;
  /** "maximum expiration value that leads to YES" */
  readonly capStrike?: number;
  readonly grid: PriceGrid;
  readonly closeTime?: string;
  readonly result?: 'yes' | 'no' | 'scalar' | '';
  /** Kalshi's name of the grid (`linear_cent`, `deci_cent`, ...); `grid` is the authority. */
  readonly priceLevelStructure?: string;
  /** Whether counts finer than one contract are accepted (whole contracts otherwise). */
  readonly fractionalTradingEnabled?: boolean;
}

export interface EventInfo {
  readonly eventTicker: string;
  readonly seriesTicker: string;
  readonly title: string;
  /** At most one market of the event can resolve YES. */
  readonly mutuallyExclusive: boolean;
  /** Fees of this event's markets: the series schedule with the event's overrides applied. */
  readonly fees: FeeSchedule;
  readonly marketTickers: readonly string[];
  /**
   * Every market the exchange lists in this event, tracked or not (markets filtered out, paused, closed or
   * settled included): whether a partition is complete is judged against this, never against the tracked subset.
   */
  readonly allMarketTickers: readonly string[];
  readonly category?: string;
}

export interface SeriesInfo {
  readonly ticker: string;
  readonly title: string;
  readonly category: string;
  readonly fees: FeeSchedule;
}
