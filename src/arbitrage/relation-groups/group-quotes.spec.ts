import { formatPriceE4 } from '../../kalshi/fixed-point';
import { LadderInversionDetector } from '../detectors/ladder-inversion-detector';
import { PartitionDetector } from '../detectors/partition-detector';
import type { OpportunityPlan } from '../opportunities/opportunity.types';
import { DetectionHarness } from '../testing/detection-harness';
import type { MarketSpec } from '../testing/in-memory-market-catalog';
import { GroupQuotes } from './group-quotes';

const EVENT = 'KXHIGHNY-26OCT01';
const LADDER: MarketSpec[] = [60, 62, 64, 66, 68, 70].map((strike) => ({
  ticker: `${EVENT}-T${strike}`,
  strikeType: 'greater',
  floorStrike: strike,
}));
const BRACKETS: MarketSpec[] = [
  { ticker: `${EVENT}-LOW`, strikeType: 'less_or_equal', capStrike: 60 },
  { ticker: `${EVENT}-B61`, strikeType: 'between', floorStrike: 60, capStrike: 62 },
  { ticker: `${EVENT}-B63`, strikeType: 'between', floorStrike: 62, capStrike: 64 },
  { ticker: `${EVENT}-HIGH`, strikeType: 'greater_or_equal', floorStrike: 64 },
];

/** A small deterministic PRNG (mulberry32): the same books on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random two-sided books around a fair price, crossed between markets often enough to find opportunities. */
function randomBook(random: () => number) {
  const fair = 100 * (10 + Math.floor(random() * 80));
  const level = (offset: number) => formatPriceE4(Math.min(9900, Math.max(100, fair + offset)));
  const yesBids =
    random() < 0.15
      ? []
      : [
          [
            level(-100 * (1 + Math.floor(random() * 5))),
            `${1 + Math.floor(random() * 50)}`,
          ] as const,
        ];
  const yesAsks =
    random() < 0.15
      ? []
      : [
          [
            level(100 * (1 + Math.floor(random() * 5))),
            `${1 + Math.floor(random() * 50)}`,
          ] as const,
        ];
  return { yesBids, yesAsks };
}

const describePlans = (plans: OpportunityPlan[]) =>
  plans.map(
    (p) =>
      `${p.kind} ${p.legs.map((l) => `${l.side}:${l.ticker}`).join('+')} x${p.countE2} net ${p.netProfitE6}`,
  );

describe('GroupQuotes: the engine skips only evaluations that cannot find anything', () => {
  it('keeps sums and counts equal to a recount after every change, stale books and empty sides included', () => {
    const random = prng(7);
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    const group = h.partition();
    const quotes = new GroupQuotes(group.members.length);
    for (let step = 0; step < 2_000; step++) {
      const position = Math.floor(random() * group.members.length);
      const ticker = group.members[position].ticker;
      if (random() < 0.1 && h.books.get(ticker)) h.books.markStale(ticker);
      else h.books.set(ticker, randomBook(random));
      quotes.set(position, h.books.get(ticker));
      let bidSum = 0;
      let bidLegs = 0;
      let askSum = 0;
      let askLegs = 0;
      for (const market of group.members) {
        const book = h.books.get(market.ticker);
        if (!book || book.stale) continue;
        if (book.bestBidE4() > 0) {
          bidSum += book.bestBidE4();
          bidLegs++;
        }
        if (book.bestAskE4() > 0) {
          askSum += book.bestAskE4();
          askLegs++;
        }
      }
      expect([quotes.bidSumE4, quotes.bidLegs, quotes.askSumE4, quotes.askLegs]).toEqual([
        bidSum,
        bidLegs,
        askSum,
        askLegs,
      ]);
    }
  });

  it('a six-strike Above ladder: the same LADDER_INVERSIONs, in the same order, with and without quotes, over 1,500 random changes', () => {
    const random = prng(11);
    const h = new DetectionHarness(EVENT, LADDER);
    const group = h.ladder();
    const quotes = new GroupQuotes(group.members.length);
    const detector = new LadderInversionDetector(h.books, h.settings);
    let found = 0;
    for (let step = 0; step < 1_500; step++) {
      const position = Math.floor(random() * group.members.length);
      const ticker = group.members[position].ticker;
      if (random() < 0.05 && h.books.get(ticker)) h.books.markStale(ticker);
      else h.books.set(ticker, randomBook(random));
      quotes.set(position, h.books.get(ticker));
      const plain: OpportunityPlan[] = [];
      const quoted: OpportunityPlan[] = [];
      detector.evaluate(group, ticker, { offer: (p) => plain.push(p) });
      detector.evaluate(group, ticker, { offer: (p) => quoted.push(p) }, quotes);
      expect(describePlans(quoted)).toEqual(describePlans(plain));
      found += plain.length;
    }
    expect(found).toBeGreaterThan(50);
  });

  it('a four-bracket exhaustive partition: the same PARTITION_BUY_NO / BUY_YES with and without quotes, over 1,500 random changes', () => {
    const random = prng(13);
    const h = new DetectionHarness(EVENT, BRACKETS, { mutuallyExclusive: true });
    const group = h.partition();
    const quotes = new GroupQuotes(group.members.length);
    const detector = new PartitionDetector(h.books, h.settings);
    const kinds = new Set<string>();
    for (let step = 0; step < 1_500; step++) {
      const position = Math.floor(random() * group.members.length);
      const ticker = group.members[position].ticker;
      if (random() < 0.05 && h.books.get(ticker)) h.books.markStale(ticker);
      else h.books.set(ticker, randomBook(random));
      quotes.set(position, h.books.get(ticker));
      const plain: OpportunityPlan[] = [];
      const quoted: OpportunityPlan[] = [];
      detector.evaluate(group, { offer: (p) => plain.push(p) });
      detector.evaluate(group, { offer: (p) => quoted.push(p) }, quotes);
      expect(describePlans(quoted)).toEqual(describePlans(plain));
      for (const plan of plain) kinds.add(plan.kind);
    }
    expect([...kinds].sort()).toEqual(['PARTITION_BUY_NO', 'PARTITION_BUY_YES']);
  });
});
