import type { PriceRangeWire } from '../price-grid';

/** `Market` as of spec 3.30 (PROTOCOL.md §4.2): prices are dollar strings, counts `_fp` strings. */
export interface MarketWire {
  ticker: string;
  event_ticker: string;
  market_type?: 'binary' | 'scalar';
  title?: string;
  subtitle?: string;
  yes_sub_title?: string;
  no_sub_title?: string;
  status: string;
  open_time?: string;
  close_time?: string;
  latest_expiration_time?: string;
  yes_bid_dollars?: string;
  yes_ask_dollars?: string;
  no_bid_dollars?: string;
  no_ask_dollars?: string;
  last_price_dollars?: string;
  volume_fp?: string;
  open_interest_fp?: string;
  strike_type?: string;
  floor_strike?: number | null;
  cap_strike?: number | null;
  result?: string;
  can_close_early?: boolean;
  price_level_structure?: string;
  price_ranges?: PriceRangeWire[];
  fractional_trading_enabled?: boolean;
  rules_primary?: string;
  exchange_index?: number;
}

export interface MarketsPageWire {
  markets: MarketWire[];
  cursor?: string;
}

/** `EventData` (PROTOCOL.md §4.1). */
export interface EventWire {
  event_ticker: string;
  series_ticker: string;
  title?: string;
  sub_title?: string;
  mutually_exclusive?: boolean;
  category?: string;
  strike_date?: string | null;
  markets?: MarketWire[];
  fee_type_override?: string | null;
  fee_multiplier_override?: number | null;
  exchange_index?: number;
}

export interface EventsPageWire {
  events: EventWire[];
  cursor?: string;
}

export interface EventResponseWire {
  event: EventWire;
  /** Deprecated top-level copy of the markets. */
  markets?: MarketWire[];
}

/** `Series` (PROTOCOL.md §4.1): fee_type and fee_multiplier are the fee schedule of its events. */
export interface SeriesWire {
  ticker: string;
  title?: string;
  category?: string;
  frequency?: string;
  tags?: string[];
  fee_type?: string;
  fee_multiplier?: number;
}

/** `GET /markets/{ticker}/orderbook`: bids only, ascending, best last (PROTOCOL.md §4.1). */
export interface OrderBookWire {
  orderbook_fp: {
    yes_dollars?: [string, string][] | null;
    no_dollars?: [string, string][] | null;
  };
}

export interface OrderBooksWire {
  orderbooks: ({ ticker: string } & OrderBookWire)[];
}
