import type { FeeSchedule } from '../../kalshi/kalshi-fees';
import type { MarketInfo } from '../../market-data/catalog/catalog.types';

/** "above": greater/greater_or_equal by floor_strike; "below": less/less_or_equal by cap_strike. */
export type LadderDirection = 'above' | 'below';

/**
 * Markets of one event whose YES conditions nest: members[i]'s YES outcome set contains members[j]'s for
 * i < j ("wide to narrow"). So YES prices must not rise along the list; a YES ask at i below a YES bid at j
 * is a LADDER_INVERSION, whatever the direction.
 */
export interface LadderGroup {
  readonly type: 'ladder';
  readonly id: string;
  readonly eventTicker: string;
  readonly direction: LadderDirection;
  readonly members: readonly MarketInfo[];
  /** ticker -> index in members. */
  readonly positions: ReadonlyMap<string, number>;
  readonly fees: FeeSchedule;
}

/** Where a partition's exhaustive flag came from. */
export type ExhaustiveSource = 'STRIKES' | 'CONFIG' | 'NONE';

/** The active markets of a mutually exclusive event: at most one resolves YES; exactly one when exhaustive. */
export interface PartitionGroup {
  readonly type: 'partition';
  readonly id: string;
  readonly eventTicker: string;
  readonly members: readonly MarketInfo[];
  readonly positions: ReadonlyMap<string, number>;
  readonly exhaustive: boolean;
  readonly exhaustiveSource: ExhaustiveSource;
  readonly fees: FeeSchedule;
}

export type RelationGroup = LadderGroup | PartitionGroup;

/** Events declared exhaustive (or not) in configuration, over what the strikes say. */
export interface ExhaustiveOverrides {
  readonly exhaustive: ReadonlySet<string>;
  readonly notExhaustive: ReadonlySet<string>;
}

export const NO_OVERRIDES: ExhaustiveOverrides = {
  exhaustive: new Set(),
  notExhaustive: new Set(),
};

/** Whether two ladder members carry the very same YES condition (their inversion can never pay 2). */
export function sameCondition(a: MarketInfo, b: MarketInfo): boolean {
  return (
    a.strikeType === b.strikeType && a.floorStrike === b.floorStrike && a.capStrike === b.capStrike
  );
}
