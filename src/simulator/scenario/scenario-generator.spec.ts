import { SimExchange } from '../exchange/sim-exchange';
import { generateScenario } from './scenario-generator';

const EPOCH = Date.UTC(2026, 10, 2);

describe('scenario generator', () => {
  it('is deterministic: the same seed gives the same tickers, strikes, grids and fees', () => {
    const a = generateScenario({ seed: 7, markets: 300, epochMs: EPOCH });
    const b = generateScenario({ seed: 7, markets: 300, epochMs: EPOCH });
    const describe = (s: typeof a) =>
      s.catalog.markets.map((m) => [
        m.ticker,
        m.marketId,
        m.strikeType,
        m.floorStrike,
        m.capStrike,
        m.priceLevelStructure,
        m.event.fees.feeType,
        m.event.fees.multiplierE4,
      ]);
    expect(describe(a)).toEqual(describe(b));
    expect(describe(generateScenario({ seed: 8, markets: 300, epochMs: EPOCH }))).not.toEqual(
      describe(a),
    );
  });

  it('builds "above X" ladders, exhaustive brackets with both tails and non-exhaustive candidate events', () => {
    const { catalog, models } = generateScenario({ seed: 42, markets: 500, epochMs: EPOCH });
    expect(catalog.markets.length).toBeGreaterThanOrEqual(500);
    const ladder = catalog.events.find((e) => e.kind === 'ladder')!;
    expect(ladder.mutuallyExclusive).toBe(false);
    expect(ladder.markets.every((m) => m.strikeType === 'greater')).toBe(true);
    const strikes = ladder.markets.map((m) => m.floorStrike!);
    expect(strikes).toEqual([...strikes].sort((x, y) => x - y));
    const fair = models.get(ladder)!.fair;
    for (let i = 1; i < fair.length; i++) expect(fair[i]).toBeLessThanOrEqual(fair[i - 1]);

    const brackets = catalog.events.find((e) => e.kind === 'brackets')!;
    expect(brackets.mutuallyExclusive).toBe(true);
    const [low, ...rest] = brackets.markets;
    const high = rest.pop()!;
    expect(low).toMatchObject({ strikeType: 'less_or_equal', floorStrike: null });
    expect(high).toMatchObject({ strikeType: 'greater_or_equal', capStrike: null });
    expect(rest.every((m) => m.strikeType === 'between')).toBe(true);
    expect(rest[0].floorStrike).toBe(low.capStrike);
    for (let i = 1; i < rest.length; i++) expect(rest[i].floorStrike).toBe(rest[i - 1].capStrike);
    expect(high.floorStrike).toBe(rest[rest.length - 1].capStrike);
    const sum = models.get(brackets)!.fair.reduce((s, p) => s + p, 0);
    expect(sum).toBeCloseTo(1, 9);

    const candidates = catalog.events.find((e) => e.kind === 'candidates')!;
    expect(candidates).toMatchObject({ mutuallyExclusive: true, exhaustive: false });
    expect(models.get(candidates)!.fair.reduce((s, p) => s + p, 0)).toBeLessThan(0.95);

    const structures = new Set(catalog.markets.map((m) => m.priceLevelStructure));
    expect([...structures].sort()).toEqual(['deci_cent', 'linear_cent', 'tapered_deci_cent']);
    const feeTypes = new Set(catalog.events.map((e) => `${e.fees.feeType}/${e.fees.multiplierE4}`));
    expect(feeTypes.size).toBeGreaterThanOrEqual(3);
    expect(catalog.markets.every((m) => /^[A-Z0-9-]+$/.test(m.ticker))).toBe(true);
    expect(new Set(catalog.markets.map((m) => m.ticker)).size).toBe(catalog.markets.length);
  });

  it('scales to 2,000 markets with every book 5-20 levels deep where the price range allows', () => {
    const exchange = new SimExchange({ seed: 3, markets: 2_000, rateLimit: 'off', epochMs: EPOCH });
    expect(exchange.catalog.markets.length).toBeGreaterThanOrEqual(2_000);
    const depths = exchange.catalog.markets.flatMap((m) => [
      m.book.bids.levelsInUse,
      m.book.asks.levelsInUse,
    ]);
    expect(Math.max(...depths)).toBeLessThanOrEqual(20);
    const deep = depths.filter((d) => d >= 5).length / depths.length;
    expect(deep).toBeGreaterThan(0.8);
  });
});
