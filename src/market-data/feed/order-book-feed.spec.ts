import { Logger } from '@nestjs/common';
import { MarketCatalog } from '../catalog/market-catalog';
import { OrderBookStore } from '../order-book/order-book-store';
import { FakeConnection, catalogWith, frames, ladderMarket } from '../testing/market-fixtures';
import { FeedHealth } from './feed-health';
import { OrderBookFeed } from './order-book-feed';

const T61 = 'KXHIGHNY-26OCT01-T61';
const T63 = 'KXHIGHNY-26OCT01-T63';
const T65 = 'KXHIGHNY-26OCT01-T65';

function setup(
  options: {
    tickers?: string[];
    chunkSize?: number;
    useYesPrice?: boolean;
    catalog?: MarketCatalog;
  } = {},
) {
  const strikes = (options.tickers ?? [T61, T63]).map((t) => Number(t.split('-T')[1]));
  const catalog = options.catalog ?? catalogWith(strikes.map((s) => ladderMarket(s)));
  const store = new OrderBookStore();
  for (const market of catalog.markets()) store.track(market.ticker, market.grid);
  const health = new FeedHealth();
  let now = 1_000_000;
  const lifecycle: unknown[] = [];
  let lifecycleGaps = 0;
  const feed = new OrderBookFeed({
    store,
    catalog,
    health,
    chunkSize: options.chunkSize,
    useYesPrice: options.useYesPrice,
    snapshotTimeoutMs: 5_000,
    now: () => now,
    onLifecycle: (type, msg) => lifecycle.push([type, msg]),
    onLifecycleGap: () => lifecycleGaps++,
  });
  const connection = new FakeConnection();
  feed.attach(connection);
  const changes: string[] = [];
  store.onBookChanged((book) =>
    changes.push(`${book.ticker}:${book.stale ? book.staleReason : 'fresh'}`),
  );
  return {
    feed,
    store,
    health,
    connection,
    changes,
    lifecycle,
    lifecycleGaps: () => lifecycleGaps,
    advance: (ms: number) => (now += ms),
    now: () => now,
    frame: (text: string) => feed.onFrame(text, now),
    /** Opens, confirms both subscriptions (lifecycle sid 1, books sid 2) and snapshots every market. */
    openWithSnapshots(snapshots: Record<string, [[string, string][], [string, string][]]>) {
      feed.onOpen();
      const [lifecycleCommand, bookCommand] = connection.sent;
      this.frame(frames.subscribed(lifecycleCommand.id, 1, 'market_lifecycle_v2'));
      this.frame(frames.subscribed(bookCommand.id, 2));
      let seq = 1;
      for (const [ticker, [yes, no]] of Object.entries(snapshots))
        this.frame(frames.snapshot(2, seq++, ticker, yes, no));
      return seq;
    },
  };
}

