import { parseDollarsE6 } from '../../kalshi/fixed-point';
import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { LadderInversionDetector } from '../detectors/ladder-inversion-detector';
import { PartitionDetector } from '../detectors/partition-detector';
import type { DetectionSettings } from '../detectors/detection-context';
import type { OpportunityPlan } from '../opportunities/opportunity.types';
import { buildRelationGroups } from '../relation-groups/relation-group-builder';
import type {
  ExhaustiveOverrides,
  LadderGroup,
  PartitionGroup,
} from '../relation-groups/relation-group';
import { InMemoryMarketCatalog, type MarketSpec } from './in-memory-market-catalog';
import { InMemoryOrderBookStore } from './in-memory-order-book-store';

/** No minimums, 10,000 contracts, cent members: the raw detector output. */
export const OPEN_SETTINGS: DetectionSettings = {
  thresholds: { minNetProfitE6: 0, minNetPerContractE6: 0, minReturnBps: 0 },
  maxCountE2: 10_000 * 100,
  memberPrecision: 'cent',
};

/** One event in an in-memory catalog, its books, and both detectors. */
export class DetectionHarness {
  readonly catalog = new InMemoryMarketCatalog();
  readonly books = new InMemoryOrderBookStore();

  constructor(
    readonly eventTicker: string,
    markets: readonly MarketSpec[],
    options: {
      mutuallyExclusive?: boolean;
      fees?: FeeSchedule;
      overrides?: ExhaustiveOverrides;
    } = {},
    readonly settings: DetectionSettings = OPEN_SETTINGS,
  ) {
    this.catalog.addEvent(
      { eventTicker, mutuallyExclusive: options.mutuallyExclusive, fees: options.fees },
      markets,
    );
    this.overrides = options.overrides;
  }

  private readonly overrides?: ExhaustiveOverrides;

  groups() {
    return buildRelationGroups(
      this.catalog.event(this.eventTicker)!,
      this.catalog.marketsOfEvent(this.eventTicker),
      this.overrides,
    );
  }

  ladder(direction: 'above' | 'below' = 'above'): LadderGroup {
    const group = this.groups().find(
      (g): g is LadderGroup => g.type === 'ladder' && g.direction === direction,
    );
    if (!group) throw new Error(`no ${direction} ladder`);
    return group;
  }

  partition(): PartitionGroup {
    const group = this.groups().find((g): g is PartitionGroup => g.type === 'partition');
    if (!group) throw new Error('no partition');
    return group;
  }

  /** Every LADDER_INVERSION of the ladder (all pairs). */
  ladderOpportunities(
    direction: 'above' | 'below' = 'above',
    changedTicker: string | null = null,
  ): OpportunityPlan[] {
    const found: OpportunityPlan[] = [];
    new LadderInversionDetector(this.books, this.settings).evaluate(
      this.ladder(direction),
      changedTicker,
      { offer: (plan) => found.push(plan) },
    );
    return found;
  }

  partitionOpportunities(): OpportunityPlan[] {
    const found: OpportunityPlan[] = [];
    new PartitionDetector(this.books, this.settings).evaluate(this.partition(), {
      offer: (plan) => found.push(plan),
    });
    return found;
  }
}

/** "2.21" -> 2_210_000 ($0.000001 units), exactly. */
export function usd(text: string): number {
  const value = parseDollarsE6(text);
  if (Number.isNaN(value)) throw new Error(`bad dollars ${text}`);
  return value;
}

export const contracts = (n: number): number => n * 100;
