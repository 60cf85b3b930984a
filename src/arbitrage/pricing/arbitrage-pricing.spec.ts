import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { usd } from '../testing/detection-harness';
import { netPerContractE6, payoutUnits, priceLeg, returnBps } from './arbitrage-pricing';
import { floorDivide, floorMulDiv } from './exact-math';

const standard = FeeSchedule.standard();
const contracts = (n: number) => n * 100;

describe('one leg priced as the exchange debits it (PROTOCOL.md §7.3 worked examples)', () => {
  // Current rule: fee ceil to $0.0001 per fill. A cent member's debit is then rounded up to $0.01, which gives
  // back the classic whole-cent fee whenever the cost is whole cents.
  it.each([
    ['taker buys 1 @ $0.50', standard, 1, 5000, '0.0175', '0.02'],
    ['taker buys 10 @ $0.50', standard, 10, 5000, '0.175', '0.18'],
    ['taker buys 100 @ $0.50', standard, 100, 5000, '1.75', '1.75'],
    ['taker buys 100 @ $0.10', standard, 100, 1000, '0.63', '0.63'],
    [
      'taker buys 100 @ $0.90 (NO at $0.90 costs the YES-at-$0.10 fee)',
      standard,
      100,
      9000,
      '0.63',
      '0.63',
    ],
    ['taker buys 100 @ $0.95', standard, 100, 9500, '0.3325', '0.34'],
    ['taker buys 1 @ $0.01', standard, 1, 100, '0.0007', '0.01'],
    [
      'INX/NDX (multiplier 0.5) 100 @ $0.50',
      new FeeSchedule('quadratic', 5_000),
      100,
      5000,
      '0.875',
      '0.88',
    ],
  ] as const)(
    '%s: trade fee $%s, classic (cent member) $%s',
    (_name, fees, count, priceE4, tradeFee, classic) => {
      const fills = [{ countE2: contracts(count), priceE4 }];
      const centicent = priceLeg(fees, fills, 'centicent');
      const cent = priceLeg(fees, fills, 'cent');
      expect(centicent.tradeFeeE6).toBe(usd(tradeFee));
      expect(centicent.debitE6 - centicent.costE6).toBe(usd(tradeFee));
      expect(cent.debitE6 - cent.costE6).toBe(usd(classic));
    },
  );

  it.each([
    [
      'maker (0.0175) on a maker-fee series, 10 @ $0.50',
      new FeeSchedule('quadratic_with_maker_fees', 10_000),
      10,
      '0.0438',
      '0.05',
    ],
    [
      'maker (0.0175) on a maker-fee series, 100 @ $0.50',
      new FeeSchedule('quadratic_with_maker_fees', 10_000),
      100,
      '0.4375',
      '0.44',
    ],
    [
      'maker (0.035) on a combo maker-fee series, 100 @ $0.50',
      new FeeSchedule('quadratic_with_combo_maker_fees', 10_000),
      100,
      '0.875',
      '0.88',
    ],
    [
      'maker on a quadratic series pays nothing, 100 @ $0.50',
      FeeSchedule.standard(),
      100,
      '0',
      '0',
    ],
  ] as const)('%s: trade fee $%s, classic $%s', (_name, fees, count, tradeFee, classic) => {
    const fills = [{ countE2: contracts(count), priceE4: 5000 }];
    expect(priceLeg(fees, fills, 'centicent', 'maker').tradeFeeE6).toBe(usd(tradeFee));
    const cent = priceLeg(fees, fills, 'cent', 'maker');
    expect(cent.debitE6 - cent.costE6).toBe(usd(classic));
  });

  it('a non-direct member buying 10 YES @ $0.50 is debited $5.18 (rounding fee $0.0050), a direct member $5.1750', () => {
    const fills = [{ countE2: contracts(10), priceE4: 5000 }];
    expect(priceLeg(standard, fills, 'cent').debitE6).toBe(usd('5.18'));
    expect(priceLeg(standard, fills, 'centicent').debitE6).toBe(usd('5.175'));
  });

  it('0.03 contracts @ $0.3301 (fractional, sub-cent): cost $0.009903, fee $0.0005', () => {
    const leg = priceLeg(standard, [{ countE2: 3, priceE4: 3301 }], 'centicent');
    expect([leg.costE6, leg.tradeFeeE6, leg.debitE6]).toEqual([9903, 500, 10_500]);
  });

  it('fees round up per fill: 50 @ $0.33 and 50 @ $0.34 in one order pay more than one 100-lot would', () => {
    // 0.07 x 50 x 0.2211 = 0.77385 -> 0.7739; 0.07 x 50 x 0.2244 = 0.7854: $1.5593.
    const leg = priceLeg(
      standard,
      [
        { countE2: contracts(50), priceE4: 3300 },
        { countE2: contracts(50), priceE4: 3400 },
      ],
      'centicent',
    );
    expect(leg.tradeFeeE6).toBe(usd('1.5593'));
  });
});

describe('payouts by kind', () => {
  it('ladder: $1 worst, $2 between the strikes ($1 when both carry one condition)', () => {
    expect(payoutUnits('LADDER_INVERSION', 2)).toEqual({ guaranteed: 1, best: 2 });
    expect(payoutUnits('LADDER_INVERSION', 2, { sameCondition: true })).toEqual({
      guaranteed: 1,
      best: 1,
    });
  });

  it('partition NO on 4: $3 worst, $4 if nothing hits (exhaustive: $3 always); YES: exactly $1', () => {
    expect(payoutUnits('PARTITION_BUY_NO', 4)).toEqual({ guaranteed: 3, best: 4 });
    expect(payoutUnits('PARTITION_BUY_NO', 4, { exhaustive: true })).toEqual({
      guaranteed: 3,
      best: 3,
    });
    expect(payoutUnits('PARTITION_BUY_YES', 4, { exhaustive: true })).toEqual({
      guaranteed: 1,
      best: 1,
    });
  });
});

describe('exact ratios', () => {
  it('return and per-contract round down, losses toward minus infinity', () => {
    expect(returnBps(usd('2.21'), usd('97.79'))).toBe(225);
    expect(returnBps(-1, usd('1'))).toBe(-1);
    expect(netPerContractE6(usd('2.21'), contracts(100))).toBe(usd('0.0221'));
    expect(netPerContractE6(usd('1'), contracts(3))).toBe(333_333);
  });

  it('divides exactly past 2^53', () => {
    expect(floorDivide(2 ** 60 + 1, 3)).toBe(Number((2n ** 60n + 1n) / 3n));
    expect(floorMulDiv(2 ** 40, 2 ** 20, 7)).toBe(Number(2n ** 60n / 7n));
    expect(floorMulDiv(-(2 ** 40), 2 ** 20, 7)).toBe(Number((-(2n ** 60n) - 6n) / 7n));
    expect(floorDivide(-7, 2)).toBe(-4);
  });
});
