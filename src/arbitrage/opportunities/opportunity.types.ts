/** The arbitrage kinds (DESIGN.md §4): names are stable, they reach the database and GraphQL. */
export type OpportunityKind = 'LADDER_INVERSION' | 'PARTITION_BUY_NO' | 'PARTITION_BUY_YES';
export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = [
  'LADDER_INVERSION',
  'PARTITION_BUY_NO',
  'PARTITION_BUY_YES',
];

export type LegSide = 'yes' | 'no';

/** One IOC fill level of a leg: the side's own price (a NO fill at $0.70 is priceE4 7000). */
export interface LegFill {
  readonly priceE4: number;
  readonly countE2: number;
}

/** One leg of a plan: a taker buy of `countE2` contracts walked over `fills`, priced as the exchange debits it. */
export interface PlannedLeg {
  readonly ticker: string;
  readonly side: LegSide;
  readonly action: 'buy';
  /** The worst price walked: the IOC limit price, in the side's price. */
  readonly limitPriceE4: number;
  readonly countE2: number;
  readonly fills: readonly LegFill[];
  /** Σ count x price over the fills, in $0.000001. */
  readonly costE6: number;
  /** Σ per-fill trade fees (each rounded up to $0.0001), in $0.000001. */
  readonly tradeFeeE6: number;
  /** cost + trade fee rounded up to the member's balance precision: what the account pays. */
  readonly debitE6: number;
}

/** A priced arbitrage: the same count on every leg; every amount exact, in $0.000001. */
export interface OpportunityPlan {
  readonly kind: OpportunityKind;
  readonly groupId: string;
  readonly eventTicker: string;
  readonly legs: readonly PlannedLeg[];
  readonly countE2: number;
  readonly costE6: number;
  /** Trade fees plus member rounding: Σ debit − Σ cost. */
  readonly feesE6: number;
  /** What the legs pay in the worst outcome. */
  readonly guaranteedPayoutE6: number;
  /** What the legs pay in the best outcome. */
  readonly bestPayoutE6: number;
  /** guaranteed payout − cost − fees: the profit banked whatever happens. */
  readonly netProfitE6: number;
  /** best payout − cost − fees. */
  readonly bestCaseProfitE6: number;
  /** net profit / capital (Σ debit), in basis points, rounded down. */
  readonly returnBps: number;
  /** net profit per whole contract, rounded down, in $0.000001. */
  readonly netPerContractE6: number;
}

/** Why an opportunity stopped being one. */
export type CloseReason =
  'PRICES_MOVED' | 'BOOK_STALE' | 'MARKET_NOT_ACTIVE' | 'GROUP_CHANGED' | 'SHUTDOWN';

/** The stable identity of an opportunity: kind, relation group and legs. */
export function opportunityKey(
  kind: OpportunityKind,
  groupId: string,
  legs: readonly { ticker: string; side: LegSide }[],
): string {
  return `${kind}|${groupId}|${legs.map((leg) => `${leg.side}:${leg.ticker}`).join(',')}`;
}
