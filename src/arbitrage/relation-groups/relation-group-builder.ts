import type { EventInfo, MarketInfo } from '../../market-data/catalog/catalog.types';
import { ruledOut, strikesCoverEveryOutcome } from './exhaustiveness';
import {
  NO_OVERRIDES,
  type ExhaustiveOverrides,
  type ExhaustiveSource,
  type LadderDirection,
  type LadderGroup,
  type PartitionGroup,
  type RelationGroup,
} from './relation-group';

/**
 * The relation groups of one event, from catalog metadata only (strike_type, floor_strike, cap_strike,
 * mutually_exclusive), never from tickers. Only `active` markets take part.
 */
export function buildRelationGroups(
  event: EventInfo,
  markets: readonly MarketInfo[],
  overrides: ExhaustiveOverrides = NO_OVERRIDES,
): RelationGroup[] {
  // The `flat` fee type prices by a table Kalshi does not publish: no profit can be stated, so no group.
  if (event.fees.feeType === 'flat') return [];
  const active = markets.filter((market) => market.status === 'active');
  const groups: RelationGroup[] = [];
  const above = ladder(event, 'above', active);
  if (above) groups.push(above);
  const below = ladder(event, 'below', active);
  if (below) groups.push(below);
  if (event.mutuallyExclusive && active.length >= 2)
    groups.push(partition(event, markets, active, overrides));
  return groups;
}

function ladder(
  event: EventInfo,
  direction: LadderDirection,
  active: readonly MarketInfo[],
): LadderGroup | undefined {
  const members =
    direction === 'above'
      ? active
          .filter(
            (m) =>
              (m.strikeType === 'greater' || m.strikeType === 'greater_or_equal') &&
              Number.isFinite(m.floorStrike),
          )
          // Wide to narrow: a lower floor holds more outcomes; at one floor, ">=" holds the floor itself too.
          .sort(
            (a, b) =>
              a.floorStrike! - b.floorStrike! ||
              inclusiveFirst(a, b) ||
              a.ticker.localeCompare(b.ticker),
          )
      : active
          .filter(
            (m) =>
              (m.strikeType === 'less' || m.strikeType === 'less_or_equal') &&
              Number.isFinite(m.capStrike),
          )
          .sort(
            (a, b) =>
              b.capStrike! - a.capStrike! ||
              inclusiveFirst(a, b) ||
              a.ticker.localeCompare(b.ticker),
          );
  if (members.length < 2) return undefined;
  return {
    type: 'ladder',
    id: `${event.eventTicker}:${direction}`,
    eventTicker: event.eventTicker,
    direction,
    members,
    positions: positionsOf(members),
    fees: event.fees,
  };
}

function inclusiveFirst(a: MarketInfo, b: MarketInfo): number {
  return (
    Number(!a.strikeType?.endsWith('_or_equal')) - Number(!b.strikeType?.endsWith('_or_equal'))
  );
}

function partition(
  event: EventInfo,
  all: readonly MarketInfo[],
  active: readonly MarketInfo[],
  overrides: ExhaustiveOverrides,
): PartitionGroup {
  const members = [...active].sort((a, b) => a.ticker.localeCompare(b.ticker));
  let source: ExhaustiveSource = 'NONE';
  if (overrides.notExhaustive.has(event.eventTicker)) source = 'NONE';
  else if (overrides.exhaustive.has(event.eventTicker)) source = 'CONFIG';
  else if (strikesCoverEveryOutcome(all)) source = 'STRIKES';
  // The cover holds for the whole event as the exchange lists it: a member that is paused, closed, untracked or
  // gone from the catalog leaves a hole in it.
  const byTicker = new Map(all.map((market) => [market.ticker, market]));
  const complete = [...event.allMarketTickers, ...byTicker.keys()].every((ticker) => {
    const market = byTicker.get(ticker);
    return market !== undefined && (market.status === 'active' || ruledOut(market));
  });
  const exhaustive = source !== 'NONE' && complete;
  return {
    type: 'partition',
    id: `${event.eventTicker}:partition`,
    eventTicker: event.eventTicker,
    members,
    positions: positionsOf(members),
    exhaustive,
    exhaustiveSource: exhaustive ? source : 'NONE',
    fees: event.fees,
  };
}

function positionsOf(members: readonly MarketInfo[]): Map<string, number> {
  return new Map(members.map((market, index) => [market.ticker, index]));
}
