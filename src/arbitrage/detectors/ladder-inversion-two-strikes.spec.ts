import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import { DetectionHarness, OPEN_SETTINGS, contracts, usd } from '../testing/detection-harness';

const EVENT = 'KXINX-26OCT01';
const above = (ticker: string, floor: number) => ({
  ticker: `${EVENT}-${ticker}`,
  strikeType: 'greater' as const,
  floorStrike: floor,
});

describe('LADDER_INVERSION on a two-strike "above" ladder', () => {
  function ladder(settings = OPEN_SETTINGS, fees?: FeeSchedule) {
    return new DetectionHarness(
      EVENT,
      [above('T300', 300), above('T400', 400)],
      { fees },
      settings,
    );
  }

  it('Above 400 YES bid $0.30 over Above 300 YES ask $0.25, 100 contracts: net $2.21 for a cent member', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, { yesBids: [['0.20', '500']], yesAsks: [['0.25', '100']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '100']], yesAsks: [['0.40', '500']] });
    // Buy YES Above 300 @ $0.25 x 100: cost $25.00, fee ceil(0.07 x 100 x 0.25 x 0.75) = $1.3125, debit $26.3125 -> $26.32.
    // Buy NO Above 400 @ $0.70 x 100: cost $70.00, fee 0.07 x 100 x 0.70 x 0.30 = $1.47, debit $71.47.
    // Every outcome pays >= $100: net = 100 - 26.32 - 71.47 = $2.21; return 2.21 / 97.79 = 2.25%.
    const [plan] = h.ladderOpportunities();
    expect(plan).toMatchObject({
      kind: 'LADDER_INVERSION',
      groupId: `${EVENT}:above`,
      countE2: contracts(100),
      costE6: usd('95'),
      feesE6: usd('2.79'),
      guaranteedPayoutE6: usd('100'),
      bestPayoutE6: usd('200'),
      netProfitE6: usd('2.21'),
      bestCaseProfitE6: usd('102.21'),
      returnBps: 225,
      netPerContractE6: usd('0.0221'),
    });
    expect(plan.legs).toEqual([
      expect.objectContaining({
        ticker: `${EVENT}-T300`,
        side: 'yes',
        limitPriceE4: 2500,
        countE2: contracts(100),
        costE6: usd('25'),
        tradeFeeE6: usd('1.3125'),
        debitE6: usd('26.32'),
      }),
      expect.objectContaining({
        ticker: `${EVENT}-T400`,
        side: 'no',
        limitPriceE4: 7000,
        countE2: contracts(100),
        costE6: usd('70'),
        tradeFeeE6: usd('1.47'),
        debitE6: usd('71.47'),
      }),
    ]);
  });

  it('the same trade for a direct member ($0.0001 balance precision) nets $2.2175', () => {
    const h = ladder({ ...OPEN_SETTINGS, memberPrecision: 'centicent' });
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '100']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '100']] });
    // Debits $26.3125 + $71.47 = $97.7825 against $100.
    expect(h.ladderOpportunities()[0]).toMatchObject({
      netProfitE6: usd('2.2175'),
      feesE6: usd('2.7825'),
    });
  });

  it('Above 400 YES bid $0.26 over Above 300 YES ask $0.25: the $0.01 edge is eaten by fees, nothing reported', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '100']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.26', '100']] });
    // Per contract: 0.25 + 0.74 = 0.99 paid, fees ~0.0131 + ~0.0135: a loss.
    expect(h.ladderOpportunities()).toEqual([]);
  });

  it('a ladder in order (Above 300 ask $0.45 over Above 400 bid $0.30) is no opportunity', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, { yesBids: [['0.40', '10']], yesAsks: [['0.45', '10']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '10']], yesAsks: [['0.35', '10']] });
    expect(h.ladderOpportunities()).toEqual([]);
  });

  it('thin depth limits the size: 7 contracts at the Above 300 ask stop at x7 although Above 400 bids 100', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, {
      yesAsks: [
        ['0.25', '7'],
        ['0.35', '500'],
      ],
    });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '100']] });
    // The next ask level ($0.35) plus NO at $0.70 costs $1.05 a pair: deeper only loses.
    // 7 x: YES cost $1.75 fee ceil(0.07 x 7 x 0.1875)=$0.091875 -> $0.0919, debit $1.8419 -> $1.85;
    // NO cost $4.90 fee 0.07 x 7 x 0.21 = $0.1029, debit $5.0029 -> $5.01. Net 7 - 6.86 = $0.14.
    const [plan] = h.ladderOpportunities();
    expect(plan).toMatchObject({ countE2: contracts(7), netProfitE6: usd('0.14') });
  });

  it('an index series with multiplier 0.5 pays half the taker fee: Above 400 bid $0.30 / Above 300 ask $0.25 x 100 nets $3.60', () => {
    const h = ladder(OPEN_SETTINGS, new FeeSchedule('quadratic', 5_000));
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '100']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '100']] });
    // Fees 0.035 x 100 x 0.1875 = $0.65625 -> $0.6563 (debit $25.6563 -> $25.66); 0.035 x 100 x 0.21 = $0.735 (debit $70.735 -> $70.74).
    expect(h.ladderOpportunities()[0]).toMatchObject({
      netProfitE6: usd('3.6'),
      feesE6: usd('1.4'),
    });
  });

  it('sub-cent prices on a deci-cent grid: Above 300 YES ask $0.052 x 40 under Above 400 YES bid $0.085 x 40, direct member nets $0.9641', () => {
    const grid = PriceGrid.of(PRICE_LEVEL_STRUCTURES.deci_cent);
    const h = new DetectionHarness(
      EVENT,
      [
        { ...above('T300', 300), grid },
        { ...above('T400', 400), grid },
      ],
      {},
      { ...OPEN_SETTINGS, memberPrecision: 'centicent' },
    );
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.052', '40']] }, grid);
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.085', '40']] }, grid);
    // YES @ $0.052 x 40: cost $2.08, fee ceil(0.07 x 40 x 0.052 x 0.948 = 0.1380288) = $0.1381.
    // NO @ $0.915 x 40: cost $36.60, fee ceil(0.07 x 40 x 0.915 x 0.085 = 0.217770) = $0.2178.
    // Net = 40 - 2.2181 - 36.8178 = $0.9641; return 0.9641 / 39.0359 = 2.46%.
    expect(h.ladderOpportunities()[0]).toMatchObject({
      countE2: contracts(40),
      legs: [
        expect.objectContaining({ limitPriceE4: 520, tradeFeeE6: usd('0.1381') }),
        expect.objectContaining({ limitPriceE4: 9150, tradeFeeE6: usd('0.2178') }),
      ],
      netProfitE6: usd('0.9641'),
      returnBps: 246,
    });
  });

  it('a fractional-trading market pair sizes to 0.01 contracts: 12.34 at the ask', () => {
    const fractional = { fractionalTradingEnabled: true };
    const h = new DetectionHarness(
      EVENT,
      [
        { ...above('T300', 300), ...fractional },
        { ...above('T400', 400), ...fractional },
      ],
      {},
      { ...OPEN_SETTINGS, memberPrecision: 'centicent' },
    );
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '12.34']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '50']] });
    expect(h.ladderOpportunities()[0].countE2).toBe(1234);
  });

  it('whole-contract markets round a fractional level down: 12.34 at the ask trades 12', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '12.34']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '50']] });
    expect(h.ladderOpportunities()[0].countE2).toBe(contracts(12));
  });

  it('a stale book takes no part: the same inversion with Above 400 stale finds nothing', () => {
    const h = ladder();
    h.books.set(`${EVENT}-T300`, { yesAsks: [['0.25', '100']] });
    h.books.set(`${EVENT}-T400`, { yesBids: [['0.30', '100']] });
    h.books.markStale(`${EVENT}-T400`);
    expect(h.ladderOpportunities()).toEqual([]);
  });
});
