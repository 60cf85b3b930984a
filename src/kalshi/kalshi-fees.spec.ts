import fc from 'fast-check';
import { FeeSchedule, ceilDivide, memberDebitE6, parseFeeMultiplierE4 } from './kalshi-fees';

const standard = FeeSchedule.standard();
const makerSeries = new FeeSchedule('quadratic_with_maker_fees', 10_000);
const indexSeries = new FeeSchedule('quadratic', 5_000);
const contracts = (n: number) => n * 100;
const dollars = (text: string) => Math.round(Number(text) * 10_000);

describe('Kalshi trade fees, PROTOCOL.md §7.3 worked examples (current rule: ceil to $0.0001)', () => {
  it.each([
    ['taker buys 1 @ $0.50', '0.0175', standard, 'taker', 1, '0.50'],
    ['taker buys 10 @ $0.50', '0.1750', standard, 'taker', 10, '0.50'],
    ['taker buys 100 @ $0.50', '1.7500', standard, 'taker', 100, '0.50'],
    ['taker buys 100 @ $0.10', '0.6300', standard, 'taker', 100, '0.10'],
    ['taker buys 100 @ $0.90', '0.6300', standard, 'taker', 100, '0.90'],
    ['taker buys 100 @ $0.95', '0.3325', standard, 'taker', 100, '0.95'],
    ['taker buys 1 @ $0.01', '0.0007', standard, 'taker', 1, '0.01'],
    ['maker on a maker-fee series, 10 @ $0.50', '0.0438', makerSeries, 'maker', 10, '0.50'],
    ['maker on a maker-fee series, 100 @ $0.50', '0.4375', makerSeries, 'maker', 100, '0.50'],
    ['index series (multiplier 0.5), 100 @ $0.50', '0.8750', indexSeries, 'taker', 100, '0.50'],
    ['maker on a quadratic series pays nothing', '0.0000', standard, 'maker', 100, '0.50'],
  ] as const)('%s costs $%s', (_name, fee, schedule, role, count, price) => {
    expect(schedule.tradeFeeE4(role, contracts(count), dollars(price))).toBe(
      dollars(fee === '0.0000' ? '0' : fee),
    );
  });

  it('charges 0.03 contracts at $0.3301 $0.0005 (the docs example that follows the formula)', () => {
    expect(standard.tradeFeeE4('taker', 3, 3301)).toBe(5);
  });

  it('a non-direct member buying 10 YES @ $0.50 is debited $5.18, a direct member $5.1750', () => {
    const cost = contracts(10) * 5000;
    const fee = standard.tradeFeeE6('taker', contracts(10), 5000);
    expect(memberDebitE6(cost, fee, 'cent')).toBe(5_180_000);
    expect(memberDebitE6(cost, fee, 'centicent')).toBe(5_175_000);
  });

  it('equals the exact rational formula rounded up, for any count, price and multiplier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 9_999 }),
        fc.constantFrom(10_000, 5_000, 2_500, 12_345, 1),
        fc.constantFrom(
          'quadratic',
          'quadratic_with_maker_fees',
          'quadratic_with_combo_maker_fees',
        ),
        fc.constantFrom('taker', 'maker'),
        (countE2, priceE4, multiplierE4, feeType, role) => {
          const coefficient =
            role === 'taker'
              ? 700n
              : {
                  quadratic: 0n,
                  quadratic_with_maker_fees: 175n,
                  quadratic_with_combo_maker_fees: 350n,
                }[feeType];
          const numerator =
            coefficient *
            BigInt(multiplierE4) *
            BigInt(countE2) *
            BigInt(priceE4) *
            BigInt(10_000 - priceE4);
          const expected = Number((numerator + 10n ** 14n - 1n) / 10n ** 14n);
          expect(new FeeSchedule(feeType, multiplierE4).tradeFeeE4(role, countE2, priceE4)).toBe(
            expected,
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('divides exactly where the float quotient would be off', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 1e15 }),
        (n, d) => {
          expect(ceilDivide(n, d)).toBe(Number((BigInt(n) + BigInt(d) - 1n) / BigInt(d)));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('reads fee_multiplier exactly and rejects nonsense', () => {
    expect(parseFeeMultiplierE4(1)).toBe(10_000);
    expect(parseFeeMultiplierE4(0.5)).toBe(5_000);
    expect(() => parseFeeMultiplierE4(0.123456)).toThrow(/finer than 0.0001/);
    expect(() => parseFeeMultiplierE4('abc')).toThrow(/fee_multiplier/);
    expect(() => parseFeeMultiplierE4(-1)).toThrow(/fee_multiplier/);
  });
});
