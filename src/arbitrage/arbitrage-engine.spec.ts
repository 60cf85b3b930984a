import { ArbitrageEngine } from './arbitrage-engine';
import { closeLogLine, openLogLine } from './opportunities/opportunity-log-line';
import {
  OpportunityTracker,
  type OpportunityListener,
  type TrackedOpportunity,
} from './opportunities/opportunity-tracker';
import { OPEN_SETTINGS, contracts, usd } from './testing/detection-harness';
import { InMemoryMarketCatalog, type MarketSpec } from './testing/in-memory-market-catalog';
import { InMemoryOrderBookStore } from './testing/in-memory-order-book-store';

const LADDER = 'KXHIGHNY-26OCT01';
const BUCKETS = 'KXBTC-26OCT01';
const l = (suffix: string) => `${LADDER}-${suffix}`;
const b = (suffix: string) => `${BUCKETS}-${suffix}`;

class RecordingListener implements OpportunityListener {
  readonly events: string[] = [];
  readonly lines: string[] = [];
  opened(o: TrackedOpportunity) {
    this.events.push(`opened ${o.kind} ${o.tickers.join('+')}`);
    this.lines.push(openLogLine(o));
  }
  updated(o: TrackedOpportunity) {
    this.events.push(`updated ${o.kind} x${o.plan.countE2 / 100} net ${o.plan.netProfitE6}`);
  }
  closed(o: TrackedOpportunity) {
    this.events.push(`closed ${o.kind} ${o.closeReason}`);
    this.lines.push(closeLogLine(o));
  }
}

function setup() {
  let now = 1_000_000;
  const catalog = new InMemoryMarketCatalog();
  const books = new InMemoryOrderBookStore();
  const listener = new RecordingListener();
  const tracker = new OpportunityTracker(listener, () => now);
  catalog.addEvent({ eventTicker: LADDER }, [
    { ticker: l('T61'), strikeType: 'greater', floorStrike: 61 },
    { ticker: l('T63'), strikeType: 'greater', floorStrike: 63 },
  ]);
  const buckets: MarketSpec[] = [
    { ticker: b('LOW'), strikeType: 'less_or_equal', capStrike: 95000 },
    { ticker: b('MID'), strikeType: 'between', floorStrike: 95000, capStrike: 96000 },
    { ticker: b('HIGH'), strikeType: 'greater_or_equal', floorStrike: 96000 },
  ];
  catalog.addEvent({ eventTicker: BUCKETS, mutuallyExclusive: true }, buckets);
  const engine = new ArbitrageEngine({ catalog, books, tracker, settings: OPEN_SETTINGS });
  engine.start();
  return { catalog, books, tracker, listener, engine, advance: (ms: number) => (now += ms) };
}