describe('OrderBookFeed', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('subscribes the lifecycle channel and the books in chunks, sending use_yes_price explicitly', () => {
    const tickers = [61, 63, 65, 67, 69].map((s) => `KXHIGHNY-26OCT01-T${s}`);
    const { feed, connection } = setup({ tickers, chunkSize: 2 });
    feed.onOpen();
    expect(connection.sent[0]).toMatchObject({
      cmd: 'subscribe',
      params: { channels: ['market_lifecycle_v2'] },
    });
    expect(connection.bookSubscriptions().map((c) => c.params)).toEqual([
      { channels: ['orderbook_delta'], market_tickers: tickers.slice(0, 2), use_yes_price: false },
      { channels: ['orderbook_delta'], market_tickers: tickers.slice(2, 4), use_yes_price: false },
      { channels: ['orderbook_delta'], market_tickers: tickers.slice(4), use_yes_price: false },
    ]);
  });

  it('builds a book from an unsorted snapshot, NO bids turned into YES asks, and applies deltas in seq order', () => {
    const t = setup();
    const seq = t.openWithSnapshots({
      [T61]: [
        [
          ['0.4200', '13.00'],
          ['0.3900', '120.00'],
          ['0.4100', '10.00'],
        ],
        [
          ['0.5500', '17.00'],
          ['0.5000', '40.00'],
        ],
      ],
      [T63]: [[], []],
    });
    const book = t.store.get(T61)!;
    expect(book.stale).toBe(false);
    expect([
      book.bestBidE4(),
      book.bestBidSizeE2(),
      book.bestAskE4(),
      book.bestAskSizeE2(),
    ]).toEqual([4200, 1300, 4500, 1700]);
    t.frame(frames.delta(2, seq, T61, '0.4200', '-13.00', 'yes'));
    t.frame(frames.delta(2, seq + 1, T61, '0.5600', '5.00', 'no'));
    expect([book.bestBidE4(), book.bestAskE4(), book.bestAskSizeE2()]).toEqual([4100, 4400, 500]);
    expect(t.store.get(T63)!.depth()).toEqual({ yesBids: [], noBids: [] });
    expect(t.health.deltas).toBe(2);
    expect(t.health.agePercentile(0.5)).toBe(t.now() - 1790000000123);
  });

  it('reads NO levels as YES prices when subscribed with use_yes_price', () => {
    const t = setup({ useYesPrice: true });
    t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], [['0.4500', '17.00']]], [T63]: [[], []] });
    expect(t.connection.bookSubscriptions()[0].params).toMatchObject({ use_yes_price: true });
    expect(t.store.get(T61)!.bestAskE4()).toBe(4500);
  });

  it('on a seq gap marks every book of the sid stale (SEQ_GAP), ignores their deltas and asks for snapshots', () => {
    const t = setup();
    const seq = t.openWithSnapshots({
      [T61]: [[['0.4200', '13.00']], []],
      [T63]: [[['0.3000', '5.00']], []],
    });
    t.changes.length = 0;
    t.frame(frames.delta(2, seq + 1, T61, '0.4200', '1.00', 'yes')); // seq skipped one
    expect(t.health.gaps).toBe(1);
    expect([t.store.get(T61)!.staleReason, t.store.get(T63)!.staleReason]).toEqual([
      'SEQ_GAP',
      'SEQ_GAP',
    ]);
    expect(t.changes).toEqual([`${T61}:SEQ_GAP`, `${T63}:SEQ_GAP`]);
    expect(t.connection.last()).toMatchObject({
      cmd: 'update_subscription',
      params: { sids: [2], action: 'get_snapshot', market_tickers: [T61, T63] },
    });
    // A later delta on the stale book changes nothing.
    t.frame(frames.delta(2, seq + 2, T61, '0.4200', '50.00', 'yes'));
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1300);
    // Fresh snapshots bring each book back, and deltas apply again.
    t.frame(frames.snapshot(2, seq + 3, T61, [['0.4300', '2.00']], []));
    expect(t.store.get(T61)!.stale).toBe(false);
    expect(t.store.get(T63)!.stale).toBe(true);
    t.frame(frames.snapshot(2, seq + 4, T63, [['0.3000', '6.00']], []));
    t.frame(frames.delta(2, seq + 5, T63, '0.3000', '1.00', 'yes'));
    expect([t.store.get(T61)!.bestBidE4(), t.store.get(T63)!.bestBidSizeE2()]).toEqual([4300, 700]);
    // Nothing is overdue now: no resubscribe on the next tick.
    t.advance(10_000);
    t.feed.tick();
    expect(t.health.resubscribes).toBe(0);
  });

  it('resubscribes a sid whose snapshots do not arrive in time, and ignores the old sid afterwards', () => {
    const t = setup();
    const seq = t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    t.frame(frames.delta(2, seq + 5, T61, '0.4200', '1.00', 'yes'));
    t.advance(5_001);
    t.feed.tick();
    expect(t.health.resubscribes).toBe(1);
    const sent = t.connection.sent.slice(-2);
    expect(sent[0]).toMatchObject({ cmd: 'unsubscribe', params: { sids: [2] } });
    expect(sent[1]).toMatchObject({
      cmd: 'subscribe',
      params: { channels: ['orderbook_delta'], market_tickers: [T61, T63] },
    });
    t.frame(frames.delta(2, seq + 6, T61, '0.4200', '1.00', 'yes')); // old sid: dropped
    expect(t.health.gaps).toBe(1);
    t.frame(frames.subscribed(sent[1].id, 3));
    t.frame(frames.snapshot(3, 1, T61, [['0.4000', '1.00']], []));
    t.frame(frames.snapshot(3, 2, T63, [], []));
    expect([t.store.get(T61)!.stale, t.store.get(T61)!.bestBidE4()]).toEqual([false, 4000]);
  });

  it('resubscribes when get_snapshot is refused, and on terminal errors 10 and 25', () => {
    const t = setup();
    const seq = t.openWithSnapshots({ [T61]: [[], []], [T63]: [[], []] });
    t.frame(frames.delta(2, seq + 3, T61, '0.4200', '1.00', 'yes'));
    const request = t.connection.last();
    t.frame(frames.error(request.id, 13));
    expect(t.health.resubscribes).toBe(1);
    const again = t.connection.last();
    t.frame(frames.subscribed(again.id, 5));
    t.frame(
      JSON.stringify({
        type: 'error',
        sid: 5,
        msg: { code: 25, msg: 'Subscription buffer overflow' },
      }),
    );
    expect(t.health.resubscribes).toBe(2);
    expect(t.connection.last()).toMatchObject({
      cmd: 'subscribe',
      params: { market_tickers: [T61, T63] },
    });
  });

  it('counts a malformed frame, an unknown type and a delta for an unknown market, and leaves the books as they were', () => {
    const t = setup();
    const seq = t.openWithSnapshots({
      [T61]: [[['0.4200', '13.00']], [['0.5500', '17.00']]],
      [T63]: [[], []],
    });
    const before = JSON.stringify(t.store.get(T61)!.depth());
    t.frame('{"type":"orderbook_delta","sid":2,"seq":');
    t.frame('not json at all');
    t.frame('[1,2,3]');
    t.frame('{"type":"mystery","sid":2,"msg":{}}');
    t.frame(frames.delta(2, seq, 'KXUNKNOWN-26OCT01-T1', '0.4200', '5.00', 'yes'));
    expect([t.health.malformedFrames, t.health.unknownTypes, t.health.unknownMarketDeltas]).toEqual(
      [3, 1, 1],
    );
    expect(JSON.stringify(t.store.get(T61)!.depth())).toBe(before);
    expect(t.store.get(T61)!.stale).toBe(false);
    t.frame(frames.delta(2, seq + 1, T61, '0.4200', '1.00', 'yes'));
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1400);
  });

  it('survives an error frame whose market_tickers is not a list, without touching the books', () => {
    const t = setup();
    const seq = t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    const before = JSON.stringify(t.store.get(T61)!.depth());
    expect(() =>
      t.frame('{"id":2,"type":"error","msg":{"code":2,"market_tickers":5}}'),
    ).not.toThrow();
    expect(JSON.stringify(t.store.get(T61)!.depth())).toBe(before);
    t.frame(frames.delta(2, seq, T61, '0.4200', '1.00', 'yes'));
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1400);
  });

  it('takes an ok reply that repeats the current seq, or uses up the next one, as in order', () => {
    const t = setup();
    const seq = t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    t.frame(
      JSON.stringify({
        id: 9,
        sid: 2,
        seq: seq - 1,
        type: 'ok',
        msg: { market_tickers: [T61, T63] },
      }),
    );
    t.frame(frames.delta(2, seq, T61, '0.4200', '1.00', 'yes'));
    t.frame(
      JSON.stringify({
        id: 10,
        sid: 2,
        seq: seq + 1,
        type: 'ok',
        msg: { market_tickers: [T61, T63] },
      }),
    );
    t.frame(frames.delta(2, seq + 2, T61, '0.4200', '1.00', 'yes'));
    expect(t.health.gaps).toBe(0);
    expect(t.store.get(T61)!.stale).toBe(false);
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1500);
  });

  it('counts a sid-scoped error frame in the sequence, so the next delta is not a gap', () => {
    const t = setup();
    const seq = t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    t.frame(
      JSON.stringify({ sid: 2, seq, type: 'error', msg: { code: 11, msg: 'Invalid parameter' } }),
    );
    t.frame(frames.delta(2, seq + 1, T61, '0.4200', '1.00', 'yes'));
    expect(t.health.gaps).toBe(0);
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1400);
  });

  it('a delta with a bad number still counts its seq and resnapshots its book rather than guess', () => {
    const t = setup();
    const seq = t.openWithSnapshots({
      [T61]: [[['0.4200', '13.00']], []],
      [T63]: [[['0.3000', '1.00']], []],
    });
    t.frame(frames.delta(2, seq, T61, '0.42x', '1.00', 'yes'));
    expect(t.health.malformedFrames).toBe(1);
    expect(t.store.get(T61)!.staleReason).toBe('BOOK_INCONSISTENT');
    expect(t.store.get(T63)!.stale).toBe(false);
    expect(t.connection.last()).toMatchObject({
      params: { action: 'get_snapshot', market_tickers: [T61] },
    });
    t.frame(frames.delta(2, seq + 1, T63, '0.3000', '1.00', 'yes'));
    expect(t.health.gaps).toBe(0);
  });

  it('a delta below zero or off the grid marks only that book inconsistent and asks for its snapshot', () => {
    const t = setup();
    const seq = t.openWithSnapshots({
      [T61]: [[['0.4200', '13.00']], []],
      [T63]: [[['0.3000', '1.00']], []],
    });
    t.frame(frames.delta(2, seq, T61, '0.4200', '-20.00', 'yes'));
    expect(t.health.belowZeroDeltas).toBe(1);
    expect(t.store.get(T61)!.staleReason).toBe('BOOK_INCONSISTENT');
    t.frame(frames.delta(2, seq + 1, T63, '0.3050', '1.00', 'yes'));
    expect(t.health.offGridDeltas).toBe(1);
    expect(t.store.get(T63)!.staleReason).toBe('BOOK_INCONSISTENT');
    expect(t.connection.last()).toMatchObject({
      params: { action: 'get_snapshot', market_tickers: [T63] },
    });
  });

  it('marks every book stale while disconnected and subscribes everything again on reconnect', () => {
    const t = setup();
    t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    t.connection.connected = false;
    t.feed.onClose();
    expect([...t.store.all()].map((b) => b.staleReason)).toEqual(['DISCONNECTED', 'DISCONNECTED']);
    t.connection.connected = true;
    const before = t.connection.sent.length;
    t.feed.onOpen();
    expect(t.health.reconnects).toBe(1);
    expect(t.connection.sent.slice(before).map((c) => c.cmd)).toEqual(['subscribe', 'subscribe']);
    t.frame(frames.snapshot(2, 1, T61, [['0.4400', '1.00']], [])); // sid 2 is not confirmed on this connection yet
    expect(t.store.get(T61)!.stale).toBe(true);
    t.frame(frames.subscribed(t.connection.sent[before + 1].id, 2));
    t.frame(frames.snapshot(2, 1, T61, [['0.4400', '1.00']], []));
    expect([t.store.get(T61)!.stale, t.store.get(T61)!.bestBidE4()]).toEqual([false, 4400]);
  });

  it('keeps a paused market stale (MARKET_NOT_ACTIVE) after its snapshot, but in step with deltas', () => {
    const catalog = catalogWith([ladderMarket(61, { status: 'inactive' }), ladderMarket(63)]);
    const t = setup({ catalog });
    const seq = t.openWithSnapshots({ [T61]: [[['0.4200', '13.00']], []], [T63]: [[], []] });
    expect(t.store.get(T61)!.staleReason).toBe('MARKET_NOT_ACTIVE');
    t.frame(frames.delta(2, seq, T61, '0.4200', '-3.00', 'yes'));
    expect(t.store.get(T61)!.bestBidSizeE2()).toBe(1000);
  });

  it('passes lifecycle messages on, and reports a lifecycle seq gap', () => {
    const t = setup();
    t.openWithSnapshots({ [T61]: [[], []], [T63]: [[], []] });
    t.frame(
      JSON.stringify({
        type: 'market_lifecycle_v2',
        sid: 1,
        seq: 1,
        msg: { market_ticker: T65, event_type: 'created' },
      }),
    );
    t.frame(
      JSON.stringify({
        type: 'event_fee_update',
        sid: 1,
        seq: 2,
        msg: {
          event_ticker: 'KXHIGHNY-26OCT01',
          fee_type_override: 'quadratic',
          fee_multiplier_override: 1,
        },
      }),
    );
    expect(t.lifecycle).toHaveLength(2);
    t.frame(
      JSON.stringify({
        type: 'market_lifecycle_v2',
        sid: 1,
        seq: 4,
        msg: { market_ticker: T65, event_type: 'activated' },
      }),
    );
    expect(t.lifecycleGaps()).toBe(1);
  });

  it('retries a refused subscription later, leaving out markets the exchange does not know (16)', () => {
    const t = setup();
    t.feed.onOpen();
    const bookCommand = t.connection.bookSubscriptions()[0];
    t.frame(frames.error(bookCommand.id, 16, { market_ticker: T63 }));
    expect(t.store.get(T63)!.staleReason).toBe('SUBSCRIPTION_ERROR');
    t.advance(5_000);
    t.feed.tick();
    expect(t.connection.last()).toMatchObject({
      cmd: 'subscribe',
      params: { market_tickers: [T61] },
    });
  });
});
