import type { MarketSpec } from '../testing/in-memory-market-catalog';
import { DetectionHarness, contracts, usd } from '../testing/detection-harness';

const EVENT = 'KXBTC-26OCT01';
const t = (suffix: string) => `${EVENT}-${suffix}`;
// $95,000 or below | $95,000-95,250 | $95,250-95,500 | $95,500 or above: every price lands in one of them,
// whichever end of each bracket is open.
const BRACKETS: MarketSpec[] = [
  { ticker: t('T95000'), strikeType: 'less_or_equal', capStrike: 95000 },
  { ticker: t('B95125'), strikeType: 'between', floorStrike: 95000, capStrike: 95250 },
  { ticker: t('B95375'), strikeType: 'between', floorStrike: 95250, capStrike: 95500 },
  { ticker: t('T95500'), strikeType: 'greater_or_equal', floorStrike: 95500 },
];

describe('a four-bracket exhaustive partition', () => {
  it('is recognised as exhaustive from its strikes', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    expect(h.partition()).toMatchObject({ exhaustive: true, exhaustiveSource: 'STRIKES' });
  });

  it('PARTITION_BUY_NO: YES bids $0.30 + $0.35 + $0.25 + $0.20 = $1.10, 10 NOs each pay $30 whatever happens, net $0.43', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    h.books.set(t('T95000'), { yesBids: [['0.30', '10']], yesAsks: [['0.40', '10']] });
    h.books.set(t('B95125'), { yesBids: [['0.35', '10']], yesAsks: [['0.45', '10']] });
    h.books.set(t('B95375'), { yesBids: [['0.25', '10']], yesAsks: [['0.35', '10']] });
    h.books.set(t('T95500'), { yesBids: [['0.20', '10']], yesAsks: [['0.30', '10']] });
    // NO @ 0.70, 0.65, 0.75, 0.80 x 10: costs $7.00 + $6.50 + $7.50 + $8.00 = $29.00.
    // Fees: 0.07 x 10 x P(1-P) = $0.1470, $0.15925 -> $0.1593, $0.13125 -> $0.1313, $0.1120.
    // Cent debits: $7.15 + $6.66 + $7.64 + $8.12 = $29.57. Three of four NOs win: $30. Net $0.43.
    const plans = h.partitionOpportunities();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      kind: 'PARTITION_BUY_NO',
      countE2: contracts(10),
      costE6: usd('29'),
      guaranteedPayoutE6: usd('30'),
      bestPayoutE6: usd('30'),
      netProfitE6: usd('0.43'),
      returnBps: 145,
    });
    expect(plans[0].legs.map((l) => [l.side, l.limitPriceE4, l.debitE6])).toEqual([
      ['no', 6500, usd('6.66')],
      ['no', 7500, usd('7.64')],
      ['no', 7000, usd('7.15')],
      ['no', 8000, usd('8.12')],
    ]);
  });

  it('PARTITION_BUY_YES: YES asks $0.20 + $0.25 + $0.22 + $0.18 = $0.85, 10 of each pay exactly $10, net $1.00', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    h.books.set(t('T95000'), { yesBids: [['0.10', '10']], yesAsks: [['0.20', '10']] });
    h.books.set(t('B95125'), { yesBids: [['0.15', '10']], yesAsks: [['0.25', '10']] });
    h.books.set(t('B95375'), { yesBids: [['0.12', '10']], yesAsks: [['0.22', '10']] });
    h.books.set(t('T95500'), { yesBids: [['0.08', '10']], yesAsks: [['0.18', '10']] });
    // Costs $2.00 + $2.50 + $2.20 + $1.80 = $8.50. Fees 0.07 x 10 x P(1-P): $0.1120, $0.13125 -> $0.1313,
    // $0.12012 -> $0.1202, $0.10332 -> $0.1034. Cent debits: $2.12 + $2.64 + $2.33 + $1.91 = $9.00 against exactly $10: net $1.00.
    const plans = h.partitionOpportunities();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      kind: 'PARTITION_BUY_YES',
      countE2: contracts(10),
      costE6: usd('8.5'),
      feesE6: usd('0.5'),
      guaranteedPayoutE6: usd('10'),
      bestPayoutE6: usd('10'),
      netProfitE6: usd('1'),
    });
    expect(plans[0].legs.every((l) => l.side === 'yes')).toBe(true);
  });

  it('PARTITION_BUY_YES needs every member: one bracket without an ask rules it out', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    h.books.set(t('T95000'), { yesAsks: [['0.20', '10']] });
    h.books.set(t('B95125'), { yesAsks: [['0.25', '10']] });
    h.books.set(t('B95375'), { yesAsks: [['0.22', '10']] });
    h.books.set(t('T95500'), { yesBids: [['0.08', '10']] });
    expect(h.partitionOpportunities()).toEqual([]);
  });

  it('thin depth: one bracket with 3 contracts at its ask limits PARTITION_BUY_YES to x3', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    h.books.set(t('T95000'), { yesAsks: [['0.20', '100']] });
    h.books.set(t('B95125'), {
      yesAsks: [
        ['0.25', '3'],
        ['0.60', '100'],
      ],
    });
    h.books.set(t('B95375'), { yesAsks: [['0.22', '100']] });
    h.books.set(t('T95500'), { yesAsks: [['0.18', '100']] });
    expect(h.partitionOpportunities()[0]).toMatchObject({
      kind: 'PARTITION_BUY_YES',
      countE2: contracts(3),
    });
  });
});

