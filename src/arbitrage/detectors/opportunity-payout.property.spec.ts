import fc from 'fast-check';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import type { MarketInfo } from '../../market-data/catalog/catalog.types';
import type { OpportunityPlan } from '../opportunities/opportunity.types';
import { DetectionHarness, OPEN_SETTINGS } from '../testing/detection-harness';
import type { MarketSpec } from '../testing/in-memory-market-catalog';
import type { DetectionSettings } from './detection-context';

/**
 * For every opportunity the detectors report on random ladders and partitions with random depth:
 *  - its fees, recomputed here from the fills with the bare formula (BigInt), match;
 *  - guaranteed payout − cost − fees equals the reported net profit;
 *  - in every possible outcome of the event (each region between strikes and each strike itself) the legs
 *    pay at least that, the worst outcome pays exactly that, the best exactly the reported best case.
 */

const EVENT = 'KXPROP-26OCT01';
const CENT = PriceGrid.cent();
const DECI = PriceGrid.of(PRICE_LEVEL_STRUCTURES.deci_cent);

/** YES condition of a market at outcome x; brackets are [floor, cap) so the generated partitions are exact. */
function resolvesYes(market: MarketInfo, x: number): boolean {
  switch (market.strikeType) {
    case 'greater':
      return x > market.floorStrike!;
    case 'greater_or_equal':
      return x >= market.floorStrike!;
    case 'less':
      return x < market.capStrike!;
    case 'less_or_equal':
      return x <= market.capStrike!;
    case 'between':
      return x >= market.floorStrike! && x < market.capStrike!;
    default:
      throw new Error(`no outcome model for ${market.strikeType}`);
  }
}

/** Exact taker fee of one fill, straight from the formula: ceil(0.07 × C × P × (1 − P)) in $0.0001. */
function formulaFeeE4(countE2: number, priceE4: number, multiplierE4 = 10_000): bigint {
  const numerator =
    700n * BigInt(multiplierE4) * BigInt(countE2) * BigInt(priceE4) * BigInt(10_000 - priceE4);
  return (numerator + 10n ** 14n - 1n) / 10n ** 14n;
}

/**
 * The markets that can settle YES at outcome x. Where the metadata of a mutually exclusive event overlaps (a
 * `less_or_equal` tail and a bracket at the same boundary), exactly one of them wins, and either may: both
 * settlements are checked.
 */
function settlements(
  markets: readonly MarketInfo[],
  x: number,
  mutuallyExclusive: boolean,
): Set<string>[] {
  const yes = markets.filter((m) => resolvesYes(m, x)).map((m) => m.ticker);
  if (!mutuallyExclusive || yes.length <= 1) return [new Set(yes)];
  return yes.map((ticker) => new Set([ticker]));
}

function checkPlan(
  plan: OpportunityPlan,
  markets: readonly MarketInfo[],
  settings: DetectionSettings,
  mutuallyExclusive = false,
): void {
  const unit = settings.memberPrecision === 'cent' ? 10_000n : 100n;
  let totalDebit = 0n;
  for (const leg of plan.legs) {
    expect(leg.fills.reduce((sum, fill) => sum + fill.countE2, 0)).toBe(plan.countE2);
    const cost = leg.fills.reduce(
      (sum, fill) => sum + BigInt(fill.countE2) * BigInt(fill.priceE4),
      0n,
    );
    const fee =
      leg.fills.reduce((sum, fill) => sum + formulaFeeE4(fill.countE2, fill.priceE4), 0n) * 100n;
    const debit = ((cost + fee + unit - 1n) / unit) * unit;
    expect([leg.costE6, leg.tradeFeeE6, leg.debitE6]).toEqual([
      Number(cost),
      Number(fee),
      Number(debit),
    ]);
    totalDebit += debit;
  }
  expect(plan.guaranteedPayoutE6 - Number(totalDebit)).toBe(plan.netProfitE6);
  expect(plan.netProfitE6).toBeGreaterThan(0);

  const strikes = markets
    .flatMap((m) => [m.floorStrike, m.capStrike])
    .filter((s): s is number => s !== undefined);
  const outcomes = [
    Math.min(...strikes) - 1,
    Math.max(...strikes) + 1,
    ...strikes.flatMap((s) => [s - 0.5, s, s + 0.5]),
  ];
  const nets = outcomes.flatMap((x) =>
    settlements(markets, x, mutuallyExclusive).map((yes) => {
      const winning = plan.legs.filter(
        (leg) => yes.has(leg.ticker) === (leg.side === 'yes'),
      ).length;
      return winning * plan.countE2 * 10_000 - Number(totalDebit);
    }),
  );
  for (const net of nets) expect(net).toBeGreaterThanOrEqual(plan.netProfitE6);
  expect(Math.min(...nets)).toBe(plan.netProfitE6);
  expect(Math.max(...nets)).toBe(plan.bestCaseProfitE6);
}

