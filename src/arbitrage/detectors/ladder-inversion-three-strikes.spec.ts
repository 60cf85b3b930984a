import { DetectionHarness, contracts, usd } from '../testing/detection-harness';

const EVENT = 'KXHIGHNY-26OCT01';
const t = (suffix: string) => `${EVENT}-${suffix}`;

describe('LADDER_INVERSION across three strikes', () => {
  function aboveLadder() {
    return new DetectionHarness(EVENT, [
      // Listed out of order on purpose: the ladder sorts by floor_strike, not by ticker or listing.
      { ticker: t('T63'), strikeType: 'greater', floorStrike: 63 },
      { ticker: t('T61'), strikeType: 'greater', floorStrike: 61 },
      { ticker: t('T65'), strikeType: 'greater', floorStrike: 65 },
    ]);
  }

  it('Above 65 YES bid $0.40 over both Above 61 ask $0.30 and Above 63 ask $0.33: two inversions, the non-adjacent pair included', () => {
    const h = aboveLadder();
    h.books.set(t('T61'), { yesBids: [['0.28', '50']], yesAsks: [['0.30', '20']] });
    h.books.set(t('T63'), { yesBids: [['0.31', '50']], yesAsks: [['0.33', '20']] });
    h.books.set(t('T65'), { yesBids: [['0.40', '20']], yesAsks: [['0.45', '20']] });
    // T61/T65: YES 20 @ $0.30 (cost $6.00, fee ceil(0.07 x 20 x 0.21) = $0.2940, debit $6.30) + NO 20 @ $0.60
    //   (cost $12.00, fee 0.07 x 20 x 0.24 = $0.3360, debit $12.34): net 20 - 18.64 = $1.36.
    // T63/T65: YES 20 @ $0.33 (cost $6.60, fee 0.07 x 20 x 0.2211 = $0.30954 -> $0.3096, debit $6.9096 -> $6.91) + NO as above: net 20 - 19.25 = $0.75.
    // T61/T63: T61 ask $0.30 < T63 bid $0.31, but YES $0.30 + NO $0.69 = $0.99 before ~$0.03 of fees: a loss.
    const plans = h.ladderOpportunities();
    expect(
      plans.map((p) => [
        p.legs.map((l) => `${l.side}:${l.ticker.slice(-3)}`).join('+'),
        p.countE2,
        p.netProfitE6,
      ]),
    ).toEqual([
      ['yes:T61+no:T65', contracts(20), usd('1.36')],
      ['yes:T63+no:T65', contracts(20), usd('0.75')],
    ]);
  });

  it('re-evaluating after a change to Above 63 looks only at the pairs that hold it', () => {
    const h = aboveLadder();
    h.books.set(t('T61'), { yesAsks: [['0.30', '20']] });
    h.books.set(t('T63'), { yesBids: [['0.31', '50']], yesAsks: [['0.33', '20']] });
    h.books.set(t('T65'), { yesBids: [['0.40', '20']] });
    const plans = h.ladderOpportunities('above', t('T63'));
    expect(plans.map((p) => p.legs.map((l) => l.ticker.slice(-3)))).toEqual([['T63', 'T65']]);
  });

  it('profit is not monotonic in size: a second Above 61 ask level at $0.29 still beats $1 before fees but loses after, so x10 wins', () => {
    const h = aboveLadder();
    h.books.set(t('T61'), {
      yesAsks: [
        ['0.25', '10'],
        ['0.29', '50'],
      ],
    });
    h.books.set(t('T63'), {});
    h.books.set(t('T65'), { yesBids: [['0.30', '100']] });
    // x10: YES $2.50 + fee $0.1313 -> $2.64; NO $7.00 + fee $0.147 -> $7.15; net 10 - 9.79 = $0.21.
    // Each further pair pays $0.29 + $0.70 = $0.99 plus ~$0.029 of fees: x60 would net about -$0.76.
    const [plan] = h.ladderOpportunities();
    expect(plan).toMatchObject({ countE2: contracts(10), netProfitE6: usd('0.21') });
  });

  it('walks depth while it pays: Above 61 asks $0.20 x 10 then $0.22 x 30 against Above 65 bids $0.30 x 25 then $0.29 x 100', () => {
    const h = aboveLadder();
    h.books.set(t('T61'), {
      yesAsks: [
        ['0.20', '10'],
        ['0.22', '30'],
        ['0.40', '100'],
      ],
    });
    h.books.set(t('T63'), {});
    h.books.set(t('T65'), {
      yesBids: [
        ['0.30', '25'],
        ['0.29', '100'],
      ],
    });
    // Breakpoints 10, 25, 40 (then $0.40 + $0.71 > $1 stops the walk). At x40:
    //   YES: 10 @ 0.20 (fee ceil(0.07 x 10 x 0.16) = $0.1120) + 30 @ 0.22 (fee 0.07 x 30 x 0.1716 = $0.36036 -> $0.3604):
    //        cost $8.60, fee $0.4724, debit $9.0724 -> $9.08.
    //   NO: 25 @ 0.70 (fee 0.07 x 25 x 0.21 = $0.3675) + 15 @ 0.71 (fee 0.07 x 15 x 0.2059 = $0.216195 -> $0.2162):
    //        cost $28.15, fee $0.5837, debit $28.7337 -> $28.74.
    //   net 40 - 37.82 = $2.18 (x25 nets $1.61, x10 $0.73).
    const [plan] = h.ladderOpportunities();
    expect(plan).toMatchObject({ countE2: contracts(40), netProfitE6: usd('2.18') });
    expect(plan.legs[0]).toMatchObject({
      limitPriceE4: 2200,
      fills: [
        { priceE4: 2000, countE2: 1000 },
        { priceE4: 2200, countE2: 3000 },
      ],
      tradeFeeE6: usd('0.4724'),
    });
    expect(plan.legs[1]).toMatchObject({
      limitPriceE4: 7100,
      fills: [
        { priceE4: 7000, countE2: 2500 },
        { priceE4: 7100, countE2: 1500 },
      ],
      tradeFeeE6: usd('0.5837'),
    });
  });

  it('the configured cap stops the walk: max 15 contracts', () => {
    const h = new DetectionHarness(
      EVENT,
      [
        { ticker: t('T61'), strikeType: 'greater', floorStrike: 61 },
        { ticker: t('T65'), strikeType: 'greater', floorStrike: 65 },
      ],
      {},
      {
        thresholds: { minNetProfitE6: 0, minNetPerContractE6: 0, minReturnBps: 0 },
        maxCountE2: contracts(15),
        memberPrecision: 'cent',
      },
    );
    h.books.set(t('T61'), { yesAsks: [['0.20', '100']] });
    h.books.set(t('T65'), { yesBids: [['0.30', '100']] });
    expect(h.ladderOpportunities()[0].countE2).toBe(contracts(15));
  });
});

