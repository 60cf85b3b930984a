import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import { usd } from '../testing/detection-harness';
import {
  ArbitrageCalculator,
  type CalculationResult,
  type CalculatorRequest,
} from './arbitrage-calculator';

const THRESHOLDS = {
  minNetProfitE6: usd('0.05'),
  minNetPerContractE6: usd('0.005'),
  minReturnBps: 25,
};
const calculator = new ArbitrageCalculator({ thresholds: THRESHOLDS, memberPrecision: 'cent' });

function ok(result: CalculationResult) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

const ladder = (overrides: Partial<CalculatorRequest> = {}): CalculatorRequest => ({
  kind: 'LADDER_INVERSION',
  legs: [
    { side: 'yes', price: '0.25' },
    { side: 'no', price: '0.70' },
  ],
  count: '100',
  ...overrides,
});

describe('ArbitrageCalculator', () => {
  it('buy YES Above 300 @ $0.25 + buy NO Above 400 @ $0.70, 100 contracts: net $2.21, clears the default thresholds', () => {
    const { plan, check } = ok(calculator.calculate(ladder()));
    // Debits $26.32 (fee $1.3125) + $71.47 (fee $1.47) = $97.79 against $100 in the worst outcome.
    expect(plan).toMatchObject({
      costE6: usd('95'),
      feesE6: usd('2.79'),
      netProfitE6: usd('2.21'),
      bestCaseProfitE6: usd('102.21'),
      returnBps: 225,
    });
    expect(plan.legs.map((leg) => leg.tradeFeeE6)).toEqual([usd('1.3125'), usd('1.47')]);
    expect(check).toEqual({
      netProfit: true,
      netPerContract: true,
      returnOnCapital: true,
      all: true,
    });
  });

  it('a direct member (centicent) nets $2.2175 on the same legs', () => {
    expect(
      ok(calculator.calculate(ladder({ memberPrecision: 'centicent' }))).plan.netProfitE6,
    ).toBe(usd('2.2175'));
  });

  it('fee multiplier 0.5 (index series) nets $3.60', () => {
    expect(ok(calculator.calculate(ladder({ feeMultiplier: '0.5' }))).plan.netProfitE6).toBe(
      usd('3.6'),
    );
  });

  it('a losing ladder (YES $0.25 + NO $0.74) is reported with its loss and fails the thresholds', () => {
    const { plan, check } = ok(
      calculator.calculate(
        ladder({
          legs: [
            { side: 'yes', price: '0.25' },
            { side: 'no', price: '0.74' },
          ],
        }),
      ),
    );
    expect(plan.netProfitE6).toBeLessThan(0);
    expect(check.all).toBe(false);
  });

  it('PARTITION_BUY_NO on four brackets at NO $0.70, $0.65, $0.75, $0.80 x 10: net $0.43, best case $10.43 when not exhaustive', () => {
    const { plan } = ok(
      calculator.calculate({
        kind: 'PARTITION_BUY_NO',
        legs: ['0.70', '0.65', '0.75', '0.80'].map((price) => ({ side: 'no', price })),
        count: '10',
      }),
    );
    expect(plan).toMatchObject({
      guaranteedPayoutE6: usd('30'),
      bestPayoutE6: usd('40'),
      netProfitE6: usd('0.43'),
      bestCaseProfitE6: usd('10.43'),
    });
  });

  it('PARTITION_BUY_YES at $0.20 + $0.25 + $0.22 + $0.18 x 10 nets $1.00 (exactly $10 paid out)', () => {
    const { plan } = ok(
      calculator.calculate({
        kind: 'PARTITION_BUY_YES',
        legs: ['0.20', '0.25', '0.22', '0.18'].map((price) => ({ side: 'yes', price })),
        count: '10',
      }),
    );
    expect(plan).toMatchObject({
      guaranteedPayoutE6: usd('10'),
      bestPayoutE6: usd('10'),
      netProfitE6: usd('1'),
    });
  });

  it('sub-cent prices on a deci-cent grid are priced exactly: YES $0.052 + NO $0.915 x 40 nets $0.9641 for a direct member', () => {
    const result = calculator.calculate(
      ladder({
        legs: [
          { side: 'yes', price: '0.052' },
          { side: 'no', price: '0.915' },
        ],
        count: '40',
        priceLevelStructure: 'deci_cent',
        memberPrecision: 'centicent',
      }),
    );
    expect(ok(result).plan.netProfitE6).toBe(usd('0.9641'));
  });

  it('takes grid and fees from the catalog when a leg names a known market', () => {
    const markets = new ArbitrageCalculator({
      thresholds: THRESHOLDS,
      memberPrecision: 'cent',
      market: (ticker) =>
        ticker.startsWith('KXINX')
          ? {
              grid: PriceGrid.of(PRICE_LEVEL_STRUCTURES.deci_cent),
              fees: new FeeSchedule('quadratic', 5_000),
            }
          : undefined,
    });
    const legs = [
      { side: 'yes', price: '0.25', ticker: 'KXINX-26OCT01-T300' },
      { side: 'no', price: '0.70', ticker: 'KXINX-26OCT01-T400' },
    ];
    expect(ok(markets.calculate(ladder({ legs }))).plan.netProfitE6).toBe(usd('3.6'));
    expect(
      markets.calculate(ladder({ legs: [legs[0], { side: 'no', price: '0.70', ticker: 'NOPE' }] })),
    ).toMatchObject({ ok: false, code: 'UNKNOWN_MARKET', field: 'legs[1].ticker' });
  });

  it.each([
    ['an unknown kind', { kind: 'BOX_SPREAD' }, 'INVALID_KIND', 'kind'],
    [
      'a ladder with two YES legs',
      {
        legs: [
          { side: 'yes', price: '0.25' },
          { side: 'yes', price: '0.30' },
        ],
      },
      'INVALID_LEGS',
      'legs',
    ],
    [
      'a side that is neither yes nor no',
      {
        legs: [
          { side: 'maybe', price: '0.25' },
          { side: 'no', price: '0.70' },
        ],
      },
      'INVALID_SIDE',
      'legs[0].side',
    ],
    [
      'a price that is not a number',
      {
        legs: [
          { side: 'yes', price: 'abc' },
          { side: 'no', price: '0.70' },
        ],
      },
      'INVALID_PRICE',
      'legs[0].price',
    ],
    [
      'a float-looking price with an exponent',
      {
        legs: [
          { side: 'yes', price: '2.5e-1' },
          { side: 'no', price: '0.70' },
        ],
      },
      'INVALID_PRICE',
      'legs[0].price',
    ],
    [
      'a price of $1.00',
      {
        legs: [
          { side: 'yes', price: '0.25' },
          { side: 'no', price: '1.00' },
        ],
      },
      'PRICE_OUT_OF_RANGE',
      'legs[1].price',
    ],
    [
      'a price of $0',
      {
        legs: [
          { side: 'yes', price: '0' },
          { side: 'no', price: '0.70' },
        ],
      },
      'PRICE_OUT_OF_RANGE',
      'legs[0].price',
    ],
    [
      'a sub-cent price on a cent grid',
      {
        legs: [
          { side: 'yes', price: '0.255' },
          { side: 'no', price: '0.70' },
        ],
      },
      'PRICE_OFF_GRID',
      'legs[0].price',
    ],
    ['a zero count', { count: '0' }, 'INVALID_COUNT', 'count'],
    ['a negative count', { count: '-5' }, 'INVALID_COUNT', 'count'],
    ['a count with three decimals', { count: '1.001' }, 'INVALID_COUNT', 'count'],
    [
      'a fractional count on whole-contract markets',
      { count: '12.5' },
      'FRACTIONAL_COUNT',
      'count',
    ],
    ['an unknown fee type', { feeType: 'cubic' }, 'INVALID_FEE_TYPE', 'feeType'],
    [
      'a fee multiplier in hex',
      { feeMultiplier: '0x1' },
      'INVALID_FEE_MULTIPLIER',
      'feeMultiplier',
    ],
    [
      'a fee multiplier finer than 0.0001',
      { feeMultiplier: '0.123456' },
      'INVALID_FEE_MULTIPLIER',
      'feeMultiplier',
    ],
    [
      'an unknown member precision',
      { memberPrecision: 'dollar' },
      'INVALID_MEMBER_PRECISION',
      'memberPrecision',
    ],
    [
      'an unknown price level structure',
      { priceLevelStructure: 'linear_dollar' },
      'UNKNOWN_PRICE_LEVEL_STRUCTURE',
      'priceLevelStructure',
    ],
  ] as const)('rejects %s with %s on %s', (_name, overrides, code, field) => {
    const result = calculator.calculate(ladder(overrides));
    expect(result).toMatchObject({ ok: false, code, field });
    expect((result as { message: string }).message.length).toBeGreaterThan(10);
  });

  it('accepts a fractional count when asked to: 12.5 contracts', () => {
    expect(ok(calculator.calculate(ladder({ count: '12.5', fractional: true }))).plan.countE2).toBe(
      1250,
    );
  });
});
