import { registerEnumType } from '@nestjs/graphql';

/** Kalshi's market status names, unchanged (PROTOCOL.md §5). */
export enum MarketStatusValue {
  initialized = 'initialized',
  inactive = 'inactive',
  active = 'active',
  closed = 'closed',
  determined = 'determined',
  disputed = 'disputed',
  amended = 'amended',
  finalized = 'finalized',
}
registerEnumType(MarketStatusValue, {
  name: 'MarketStatus',
  description: "Kalshi's market status; only active markets trade",
});

export enum StrikeTypeValue {
  greater = 'greater',
  greater_or_equal = 'greater_or_equal',
  less = 'less',
  less_or_equal = 'less_or_equal',
  between = 'between',
  functional = 'functional',
  custom = 'custom',
  structured = 'structured',
}
registerEnumType(StrikeTypeValue, {
  name: 'StrikeType',
  description: "How a market's YES outcome relates to the event's value",
});

export enum StaleReasonValue {
  NO_SNAPSHOT = 'NO_SNAPSHOT',
  SEQ_GAP = 'SEQ_GAP',
  DISCONNECTED = 'DISCONNECTED',
  BOOK_INCONSISTENT = 'BOOK_INCONSISTENT',
  MARKET_NOT_ACTIVE = 'MARKET_NOT_ACTIVE',
  SUBSCRIPTION_ERROR = 'SUBSCRIPTION_ERROR',
}
registerEnumType(StaleReasonValue, {
  name: 'StaleReason',
  description:
    'Why a book is not to be traded on: waiting for a snapshot, a lost message, no connection, a paused market',
});

export enum FeeTypeValue {
  quadratic = 'quadratic',
  quadratic_with_maker_fees = 'quadratic_with_maker_fees',
  quadratic_with_combo_maker_fees = 'quadratic_with_combo_maker_fees',
  flat = 'flat',
}
registerEnumType(FeeTypeValue, {
  name: 'FeeType',
  description: "The series' fee rule (event overrides applied)",
});