describe('LADDER_INVERSION on a "below" ladder (less / less_or_equal by cap_strike)', () => {
  it('Below 60 YES bid $0.50 over Below 70 YES ask $0.40: buy YES Below 70, NO Below 60', () => {
    const h = new DetectionHarness(EVENT, [
      { ticker: t('L60'), strikeType: 'less', capStrike: 60 },
      { ticker: t('L70'), strikeType: 'less', capStrike: 70 },
    ]);
    h.books.set(t('L60'), { yesBids: [['0.50', '10']] });
    h.books.set(t('L70'), { yesAsks: [['0.40', '10']] });
    // YES 10 @ 0.40: cost $4.00 fee $0.168 -> debit $4.17; NO 10 @ 0.50: cost $5.00 fee $0.175 -> $5.18. Net 10 - 9.35 = $0.65.
    const [plan] = h.ladderOpportunities('below');
    expect(plan.legs.map((l) => [l.ticker, l.side])).toEqual([
      [t('L70'), 'yes'],
      [t('L60'), 'no'],
    ]);
    expect(plan).toMatchObject({
      groupId: `${EVENT}:below`,
      netProfitE6: usd('0.65'),
      bestPayoutE6: usd('20'),
    });
  });

  it('at one strike ">= 60" holds more outcomes than "> 60": its YES ask under the other\'s YES bid is an inversion', () => {
    const h = new DetectionHarness(EVENT, [
      { ticker: t('G60'), strikeType: 'greater', floorStrike: 60 },
      { ticker: t('GE60'), strikeType: 'greater_or_equal', floorStrike: 60 },
    ]);
    h.books.set(t('G60'), { yesBids: [['0.50', '10']] });
    h.books.set(t('GE60'), { yesAsks: [['0.40', '10']] });
    expect(h.ladder().members.map((m) => m.ticker)).toEqual([t('GE60'), t('G60')]);
    expect(h.ladderOpportunities()[0].legs.map((l) => [l.ticker, l.side])).toEqual([
      [t('GE60'), 'yes'],
      [t('G60'), 'no'],
    ]);
  });
});
