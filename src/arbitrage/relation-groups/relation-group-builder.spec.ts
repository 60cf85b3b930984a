import { FeeSchedule } from '../../kalshi/kalshi-fees';
import type { MarketInfo } from '../../market-data/catalog/catalog.types';
import { InMemoryMarketCatalog, type MarketSpec } from '../testing/in-memory-market-catalog';
import { strikesCoverEveryOutcome } from './exhaustiveness';
import { buildRelationGroups } from './relation-group-builder';
import { RelationGroupIndex } from './relation-group-index';
import type { ExhaustiveOverrides, PartitionGroup } from './relation-group';

const EVENT = 'KXHIGHNY-26OCT01';
const t = (suffix: string) => `${EVENT}-${suffix}`;
const TEMPERATURES: MarketSpec[] = [
  { ticker: t('T60'), strikeType: 'less_or_equal', capStrike: 60 },
  { ticker: t('B61'), strikeType: 'between', floorStrike: 60, capStrike: 62 },
  { ticker: t('B63'), strikeType: 'between', floorStrike: 62, capStrike: 64 },
  { ticker: t('T64'), strikeType: 'greater_or_equal', floorStrike: 64 },
];

function groupsOf(
  specs: MarketSpec[],
  options: { mutuallyExclusive?: boolean; overrides?: ExhaustiveOverrides } = {},
) {
  const catalog = new InMemoryMarketCatalog();
  catalog.addEvent(
    { eventTicker: EVENT, mutuallyExclusive: options.mutuallyExclusive ?? true },
    specs,
  );
  return buildRelationGroups(
    catalog.event(EVENT)!,
    catalog.marketsOfEvent(EVENT),
    options.overrides,
  );
}

function partitionOf(specs: MarketSpec[], overrides?: ExhaustiveOverrides): PartitionGroup {
  return groupsOf(specs, { overrides }).find((g): g is PartitionGroup => g.type === 'partition')!;
}

const market = (spec: Partial<MarketInfo>) => spec as MarketInfo;

describe('exhaustiveness from the strikes', () => {
  it('60 or below | 60-62 | 62-64 | 64 or above covers every temperature, whichever bracket ends are open', () => {
    expect(partitionOf(TEMPERATURES)).toMatchObject({
      exhaustive: true,
      exhaustiveSource: 'STRIKES',
    });
  });

  it('below 60 | 60-62 | 62-64 | above 64 is not provably exhaustive: with (a, b] brackets 60 wins nothing, with [a, b) 64', () => {
    const strictTails = TEMPERATURES.map((m) =>
      m.strikeType === 'less_or_equal'
        ? { ...m, strikeType: 'less' as const }
        : m.strikeType === 'greater_or_equal'
          ? { ...m, strikeType: 'greater' as const }
          : m,
    );
    expect(partitionOf(strictTails).exhaustive).toBe(false);
    const oneStrictTail = TEMPERATURES.map((m) =>
      m.strikeType === 'greater_or_equal' ? { ...m, strikeType: 'greater' as const } : m,
    );
    expect(partitionOf(oneStrictTail).exhaustive).toBe(false);
  });

  it('an event on the unpublished `flat` fee table gets no groups: its profit cannot be stated', () => {
    const catalog = new InMemoryMarketCatalog();
    catalog.addEvent(
      { eventTicker: EVENT, mutuallyExclusive: true, fees: new FeeSchedule('flat', 10_000) },
      TEMPERATURES,
    );
    expect(buildRelationGroups(catalog.event(EVENT)!, catalog.marketsOfEvent(EVENT))).toEqual([]);
  });

  it('a partition missing a member the exchange lists (untracked, settled, filtered out) is not exhaustive', () => {
    const catalog = new InMemoryMarketCatalog();
    catalog.addEvent(
      { eventTicker: EVENT, mutuallyExclusive: true, untrackedTickers: [t('B65')] },
      TEMPERATURES,
    );
    const [group] = buildRelationGroups(
      catalog.event(EVENT)!,
      catalog.marketsOfEvent(EVENT),
    ).filter((g): g is PartitionGroup => g.type === 'partition');
    expect(group.exhaustive).toBe(false);
  });

  it('a gap between brackets (60-62 then 63-64) is not exhaustive', () => {
    const gap = TEMPERATURES.map((m) => (m.ticker === t('B63') ? { ...m, floorStrike: 63 } : m));
    expect(partitionOf(gap).exhaustive).toBe(false);
  });

  it('without the high tail it is not exhaustive', () => {
    expect(partitionOf(TEMPERATURES.slice(0, 3)).exhaustive).toBe(false);
  });

  it('two tails meet: "60 or below" and "above 60" cover everything, "below 60" and "above 60" leave 60 out', () => {
    expect(
      strikesCoverEveryOutcome([
        market({ strikeType: 'less_or_equal', capStrike: 60 }),
        market({ strikeType: 'greater', floorStrike: 60 }),
      ]),
    ).toBe(true);
    expect(
      strikesCoverEveryOutcome([
        market({ strikeType: 'less', capStrike: 60 }),
        market({ strikeType: 'greater_or_equal', floorStrike: 60 }),
      ]),
    ).toBe(true);
    expect(
      strikesCoverEveryOutcome([
        market({ strikeType: 'less', capStrike: 60 }),
        market({ strikeType: 'greater', floorStrike: 60 }),
      ]),
    ).toBe(false);
  });

  it('a functional or custom strike cannot be reasoned about: not exhaustive', () => {
    expect(
      strikesCoverEveryOutcome([
        market({ strikeType: 'less', capStrike: 60 }),
        market({ strikeType: 'custom' }),
        market({ strikeType: 'greater', floorStrike: 60 }),
      ]),
    ).toBe(false);
  });

  it('two low tails are not a partition of the line', () => {
    expect(
      strikesCoverEveryOutcome([
        market({ strikeType: 'less', capStrike: 60 }),
        market({ strikeType: 'less', capStrike: 50 }),
        market({ strikeType: 'greater_or_equal', floorStrike: 60 }),
      ]),
    ).toBe(false);
  });
});