/** A book around a mid: YES bids below it, YES asks at or above it; never crossed. */
const bookArbitrary = (grid: PriceGrid) =>
  fc
    .record({
      mid: fc.integer({ min: 2, max: grid.levelCount - 2 }),
      bids: fc.array(
        fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 40_000 })),
        { maxLength: 4 },
      ),
      asks: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 40_000 })),
        { maxLength: 4 },
      ),
    })
    .map(({ mid, bids, asks }) => {
      const level = (i: number) => Math.min(Math.max(i, 0), grid.levelCount - 1);
      const price = (i: number) => (grid.prices[level(i)] / 10_000).toFixed(4);
      return {
        yesBids: bids
          .filter(([d]) => mid - d >= 0)
          .map(([d, size]) => [price(mid - d), (size / 100).toFixed(2)] as const),
        yesAsks: asks
          .filter(([d]) => mid + d < grid.levelCount)
          .map(([d, size]) => [price(mid + d), (size / 100).toFixed(2)] as const),
      };
    });

const settingsArbitrary: fc.Arbitrary<DetectionSettings> = fc.record({
  thresholds: fc.constantFrom(OPEN_SETTINGS.thresholds, {
    minNetProfitE6: 10_000,
    minNetPerContractE6: 1_000,
    minReturnBps: 5,
  }),
  maxCountE2: fc.constantFrom(100, 2_500, 1_000_000),
  memberPrecision: fc.constantFrom('cent' as const, 'centicent' as const),
});

describe('every reported opportunity pays its net profit in every outcome', () => {
  it('LADDER_INVERSION on random "above" and "below" ladders, cent and deci-cent grids', () => {
    let found = 0;
    const ladderArbitrary = fc.boolean().chain((subCent) => {
      const grid = subCent ? DECI : CENT;
      return fc.record({
        grid: fc.constant(grid),
        direction: fc.constantFrom('above' as const, 'below' as const),
        strikes: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 5 }),
        inclusive: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        books: fc.array(bookArbitrary(grid), { minLength: 5, maxLength: 5 }),
        settings: settingsArbitrary,
      });
    });
    fc.assert(
      fc.property(ladderArbitrary, ({ grid, direction, strikes, inclusive, books, settings }) => {
        const specs: MarketSpec[] = strikes.map((s, i) => ({
          ticker: `${EVENT}-S${s}`,
          grid,
          ...(direction === 'above'
            ? { strikeType: inclusive[i] ? 'greater_or_equal' : 'greater', floorStrike: s }
            : { strikeType: inclusive[i] ? 'less_or_equal' : 'less', capStrike: s }),
        }));
        const h = new DetectionHarness(EVENT, specs, {}, settings);
        specs.forEach((spec, i) => h.books.set(spec.ticker, books[i], grid));
        const plans = h.ladderOpportunities(direction);
        found += plans.length;
        for (const plan of plans) checkPlan(plan, h.catalog.marketsOfEvent(EVENT), settings);
      }),
      { numRuns: 500 },
    );
    expect(found).toBeGreaterThan(20);
  });

  it('PARTITION_BUY_NO and PARTITION_BUY_YES on random exhaustive and open-ended bracket events', () => {
    let found = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('both-tails', 'no-low-tail', 'no-high-tail'),
        settingsArbitrary,
        fc.array(bookArbitrary(CENT), { minLength: 7, maxLength: 7 }),
        (rawStrikes, shape, settings, books) => {
          const strikes = [...rawStrikes].sort((a, b) => a - b);
          const specs: MarketSpec[] = [];
          if (shape !== 'no-low-tail')
            specs.push({
              ticker: `${EVENT}-LOW`,
              strikeType: 'less_or_equal',
              capStrike: strikes[0],
            });
          for (let i = 0; i + 1 < strikes.length; i++) {
            specs.push({
              ticker: `${EVENT}-B${strikes[i]}`,
              strikeType: 'between',
              floorStrike: strikes[i],
              capStrike: strikes[i + 1],
            });
          }
          if (shape !== 'no-high-tail')
            specs.push({
              ticker: `${EVENT}-HIGH`,
              strikeType: 'greater_or_equal',
              floorStrike: strikes.at(-1)!,
            });
          fc.pre(specs.length >= 2);
          const h = new DetectionHarness(EVENT, specs, { mutuallyExclusive: true }, settings);
          specs.forEach((spec, i) => h.books.set(spec.ticker, books[i]));
          expect(h.partition().exhaustive).toBe(shape === 'both-tails');
          const plans = h.partitionOpportunities();
          found += plans.length;
          for (const plan of plans) {
            if (shape !== 'both-tails') expect(plan.kind).not.toBe('PARTITION_BUY_YES');
            checkPlan(plan, h.catalog.marketsOfEvent(EVENT), settings, true);
          }
        },
      ),
      { numRuns: 600 },
    );
    // The generator must actually produce opportunities, or the property says nothing.
    expect(found).toBeGreaterThan(20);
  });
});
