import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { InMemoryOrderBookStore } from '../testing/in-memory-order-book-store';
import { DepthWalkSizer, type SizingRun } from './depth-walk-sizer';

const fees = FeeSchedule.standard();
const NO_MINIMUMS = { minNetProfitE6: 0, minNetPerContractE6: 0, minReturnBps: 0 };
const run = (overrides: Partial<SizingRun> = {}): SizingRun => ({
  guaranteedUnits: 1,
  maxCountE2: Number.POSITIVE_INFINITY,
  stepE2: 100,
  thresholds: NO_MINIMUMS,
  precision: 'centicent',
  ...overrides,
});

describe('DepthWalkSizer', () => {
  const books = new InMemoryOrderBookStore();
  const wide = books.set('WIDE', {
    yesAsks: [
      ['0.25', '30'],
      ['0.27', '30'],
    ],
  });
  const narrow = books.set('NARROW', { yesBids: [['0.30', '45']] });
  const empty = books.set('EMPTY', {});

  function sizer(legs: [typeof wide, 'yes' | 'no'][]) {
    const s = new DepthWalkSizer();
    s.reset(legs.length);
    legs.forEach(([book, side], i) => s.setLeg(i, book, side, fees));
    return s;
  }

  it('YES @ $0.25 x 30 then $0.27 against NO @ $0.70 x 45: walks to the shallower side, x45, without a cap', () => {
    const s = sizer([
      [wide, 'yes'],
      [narrow, 'no'],
    ]);
    expect(s.run(run())).toBe(4500);
    const [yes, no] = s.walkLegs(4500);
    expect(yes.fills).toEqual([
      { priceE4: 2500, countE2: 3000 },
      { priceE4: 2700, countE2: 1500 },
    ]);
    expect(no.fills).toEqual([{ priceE4: 7000, countE2: 4500 }]);
  });

  it('a leg with no depth at all finds nothing', () => {
    expect(
      sizer([
        [wide, 'yes'],
        [empty, 'no'],
      ]).run(run()),
    ).toBe(0);
  });

  it('a minimum return above what any count earns finds nothing', () => {
    expect(
      sizer([
        [wide, 'yes'],
        [narrow, 'no'],
      ]).run(run({ thresholds: { ...NO_MINIMUMS, minReturnBps: 500 } })),
    ).toBe(0);
  });

  it('a cap below one whole contract finds nothing; with fractional steps it sizes 0.5', () => {
    expect(
      sizer([
        [wide, 'yes'],
        [narrow, 'no'],
      ]).run(run({ maxCountE2: 50 })),
    ).toBe(0);
    expect(
      sizer([
        [wide, 'yes'],
        [narrow, 'no'],
      ]).run(run({ maxCountE2: 50, stepE2: 1 })),
    ).toBe(50);
  });

  it('reuses its scratch state: a 2-leg run after a 5-leg run is priced the same as a fresh one', () => {
    const s = sizer([
      [wide, 'yes'],
      [narrow, 'no'],
      [wide, 'yes'],
      [narrow, 'no'],
      [wide, 'yes'],
    ]);
    s.run(run({ guaranteedUnits: 2 }));
    s.reset(2);
    s.setLeg(0, wide, 'yes', fees);
    s.setLeg(1, narrow, 'no', fees);
    const fresh = sizer([
      [wide, 'yes'],
      [narrow, 'no'],
    ]);
    expect(s.run(run())).toBe(fresh.run(run()));
    expect(s.bestNetE6).toBe(fresh.bestNetE6);
  });
});