describe('exhaustiveness from configuration and market status', () => {
  it('an event declared exhaustive in configuration is exhaustive even with brackets the strikes cannot prove', () => {
    const gap = TEMPERATURES.map((m) => (m.ticker === t('B63') ? { ...m, floorStrike: 63 } : m));
    expect(
      partitionOf(gap, { exhaustive: new Set([EVENT]), notExhaustive: new Set() }),
    ).toMatchObject({ exhaustive: true, exhaustiveSource: 'CONFIG' });
  });

  it('an event declared not exhaustive in configuration wins over the strikes', () => {
    expect(
      partitionOf(TEMPERATURES, { exhaustive: new Set(), notExhaustive: new Set([EVENT]) })
        .exhaustive,
    ).toBe(false);
  });

  it('a paused member leaves the partition without it, and not exhaustive any more', () => {
    const paused = TEMPERATURES.map((m) =>
      m.ticker === t('B63') ? { ...m, status: 'inactive' as const } : m,
    );
    const partition = partitionOf(paused);
    expect(partition.members.map((m) => m.ticker)).toEqual([t('B61'), t('T60'), t('T64')]);
    expect(partition.exhaustive).toBe(false);
  });

  it('a member already settled NO cannot win: the others still cover every outcome', () => {
    const settled = TEMPERATURES.map((m) =>
      m.ticker === t('T60') ? { ...m, status: 'determined' as const, result: 'no' as const } : m,
    );
    const partition = partitionOf(settled);
    expect(partition.members).toHaveLength(3);
    expect(partition.exhaustive).toBe(true);
  });
});

describe('ladders', () => {
  it('orders an "above" ladder by floor_strike and a "below" ladder by cap_strike, wide to narrow, from metadata only', () => {
    const groups = groupsOf(
      [
        // Ticker letters lie on purpose: a "B" ticker that is `greater` (PROTOCOL.md §5).
        { ticker: t('B70'), strikeType: 'greater', floorStrike: 70 },
        { ticker: t('X1'), strikeType: 'greater', floorStrike: 65 },
        { ticker: t('X2'), strikeType: 'less_or_equal', capStrike: 50 },
        { ticker: t('X3'), strikeType: 'less', capStrike: 55 },
        { ticker: t('X4'), strikeType: 'between', floorStrike: 50, capStrike: 55 },
      ],
      { mutuallyExclusive: false },
    );
    expect(
      groups.map((g) => [g.id, g.members.map((m) => m.ticker.slice(EVENT.length + 1))]),
    ).toEqual([
      [`${EVENT}:above`, ['X1', 'B70']],
      [`${EVENT}:below`, ['X3', 'X2']],
    ]);
  });

  it('only active markets take part; a ladder needs two', () => {
    const groups = groupsOf(
      [
        { ticker: t('T61'), strikeType: 'greater', floorStrike: 61 },
        { ticker: t('T63'), strikeType: 'greater', floorStrike: 63, status: 'closed' },
      ],
      { mutuallyExclusive: false },
    );
    expect(groups).toEqual([]);
  });
});

describe('RelationGroupIndex', () => {
  it('maps each ticker to its groups and follows catalog changes', () => {
    const catalog = new InMemoryMarketCatalog();
    catalog.addEvent({ eventTicker: EVENT, mutuallyExclusive: true }, TEMPERATURES);
    const index = new RelationGroupIndex(catalog);
    index.rebuildAll();
    expect(index.groupsOf(t('B61')).map((g) => g.id)).toEqual([`${EVENT}:partition`]);
    expect(index.groupsOf(t('T64')).map((g) => g.id)).toEqual([`${EVENT}:partition`]);
    catalog.updateMarket(t('B61'), { status: 'inactive' });
    const { previous, current } = index.rebuildEvent(EVENT);
    expect(previous).toHaveLength(1);
    expect(index.groupsOf(t('B61'))).toEqual([]);
    expect((current[0] as PartitionGroup).exhaustive).toBe(false);
    expect(index.groupsOf('NOT-A-MARKET')).toEqual([]);
  });
});