describe('a mutually exclusive event that is not exhaustive', () => {
  // No low tail: a price under $95,000 resolves every bracket NO.
  const OPEN_BELOW = BRACKETS.slice(1);

  it('never yields PARTITION_BUY_YES, however cheap the asks ($0.20 + $0.22 + $0.18 = $0.60)', () => {
    const h = new DetectionHarness(EVENT, OPEN_BELOW, { mutuallyExclusive: true });
    h.books.set(t('B95125'), { yesAsks: [['0.20', '10']] });
    h.books.set(t('B95375'), { yesAsks: [['0.22', '10']] });
    h.books.set(t('T95500'), { yesAsks: [['0.18', '10']] });
    expect(h.partition().exhaustive).toBe(false);
    expect(h.partitionOpportunities()).toEqual([]);
  });

  it('still yields PARTITION_BUY_NO, paying n - 1 at worst and n when no bracket hits: bids $0.40 + $0.45 + $0.30', () => {
    const h = new DetectionHarness(EVENT, OPEN_BELOW, { mutuallyExclusive: true });
    h.books.set(t('B95125'), { yesBids: [['0.40', '10']] });
    h.books.set(t('B95375'), { yesBids: [['0.45', '10']] });
    h.books.set(t('T95500'), { yesBids: [['0.30', '10']] });
    // NO @ 0.60, 0.55, 0.70 x 10: $6.00 + $5.50 + $7.00 = $18.50; fees $0.168, $0.17325 -> $0.1733, $0.147.
    // Cent debits $6.17 + $5.68 + $7.15 = $19.00; worst outcome pays $20 (net $1.00), none-hit pays $30 (+$11.00).
    expect(h.partitionOpportunities()[0]).toMatchObject({
      kind: 'PARTITION_BUY_NO',
      guaranteedPayoutE6: usd('20'),
      bestPayoutE6: usd('30'),
      netProfitE6: usd('1'),
      bestCaseProfitE6: usd('11'),
    });
  });

  it('a member without a YES bid sits out of PARTITION_BUY_NO (there is no NO to buy), the rest still pays n - 1', () => {
    const h = new DetectionHarness(EVENT, OPEN_BELOW, { mutuallyExclusive: true });
    h.books.set(t('B95125'), { yesBids: [['0.55', '10']] });
    h.books.set(t('B95375'), { yesBids: [['0.55', '10']] });
    h.books.set(t('T95500'), { yesAsks: [['0.30', '10']] });
    const [plan] = h.partitionOpportunities();
    expect(plan.legs.map((l) => l.ticker)).toEqual([t('B95125'), t('B95375')]);
    expect(plan.guaranteedPayoutE6).toBe(usd('10'));
  });
});

describe('PARTITION_BUY_NO when one member is thin', () => {
  it('a 1-contract $0.03 bid would cap all four legs at x1: the three deep brackets trade x100 without it', () => {
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    h.books.set(t('T95000'), { yesBids: [['0.40', '100']] });
    h.books.set(t('B95125'), { yesBids: [['0.40', '100']] });
    h.books.set(t('B95375'), { yesBids: [['0.35', '100']] });
    h.books.set(t('T95500'), { yesBids: [['0.03', '1']] });
    // Without T95500: NO @ 0.60, 0.60, 0.65 x 100 = $185.00; fees 0.07 x 100 x (0.24 + 0.24 + 0.2275) = $4.9525
    // (each leg $1.68, $1.68, $1.5925 -> cent debits $61.68 + $61.68 + $66.60 = $189.96); two of three NOs win
    // at worst ($200; the low tail is not a leg any more, so all three can win: best $300). Net $10.04.
    const [plan] = h.partitionOpportunities();
    expect(plan.legs.map((l) => l.ticker)).toEqual([t('B95125'), t('B95375'), t('T95000')]);
    expect(plan).toMatchObject({
      countE2: contracts(100),
      guaranteedPayoutE6: usd('200'),
      bestPayoutE6: usd('300'),
      netProfitE6: usd('10.04'),
    });
  });
});
