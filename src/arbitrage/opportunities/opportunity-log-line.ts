import { formatCountE2, formatDollarsE6As4 } from '../../kalshi/fixed-point';
import type { TrackedOpportunity } from './opportunity-tracker';

/** `OPEN LADDER_INVERSION KXHIGHNY-26OCT01 T61/T63 x37 net $1.2340 (4.1%)` */
export function openLogLine(opportunity: TrackedOpportunity): string {
  const plan = opportunity.plan;
  return `OPEN ${opportunity.kind} ${opportunity.eventTicker} ${legNames(opportunity)} x${countText(plan.countE2)} net $${formatDollarsE6As4(plan.netProfitE6)} (${percentText(plan.returnBps)})`;
}

/** `CLOSE LADDER_INVERSION KXHIGHNY-26OCT01 T61/T63 after 12.345s best net $1.5000 (PRICES_MOVED)` */
export function closeLogLine(opportunity: TrackedOpportunity): string {
  const lifetimeMs = (opportunity.closedMs ?? opportunity.updatedMs) - opportunity.firstSeenMs;
  return `CLOSE ${opportunity.kind} ${opportunity.eventTicker} ${legNames(opportunity)} after ${secondsText(lifetimeMs)} best net $${formatDollarsE6As4(opportunity.bestNetProfitE6)} (${opportunity.closeReason ?? 'UNKNOWN'})`;
}

/** Leg tickers without the shared event prefix, for reading only. */
function legNames(opportunity: TrackedOpportunity): string {
  const prefix = `${opportunity.eventTicker}-`;
  return opportunity.tickers
    .map((ticker) => (ticker.startsWith(prefix) ? ticker.slice(prefix.length) : ticker))
    .join('/');
}

function countText(countE2: number): string {
  return countE2 % 100 === 0 ? String(countE2 / 100) : formatCountE2(countE2);
}

/** Basis points as a percentage with one decimal, rounded down: 412 -> "4.1%". */
export function percentText(bps: number): string {
  const sign = bps < 0 ? '-' : '';
  const tenths = Math.floor(Math.abs(bps) / 10);
  return `${sign}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

function secondsText(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}s`;
}
