/** `GET /account/limits`: the token-bucket shape (spec 3.30) or the older requests-per-second shape (3.13). */
export interface AccountLimitsWire {
  usage_tier?: string;
  read?: { refill_rate: number; bucket_capacity: number };
  write?: { refill_rate: number; bucket_capacity: number };
  read_limit?: number;
  write_limit?: number;
  grants?: unknown[];
}

/** `GET /exchange/status`. */
export interface ExchangeStatusWire {
  exchange_active: boolean;
  trading_active: boolean;
  exchange_estimated_resume_time?: string | null;
}

/** `GET /portfolio/balance`: `balance` and `portfolio_value` are still integer cents. */
export interface BalanceWire {
  balance: number;
  balance_dollars?: string;
  portfolio_value?: number;
  updated_ts?: number;
}

/** A list page: an empty cursor ends the list (PROTOCOL.md §3.2). */
export interface PageWire {
  cursor?: string;
}
