/** V2 order calls (`/portfolio/events/orders`, spec 3.30 via kalshi-typescript; PROTOCOL.md §4.3). */
export type BookSideWire = 'bid' | 'ask';
export type TimeInForceWire = 'fill_or_kill' | 'good_till_canceled' | 'immediate_or_cancel';
export type SelfTradePreventionWire = 'taker_at_cross' | 'maker';

export interface CreateOrderV2RequestWire {
  ticker: string;
  client_order_id?: string;
  side: BookSideWire;
  count: string;
  /** The YES-leg price, on the market's grid. */
  price: string;
  expiration_time?: number;
  time_in_force: TimeInForceWire;
  post_only?: boolean;
  self_trade_prevention_type: SelfTradePreventionWire;
  cancel_order_on_pause?: boolean;
  reduce_only?: boolean;
  subaccount?: number;
  order_group_id?: string;
  exchange_index?: number;
}

export interface CreateOrderV2ResponseWire {
  order_id: string;
  client_order_id?: string;
  fill_count: string;
  remaining_count: string;
  average_fill_price?: string;
  average_fee_paid?: string;
  ts_ms: number;
}

export interface ErrorBodyWire {
  code?: string;
  message?: string;
  details?: string;
}

export interface BatchCreateOrdersV2ResponseWire {
  orders: (Partial<CreateOrderV2ResponseWire> & { error?: ErrorBodyWire | null })[];
}

export interface CancelOrderV2ResponseWire {
  order_id: string;
  client_order_id?: string;
  reduced_by: string;
  ts_ms: number;
}

export interface BatchCancelOrdersV2RequestWire {
  orders: {
    order_id: string;
    subaccount?: number;
    exchange_index?: number;
    market_ticker?: string;
  }[];
}

export interface BatchCancelOrdersV2ResponseWire {
  orders: (Partial<CancelOrderV2ResponseWire> & {
    order_id: string;
    error?: ErrorBodyWire | null;
  })[];
}

export interface AmendOrderV2RequestWire {
  ticker: string;
  side: BookSideWire;
  price: string;
  /** New total: filled + desired remaining. */
  count: string;
  client_order_id?: string;
  updated_client_order_id?: string;
  exchange_index?: number;
}

export interface AmendOrderV2ResponseWire {
  order_id: string;
  client_order_id?: string;
  remaining_count?: string;
  fill_count?: string;
  average_fill_price?: string;
  average_fee_paid?: string;
  ts_ms: number;
}

export interface DecreaseOrderV2RequestWire {
  reduce_by?: string;
  reduce_to?: string;
  exchange_index?: number;
  market_ticker?: string;
}

export interface DecreaseOrderV2ResponseWire {
  order_id: string;
  client_order_id?: string;
  remaining_count: string;
  ts_ms: number;
}

/** `Order` as `GET /portfolio/orders` returns it. */
export interface OrderWire {
  order_id: string;
  client_order_id?: string;
  ticker: string;
  outcome_side?: 'yes' | 'no';
  book_side?: BookSideWire;
  /** `resting`, `canceled` or `executed` (older specs also `pending`). */
  status: string;
  yes_price_dollars?: string;
  no_price_dollars?: string;
  fill_count_fp?: string;
  remaining_count_fp?: string;
  initial_count_fp?: string;
  taker_fees_dollars?: string;
  maker_fees_dollars?: string;
  created_time?: string;
  last_update_time?: string;
}

export interface OrdersPageWire {
  orders: OrderWire[];
  cursor?: string;
}

export interface MarketPositionWire {
  ticker: string;
  position_fp: string;
  market_exposure_dollars?: string;
  realized_pnl_dollars?: string;
  fees_paid_dollars?: string;
  total_traded_dollars?: string;
  last_updated_ts?: string;
}

export interface PositionsPageWire {
  market_positions: MarketPositionWire[];
  event_positions?: unknown[];
  cursor?: string;
}