describe('ArbitrageEngine: Above 63 YES bid over Above 61 YES ask, followed through its life', () => {
  it('opens when the inversion appears, updates when depth changes, closes with lifetime and best profit when it goes', () => {
    const { books, listener, tracker, advance } = setup();
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    expect(listener.events).toEqual([]);
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    // Net $2.21 for 100 contracts (worked in ladder-inversion-two-strikes.spec.ts).
    expect(listener.events).toEqual([`opened LADDER_INVERSION ${l('T61')}+${l('T63')}`]);
    expect(listener.lines[0]).toBe(
      'OPEN LADDER_INVERSION KXHIGHNY-26OCT01 T61/T63 x100 net $2.2100 (2.2%)',
    );
    const [open] = tracker.open();
    advance(1_500);
    books.set(l('T61'), { yesAsks: [['0.25', '50']] });
    expect(listener.events[1]).toMatch(/^updated LADDER_INVERSION x50 net /);
    expect(tracker.get(open.id)?.plan.countE2).toBe(contracts(50));
    // Same prices again: nothing new to say.
    books.set(l('T61'), { yesAsks: [['0.25', '50']] });
    expect(listener.events).toHaveLength(2);
    advance(2_345);
    books.set(l('T63'), { yesBids: [['0.20', '100']] });
    expect(listener.events[2]).toBe('closed LADDER_INVERSION PRICES_MOVED');
    expect(listener.lines[1]).toBe(
      'CLOSE LADDER_INVERSION KXHIGHNY-26OCT01 T61/T63 after 3.845s best net $2.2100 (PRICES_MOVED)',
    );
    expect(tracker.openCount).toBe(0);
    expect(tracker.get(open.id)).toBeUndefined();
  });

  it('a stale book closes the opportunity (BOOK_STALE); a fresh snapshot reopens it under a new id with the same key', () => {
    const { books, listener, tracker } = setup();
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    const [first] = tracker.open();
    books.markStale(l('T63'));
    expect(listener.events.at(-1)).toBe('closed LADDER_INVERSION BOOK_STALE');
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    const [second] = tracker.open();
    expect(second.key).toBe(first.key);
    expect(second.id).not.toBe(first.id);
  });

  it('a paused market leaves its groups and closes its opportunities (MARKET_NOT_ACTIVE)', () => {
    const { books, catalog, listener, engine } = setup();
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    catalog.updateMarket(l('T63'), { status: 'inactive' });
    expect(listener.events.at(-1)).toBe('closed LADDER_INVERSION MARKET_NOT_ACTIVE');
    expect(engine.groupsOf(l('T61'))).toEqual([]);
  });

  it('a partition that loses a member stops being exhaustive: its PARTITION_BUY_YES closes', () => {
    const { books, catalog, listener } = setup();
    books.set(b('LOW'), { yesAsks: [['0.20', '10']] });
    books.set(b('MID'), { yesAsks: [['0.25', '10']] });
    books.set(b('HIGH'), { yesAsks: [['0.22', '10']] });
    expect(listener.events).toEqual([
      `opened PARTITION_BUY_YES ${b('HIGH')}+${b('LOW')}+${b('MID')}`,
    ]);
    catalog.updateMarket(b('MID'), { status: 'inactive' });
    expect(listener.events.at(-1)).toBe('closed PARTITION_BUY_YES MARKET_NOT_ACTIVE');
  });

  it('a partition declared exhaustive by its strikes loses BUY_YES when a strike moves (GROUP_CHANGED)', () => {
    const { books, catalog, listener } = setup();
    books.set(b('LOW'), { yesAsks: [['0.20', '10']] });
    books.set(b('MID'), { yesAsks: [['0.25', '10']] });
    books.set(b('HIGH'), { yesAsks: [['0.22', '10']] });
    catalog.updateMarket(b('HIGH'), { floorStrike: 96500 });
    expect(listener.events.at(-1)).toBe('closed PARTITION_BUY_YES GROUP_CHANGED');
  });

  it('evaluates only the groups that hold the changed market', () => {
    const { books, engine } = setup();
    const before = engine.evaluations;
    books.set('SOME-OTHER-MARKET', { yesBids: [['0.50', '1']] });
    expect(engine.evaluations).toBe(before);
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    expect(engine.evaluations).toBe(before + 1);
    books.set(b('MID'), { yesAsks: [['0.25', '100']] });
    expect(engine.evaluations).toBe(before + 2);
  });

  it('stop() unsubscribes from books and catalog', () => {
    const { books, listener, engine } = setup();
    engine.stop();
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    expect(listener.events).toEqual([]);
  });

  it('keeps the best net profit seen while open', () => {
    const { books, tracker } = setup();
    books.set(l('T61'), { yesAsks: [['0.25', '100']] });
    books.set(l('T63'), { yesBids: [['0.30', '100']] });
    books.set(l('T61'), { yesAsks: [['0.25', '10']] });
    const [open] = tracker.open();
    expect(open.plan.netProfitE6).toBeLessThan(usd('2.21'));
    expect(open.bestNetProfitE6).toBe(usd('2.21'));
  });
});
