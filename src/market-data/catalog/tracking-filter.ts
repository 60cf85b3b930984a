import type { MarketInfo, MarketStatus } from './catalog.types';

/** Kalshi's REST status filter values (PROTOCOL.md §4.1), plus `any`. */
export type TrackedStatus = 'open' | 'unopened' | 'paused' | 'closed' | 'settled' | 'any';
export const TRACKED_STATUSES: readonly TrackedStatus[] = [
  'open',
  'unopened',
  'paused',
  'closed',
  'settled',
  'any',
];

/** Which markets the service follows (config keys MARKET_*). Empty lists mean "no restriction". */
export interface TrackingFilter {
  readonly seriesTickers: readonly string[];
  readonly eventTickers: readonly string[];
  readonly categories: readonly string[];
  readonly status: TrackedStatus;
  /** Only markets closing within this many hours from now; undefined: any close time. */
  readonly closeWithinHours?: number;
  /** A safety cap on the number of tracked markets. */
  readonly maxMarkets: number;
}

const STATUS_MATCHES: Record<Exclude<TrackedStatus, 'any'>, readonly MarketStatus[]> = {
  open: ['active'],
  unopened: ['initialized'],
  paused: ['inactive'],
  closed: ['closed', 'determined', 'disputed', 'amended'],
  settled: ['finalized'],
};

/** The REST `status` query parameter for a filter (undefined = all). */
export function restStatus(filter: TrackingFilter): string | undefined {
  return filter.status === 'any' ? undefined : filter.status;
}

/** The market-level part of the filter (series, events and categories are applied while loading). */
export function marketMatches(filter: TrackingFilter, market: MarketInfo, nowMs: number): boolean {
  if (filter.status !== 'any' && !STATUS_MATCHES[filter.status].includes(market.status))
    return false;
  if (filter.closeWithinHours !== undefined && market.closeTime) {
    const closeMs = Date.parse(market.closeTime);
    if (Number.isFinite(closeMs) && closeMs > nowMs + filter.closeWithinHours * 3_600_000)
      return false;
  }
  return true;
}

/** Whether an event belongs to what is tracked (for markets that appear later, from lifecycle messages). */
export function eventSelected(
  filter: TrackingFilter,
  event: { eventTicker: string; seriesTicker: string; category?: string },
): boolean {
  const anyList =
    filter.eventTickers.length + filter.seriesTickers.length + filter.categories.length > 0;
  if (!anyList) return true;
  return (
    filter.eventTickers.includes(event.eventTicker) ||
    filter.seriesTickers.includes(event.seriesTicker) ||
    (event.category !== undefined && filter.categories.includes(event.category))
  );
}

export function describeFilter(filter: TrackingFilter): string {
  const parts = [`status ${filter.status}`];
  if (filter.seriesTickers.length) parts.push(`series ${filter.seriesTickers.join(',')}`);
  if (filter.eventTickers.length) parts.push(`events ${filter.eventTickers.join(',')}`);
  if (filter.categories.length) parts.push(`categories ${filter.categories.join(',')}`);
  if (filter.closeWithinHours !== undefined)
    parts.push(`closing within ${filter.closeWithinHours} h`);
  parts.push(`at most ${filter.maxMarkets} markets`);
  return parts.join(', ');
}
