import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KalshiSigner } from '../src/kalshi/auth/kalshi-signer';
import { KalshiRestClient } from '../src/kalshi/rest/kalshi-rest-client';
import type { OrderBook } from '../src/market-data/order-book/order-book';
import { OrderBookStore } from '../src/market-data/order-book/order-book-store';
import { generateKeyPair, startSimulator, type RunningSimulator } from '../src/simulator';
import { nextEvents, startTestApp, type TestApp } from './support/test-app';

interface Level {
  price: string;
  count: string;
}
interface BookView {
  ticker: string;
  stale: boolean;
  staleReason: string | null;
  yesBids: Level[];
  noBids: Level[];
}
interface FeedView {
  connected: boolean;
  trackedMarkets: number;
  staleBooks: number;
  framesReceived: number;
  gaps: number;
  resyncs: number;
  reconnects: number;
  malformedFrames: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 500)}`);
    await sleep(100);
    last = await read();
  }
  return last;
}

describe('market data against the simulator: books equal the exchange after bursts, a seq gap and a dropped connection', () => {
  let simulator: RunningSimulator;
  let app: TestApp;
  let exchangeRest: KalshiRestClient;
  let tickers: string[];
  let recordDir: string;
  const bookEvents: { ticker: string; stale: boolean; reason: string | null }[] = [];

  beforeAll(async () => {
    const keys = generateKeyPair();
    simulator = await startSimulator({
      port: 0,
      seed: 11,
      markets: 40,
      startTraffic: false,
      auth: { publicKeys: { [keys.keyId]: keys.publicKeyPem } },
    });
    recordDir = mkdtempSync(join(tmpdir(), 'kalshi-arb-record-'));
    app = await startTestApp(
      {
        KALSHI_API_URL: simulator.restUrl,
        KALSHI_WS_URL: simulator.wsUrl,
        KALSHI_API_KEY: keys.keyId,
        KALSHI_API_SECRET: keys.privateKeyPem,
        ORDER_BOOK_UPDATES_PER_SECOND: '10',
      },
      ['--mode', 'simulation', '--record', join(recordDir, 'frames.jsonl')],
    );
    app.running.app
      .get(OrderBookStore)
      .onBookChanged((book: OrderBook) =>
        bookEvents.push({ ticker: book.ticker, stale: book.stale, reason: book.staleReason }),
      );
    exchangeRest = new KalshiRestClient({
      baseUrl: simulator.restUrl,
      signer: new KalshiSigner(keys.keyId, keys.privateKeyPem),
    });
    const markets = await app.graphql<{ markets: { ticker: string }[] }>(
      '{ markets(page: { limit: 1000 }) { ticker } }',
    );
    tickers = markets.data!.markets.map((m) => m.ticker);
  });

  afterAll(async () => {
    await app?.close();
    await simulator?.close();
    if (recordDir) rmSync(recordDir, { recursive: true, force: true });
  });

  const feed = async () =>
    (
      await app.graphql<{ feedStatus: FeedView }>(
        '{ feedStatus { connected trackedMarkets staleBooks framesReceived gaps resyncs reconnects malformedFrames } }',
      )
    ).data!.feedStatus;

  /** Every tracked book, as the app serves it over GraphQL. */
  async function appBooks(): Promise<Map<string, BookView>> {
    const query = `{ ${tickers.map((t, i) => `b${i}: orderBook(ticker: ${JSON.stringify(t)}, depth: 100) { ticker stale staleReason yesBids { price count } noBids { price count } }`).join(' ')} }`;
    const result = await app.graphql<Record<string, BookView>>(query);
    expect(result.errors).toBeUndefined();
    return new Map(Object.values(result.data!).map((book) => [book.ticker, book]));
  }

  /** Every book as the exchange's REST API serves it (ascending), turned best-first like the app's. */
  async function exchangeBooks(): Promise<Map<string, { yesBids: Level[]; noBids: Level[] }>> {
    const books = new Map<string, { yesBids: Level[]; noBids: Level[] }>();
    for (const ticker of tickers) {
      const { orderbook_fp: book } = await exchangeRest.getOrderBook(ticker);
      const levels = (side: [string, string][] | null | undefined) =>
        (side ?? []).map(([price, count]) => ({ price, count })).reverse();
      books.set(ticker, { yesBids: levels(book.yes_dollars), noBids: levels(book.no_dollars) });
    }
    return books;
  }

  /** Waits for the feed to go quiet (traffic is paused), then checks: no non-stale book differs from the exchange. */
  async function settledComparison() {
    let previous = -1;
    await until('a quiet feed', feed, (status) => {
      const quiet = status.framesReceived === previous;
      previous = status.framesReceived;
      return quiet;
    });
    const [ours, theirs] = [await appBooks(), await exchangeBooks()];
    const differing = tickers.filter(
      (t) =>
        JSON.stringify({ yesBids: ours.get(t)!.yesBids, noBids: ours.get(t)!.noBids }) !==
        JSON.stringify(theirs.get(t)),
    );
    const liveButWrong = differing.filter((t) => !ours.get(t)!.stale);
    return { ours, differing, liveButWrong };
  }

  async function expectAllBooksEqualAndLive() {
    await until('every book live', feed, (status) => status.connected && status.staleBooks === 0);
    const { ours, differing, liveButWrong } = await settledComparison();
    expect(liveButWrong).toEqual([]);
    expect(differing).toEqual([]);
    expect([...ours.values()].filter((b) => b.stale)).toEqual([]);
  }

  it('tracks every active market of the exchange and builds each book from its snapshot', async () => {
    const activeOnExchange = (simulator.exchange.status() as { activeMarkets: number })
      .activeMarkets;
    expect(tickers.length).toBe(activeOnExchange);
    expect(tickers.length).toBeGreaterThan(10);
    await expectAllBooksEqualAndLive();
  });

  it('stays equal to the exchange through bursts of book changes', async () => {
    for (let round = 0; round < 3; round++) {
      expect(simulator.exchange.burst(2_000)).toMatchObject({ ok: true });
      await expectAllBooksEqualAndLive();
    }
    expect((await feed()).gaps).toBe(0);
  });

  it('after an injected seq gap, marks the books of that subscription stale, never serves them live while wrong, and resyncs', async () => {
    const before = await feed();
    bookEvents.length = 0;
    expect(simulator.exchange.skipSeq()).toMatchObject({ ok: true });
    simulator.exchange.burst(500);
    const { liveButWrong } = await settledComparison();
    expect(liveButWrong).toEqual([]);
    const after = await until('the gap to be seen', feed, (status) => status.gaps > before.gaps);
    expect(after.resyncs).toBeGreaterThan(before.resyncs);
    // The store's listeners (the arbitrage engine) were told: the books went stale for SEQ_GAP first.
    expect(bookEvents.some((e) => e.stale && e.reason === 'SEQ_GAP')).toBe(true);
    await expectAllBooksEqualAndLive();
    simulator.exchange.burst(500);
    await expectAllBooksEqualAndLive();
  });

  it('after a dropped connection, marks every book stale, reconnects, resubscribes and rebuilds every book', async () => {
    const before = await feed();
    bookEvents.length = 0;
    expect(simulator.exchange.dropConnections()).toMatchObject({ ok: true });
    simulator.exchange.burst(1_000); // changes the app cannot see while it is away
    const after = await until(
      'the reconnect',
      feed,
      (status) => status.reconnects > before.reconnects && status.connected,
    );
    expect(after.reconnects).toBe(before.reconnects + 1);
    expect(
      new Set(bookEvents.filter((e) => e.reason === 'DISCONNECTED').map((e) => e.ticker)).size,
    ).toBe(tickers.length);
    await expectAllBooksEqualAndLive();
    simulator.exchange.burst(1_000);
    await expectAllBooksEqualAndLive();
    expect((await feed()).malformedFrames).toBe(0);
  });

  it('streams throttled orderBookUpdated events for the subscribed market', async () => {
    const ticker = tickers[0];
    const events = nextEvents<{
      orderBookUpdated: { ticker: string; stale: boolean; depth: number; yesBids: Level[] };
    }>(
      app.wsClient(),
      `subscription { orderBookUpdated(ticker: ${JSON.stringify(ticker)}, depth: 2) { ticker stale depth yesBids { price count } } }`,
      2,
    );
    await sleep(200);
    const pump = setInterval(() => simulator.exchange.burst(200), 100);
    try {
      const received = await events;
      expect(received.map((e) => e.orderBookUpdated.ticker)).toEqual([ticker, ticker]);
      expect(
        received.every(
          (e) => e.orderBookUpdated.yesBids.length <= 2 && e.orderBookUpdated.depth === 2,
        ),
      ).toBe(true);
    } finally {
      clearInterval(pump);
    }
  });

  it('answers catalog queries and rejects bad arguments with clear, coded errors', async () => {
    const market = await app.graphql<{
      market: { ticker: string; eventTicker: string; priceRanges: { step: string }[] };
    }>(
      `{ market(ticker: ${JSON.stringify(tickers[0])}) { ticker eventTicker priceRanges { step } } }`,
    );
    expect(market.data!.market.ticker).toBe(tickers[0]);
    const event = await app.graphql<{
      event: { eventTicker: string; feeMultiplier: string; markets: { ticker: string }[] };
    }>(
      `{ event(ticker: ${JSON.stringify(market.data!.market.eventTicker)}) { eventTicker feeMultiplier markets { ticker } } }`,
    );
    expect(event.data!.event.markets.map((m) => m.ticker)).toContain(tickers[0]);
    expect(event.data!.event.feeMultiplier).toMatch(/^\d+\.\d{4}$/);
    const unknown = await app.graphql('{ orderBook(ticker: "KXNOPE-1", depth: 5) { ticker } }');
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'no tracked market has the ticker "KXNOPE-1"',
      extensions: { code: 'MARKET_NOT_FOUND' },
    });
    const deep = await app.graphql(
      `{ orderBook(ticker: ${JSON.stringify(tickers[0])}, depth: 0) { ticker } }`,
    );
    expect(deep.errors?.[0]).toMatchObject({
      message: 'depth must be a whole number from 1 to 100 (got 0)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const noEvent = await app.graphql('{ event(ticker: "NOPE") { eventTicker } }');
    expect(noEvent.errors?.[0].extensions?.code).toBe('EVENT_NOT_FOUND');
  });

  it('reports the feed in systemStatus and as Prometheus metrics, and records raw frames', async () => {
    const status = await app.graphql<{
      systemStatus: { feed: { source: string; connected: boolean; trackedMarkets: number } };
    }>('{ systemStatus { feed { source connected trackedMarkets } } }');
    expect(status.data!.systemStatus.feed).toEqual({
      source: 'custom',
      connected: true,
      trackedMarkets: tickers.length,
    });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^kalshi_feed_frames_total \d+/m);
    expect(metrics).toMatch(/^kalshi_feed_seq_gaps_total [1-9]/m);
    expect(metrics).toMatch(/^kalshi_feed_connected 1/m);
    await sleep(300);
    const lines = readFileSync(join(recordDir, 'frames.jsonl'), 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0]) as { t: number; frame: string };
    expect(typeof first.t).toBe('number');
    expect(JSON.parse(first.frame)).toHaveProperty('type');
    expect(lines.length).toBeGreaterThan(1000);
  });
});
