/** WebSocket frames (PROTOCOL.md §6, asyncapi-current.yaml). Levels are `[price_dollars, count_fp]`. */
export type WsLevelWire = [string, string];

export interface OrderBookSnapshotMsgWire {
  market_ticker: string;
  market_id?: string;
  yes_dollars_fp?: WsLevelWire[];
  no_dollars_fp?: WsLevelWire[];
}

export interface OrderBookDeltaMsgWire {
  market_ticker: string;
  market_id?: string;
  price_dollars: string;
  delta_fp: string;
  side: 'yes' | 'no';
  ts_ms?: number;
  ts?: string;
  client_order_id?: string;
  subaccount?: number;
}

export interface MarketLifecycleMsgWire {
  market_ticker: string;
  /** created, activated, deactivated, close_date_updated, determined, settled, price_level_structure_updated, metadata_updated */
  event_type: string;
  open_ts?: number;
  close_ts?: number;
  determination_ts?: number;
  settled_ts?: number;
  result?: string;
  settlement_value?: string;
  is_deactivated?: boolean;
  price_level_structure?: string;
  price_ranges?: { start: string; end: string; step: string }[];
  additional_metadata?: {
    title?: string;
    yes_sub_title?: string;
    event_ticker?: string;
    strike_type?: string;
    floor_strike?: number;
    cap_strike?: number;
  };
  strike_type?: string;
  floor_strike?: number;
  cap_strike?: number;
  yes_sub_title?: string;
}

export interface EventLifecycleMsgWire {
  event_ticker: string;
  series_ticker?: string;
  title?: string;
  subtitle?: string;
  strike_date?: number;
}

export interface EventFeeUpdateMsgWire {
  event_ticker: string;
  fee_type_override?: string | null;
  fee_multiplier_override?: number | null;
}

export interface WsErrorMsgWire {
  code: number;
  msg?: string;
  market_ticker?: string;
  market_tickers?: string[];
  sid?: number;
}

/** Any server frame, as JSON.parse returns it. */
export interface WsFrameWire {
  type: string;
  id?: number;
  sid?: number;
  seq?: number;
  msg?: unknown;
}

/** Client commands (PROTOCOL.md §6.2). */
export interface WsCommandWire {
  id: number;
  cmd: 'subscribe' | 'unsubscribe' | 'update_subscription' | 'list_subscriptions';
  params?: Record<string, unknown>;
}
