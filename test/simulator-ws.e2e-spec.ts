import { constants, sign } from 'node:crypto';
import WebSocket from 'ws';
import {
  formatPriceE4,
  parseCountE2,
  parsePriceE4,
  parseSignedCountE2,
} from '../src/kalshi/fixed-point';
import {
  generateKeyPair,
  startSimulator,
  type RunningSimulator,
  type SimKeyPair,
} from '../src/simulator';
import { KalshiSpecValidator, kalshiSpecDir } from '../src/simulator/testing/kalshi-spec-validator';

const SPEC_DIR = kalshiSpecDir();

function signedHeaders(key: SimKeyPair, method: string, pathname: string): Record<string, string> {
  const timestamp = String(Date.now());
  const signature = sign('sha256', Buffer.from(`${timestamp}${method}${pathname}`), {
    key: key.privateKeyPem,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  }).toString('base64');
  return {
    'KALSHI-ACCESS-KEY': key.keyId,
    'KALSHI-ACCESS-TIMESTAMP': timestamp,
    'KALSHI-ACCESS-SIGNATURE': signature,
  };
}

/** A WebSocket client that keeps every frame and lets a test wait for the next one matching a predicate. */
class FrameClient {
  readonly frames: any[] = [];
  readonly pings: string[] = [];
  private readonly consumed = new Set<number>();
  private wake: (() => void) | null = null;
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')));
      this.wake?.();
    });
    ws.on('ping', (data) => {
      this.pings.push(data.toString());
      this.wake?.();
    });
  }

  static connect(url: string, headers: Record<string, string>): Promise<FrameClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new FrameClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  command(cmd: string, params?: Record<string, unknown>): number {
    const id = this.nextId++;
    this.ws.send(JSON.stringify(params ? { id, cmd, params } : { id, cmd }));
    return id;
  }

  /** The first frame not returned before that satisfies `predicate` (waiting for it if need be). */
  async next(predicate: (frame: any) => boolean, timeoutMs = 5_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.frames.length; i++) {
        if (!this.consumed.has(i) && predicate(this.frames[i])) {
          this.consumed.add(i);
          return this.frames[i];
        }
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching frame in ${timeoutMs} ms; last: ${JSON.stringify(this.frames.slice(-3))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.ws.terminate();
  }
}

describe('simulator WebSocket: subscriptions, snapshots, deltas, private channels, faults', () => {
  const validator = new KalshiSpecValidator(SPEC_DIR);
  const alice = generateKeyPair();
  let sim: RunningSimulator;
  const clients: FrameClient[] = [];

  const connect = async (key: SimKeyPair = alice) => {
    const client = await FrameClient.connect(
      sim.wsUrl,
      signedHeaders(key, 'GET', '/trade-api/ws/v2'),
    );
    clients.push(client);
    return client;
  };
  const rest = async (method: string, route: string, body?: unknown) => {
    const url = new URL(`${sim.restUrl}${route}`);
    const response = await fetch(url, {
      method,
      headers: {
        ...signedHeaders(alice, method, url.pathname),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  const tickers = () =>
    sim.exchange.catalog.markets
      .filter((m) => m.status === 'active' && m.priceLevelStructure === 'linear_cent')
      .map((m) => m.ticker);

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      seed: 7,
      markets: 120,
      startTraffic: false,
      rateLimit: 'off',
      heartbeatMs: 300,
      auth: { publicKeys: { [alice.keyId]: alice.publicKeyPem } },
    });
  });

  afterEach(() => {
    for (const client of clients) {
      for (const frame of client.frames)
        expect({ type: frame.type, errors: validator.wsErrors(frame) }).toEqual({
          type: frame.type,
          errors: [],
        });
    }
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await sim?.close();
  });

  it('refuses an unsigned or wrongly signed upgrade with 401', async () => {
    await expect(FrameClient.connect(sim.wsUrl, {})).rejects.toThrow('HTTP 401');
    const stranger = generateKeyPair();
    await expect(
      FrameClient.connect(sim.wsUrl, signedHeaders(stranger, 'GET', '/trade-api/ws/v2')),
    ).rejects.toThrow('HTTP 401');
    await expect(
      FrameClient.connect(sim.wsUrl, signedHeaders(alice, 'GET', '/trade-api/v2/markets')),
    ).rejects.toThrow('HTTP 401');
  });

  it('sends a snapshot per market, then deltas with seq + 1 per sid that rebuild the exchange’s book exactly', async () => {
    const client = await connect();
    const [a, b] = tickers();
    const id = client.command('subscribe', {
      channels: ['orderbook_delta'],
      market_tickers: [a, b],
    });
    const subscribed = await client.next((f) => f.type === 'subscribed');
    expect(subscribed).toEqual({
      id,
      type: 'subscribed',
      msg: { channel: 'orderbook_delta', sid: 1 },
    });
    const books = new Map<string, Map<string, number>>();
    const snapshots = [
      await client.next((f) => f.type === 'orderbook_snapshot'),
      await client.next((f) => f.type === 'orderbook_snapshot'),
    ];
    expect(snapshots.map((s) => [s.msg.market_ticker, s.seq])).toEqual([
      [a, 1],
      [b, 2],
    ]);
    for (const snapshot of snapshots) {
      const book = new Map<string, number>();
      for (const [price, count] of snapshot.msg.yes_dollars_fp ?? [])
        book.set(`yes ${price}`, parseCountE2(count));
      for (const [price, count] of snapshot.msg.no_dollars_fp ?? [])
        book.set(`no ${price}`, parseCountE2(count));
      books.set(snapshot.msg.market_ticker, book);
    }
    const otherTickers = tickers().slice(2);
    let seq = 2;
    for (let round = 0; round < 20; round++) {
      sim.exchange.burst(100);
    }
    const changes = sim.exchange.counter.changes;
    // Bursts run synchronously before this command is sent, so its answer comes after every delta.
    const marker = client.command('list_subscriptions');
    await client.next((f) => f.id === marker);
    const deltas = client.frames.filter((f) => f.type === 'orderbook_delta');
    expect(deltas.length).toBeGreaterThan(0);
    for (const delta of deltas) {
      expect(delta.seq).toBe(++seq);
      expect(otherTickers).not.toContain(delta.msg.market_ticker);
      expect(delta.msg.ts_ms).toEqual(expect.any(Number));
      const book = books.get(delta.msg.market_ticker)!;
      const key = `${delta.msg.side} ${delta.msg.price_dollars}`;
      const size = (book.get(key) ?? 0) + parseSignedCountE2(delta.msg.delta_fp);
      expect(size).toBeGreaterThanOrEqual(0);
      if (size === 0) book.delete(key);
      else book.set(key, size);
    }
    expect(sim.exchange.counter.changes).toBe(changes);
    for (const ticker of [a, b]) {
      const exchangeBook = (await rest('GET', `/markets/${ticker}/orderbook`)).body.orderbook_fp;
      const expected = new Map<string, number>();
      for (const [price, count] of exchangeBook.yes_dollars)
        expected.set(`yes ${price}`, parseCountE2(count));
      for (const [price, count] of exchangeBook.no_dollars)
        expected.set(`no ${price}`, parseCountE2(count));
      expect(books.get(ticker)).toEqual(expected);
    }
  });

  it('honours use_yes_price: NO levels in YES-leg prices in snapshots and deltas', async () => {
    const client = await connect();
    const [ticker] = tickers();
    client.command('subscribe', {
      channels: ['orderbook_delta'],
      market_ticker: ticker,
      use_yes_price: true,
    });
    const snapshot = await client.next((f) => f.type === 'orderbook_snapshot');
    const book = (await rest('GET', `/markets/${ticker}/orderbook`)).body.orderbook_fp;
    const complement = (price: string) => formatPriceE4(10_000 - parsePriceE4(price));
    const noAsYes = book.no_dollars
      .map(([price, count]: string[]) => [complement(price), count])
      .sort();
    expect([...snapshot.msg.no_dollars_fp].sort()).toEqual(noAsYes);
    const market = sim.exchange.catalog.market(ticker)!;
    const yesAsk = market.book.bestAskE4();
    const price = formatPriceE4(yesAsk);
    // A NO buyer (ask) resting at the best YES ask adds to the NO side at that YES price.
    await rest('POST', '/portfolio/events/orders', {
      ticker,
      side: 'ask',
      price,
      count: '2',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
      client_order_id: 'yes-priced',
    });
    const delta = await client.next((f) => f.type === 'orderbook_delta');
    expect(delta.msg).toMatchObject({
      side: 'no',
      price_dollars: price,
      delta_fp: '2.00',
      client_order_id: 'yes-priced',
    });
    await rest('DELETE', '/portfolio/events/orders');
  });

  it('shows a trade to the taker as fill, user_order, market_position, trade and a book delta with its client_order_id', async () => {
    const client = await connect();
    const ticker = tickers()[3];
    const market = sim.exchange.catalog.market(ticker)!;
    client.command('subscribe', {
      channels: ['orderbook_delta', 'trade', 'fill', 'user_orders', 'market_positions', 'ticker'],
      market_tickers: [ticker],
    });
    for (const channel of [
      'orderbook_delta',
      'trade',
      'fill',
      'user_orders',
      'market_positions',
      'ticker',
    ]) {
      await client.next((f) => f.type === 'subscribed' && f.msg.channel === channel);
    }
    const askE4 = market.book.bestAskE4();
    const askSize = market.book.bestAskSizeE2();
    const price = formatPriceE4(askE4);
    const placed = await rest('POST', '/portfolio/events/orders', {
      ticker,
      side: 'bid',
      price,
      count: '1',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'maker',
      client_order_id: 'ws-taker-1',
    });
    expect(placed.body.fill_count).toBe('1.00');

    const fill = await client.next((f) => f.type === 'fill');
    expect(fill.msg).toMatchObject({
      order_id: placed.body.order_id,
      client_order_id: 'ws-taker-1',
      market_ticker: ticker,
      is_taker: true,
      outcome_side: 'yes',
      book_side: 'bid',
      yes_price_dollars: price,
      count_fp: '1.00',
      post_position_fp: '1.00',
    });
    expect(fill.msg.fee_cost).toMatch(/^0\.\d{6}$/);
    const order = await client.next((f) => f.type === 'user_order');
    expect(order.msg).toMatchObject({
      order_id: placed.body.order_id,
      status: 'executed',
      fill_count_fp: '1.00',
      remaining_count_fp: '0.00',
      client_order_id: 'ws-taker-1',
      last_update_reason: 'Trade',
    });
    const position = await client.next((f) => f.type === 'market_position');
    expect(position.msg).toMatchObject({
      market_ticker: ticker,
      position_fp: '1.00',
      volume_fp: '1.00',
    });
    const trade = await client.next((f) => f.type === 'trade');
    expect(trade.msg).toMatchObject({
      market_ticker: ticker,
      yes_price_dollars: price,
      count_fp: '1.00',
      taker_outcome_side: 'yes',
      taker_book_side: 'bid',
    });
    const tickerFrame = await client.next((f) => f.type === 'ticker');
    expect(tickerFrame.msg.market_ticker).toBe(ticker);
    const noPrice = formatPriceE4(10_000 - askE4);
    const delta = client.frames.find((f) => f.type === 'orderbook_delta' && f.msg.side === 'no');
    expect(delta.msg).toMatchObject({
      market_ticker: ticker,
      side: 'no',
      price_dollars: noPrice,
      delta_fp: '-1.00',
    });
    // The maker was the house: its delta carries no client_order_id.
    expect(delta.msg.client_order_id).toBeUndefined();
    expect(market.book.bestAskSizeE2()).toBe(askSize - 100);

    const resting = await rest('POST', '/portfolio/events/orders', {
      ticker,
      side: 'bid',
      price: '0.0100',
      count: '3',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
      client_order_id: 'ws-maker-1',
    });
    const own = await client.next(
      (f) => f.type === 'orderbook_delta' && f.msg.client_order_id === 'ws-maker-1',
    );
    expect(own.msg).toMatchObject({
      side: 'yes',
      price_dollars: '0.0100',
      delta_fp: '3.00',
      subaccount: 0,
    });
    await rest('DELETE', `/portfolio/events/orders/${resting.body.order_id}`);
    const canceled = await client.next(
      (f) => f.type === 'user_order' && f.msg.status === 'canceled',
    );
    expect(canceled.msg.order_id).toBe(resting.body.order_id);
  });

  it('answers commands: list, add/delete markets, get_snapshot, unsubscribe, and numeric errors', async () => {
    const client = await connect();
    const [a, b, c] = tickers();
    client.command('subscribe', {
      channels: ['orderbook_delta', 'market_lifecycle_v2'],
      market_tickers: [a],
    });
    await client.next((f) => f.type === 'orderbook_snapshot');
    const list = client.command('list_subscriptions');
    expect(await client.next((f) => f.id === list)).toEqual({
      id: list,
      type: 'ok',
      msg: [
        { channel: 'orderbook_delta', sid: 1 },
        { channel: 'market_lifecycle_v2', sid: 2 },
      ],
    });
    const add = client.command('update_subscription', {
      sid: 1,
      action: 'add_markets',
      market_tickers: [b, c],
    });
    const ok = await client.next((f) => f.id === add);
    expect(ok).toMatchObject({ type: 'ok', sid: 1, seq: 1, msg: { market_tickers: [a, b, c] } });
    const added = [
      await client.next((f) => f.type === 'orderbook_snapshot'),
      await client.next((f) => f.type === 'orderbook_snapshot'),
    ];
    expect(added.map((s) => [s.msg.market_ticker, s.seq])).toEqual([
      [b, 2],
      [c, 3],
    ]);
    const snap = client.command('update_subscription', {
      sids: [1],
      action: 'get_snapshot',
      market_tickers: [b],
    });
    expect(await client.next((f) => f.type === 'orderbook_snapshot')).toMatchObject({
      id: snap,
      sid: 1,
      seq: 4,
      msg: { market_ticker: b },
    });
    const del = client.command('update_subscription', {
      sid: 1,
      action: 'delete_markets',
      market_tickers: [a],
    });
    expect(await client.next((f) => f.id === del)).toMatchObject({
      type: 'ok',
      msg: { market_tickers: [b, c] },
    });

    const errors: [number, string, Record<string, unknown> | undefined][] = [
      [12, 'update_subscription', { sids: [1, 2], action: 'add_markets', market_tickers: [a] }],
      [12, 'update_subscription', { action: 'add_markets', market_tickers: [a] }],
      [15, 'update_subscription', { sid: 1, market_tickers: [a] }],
      [13, 'update_subscription', { sid: 1, action: 'rename', market_tickers: [a] }],
      [7, 'update_subscription', { sid: 99, action: 'add_markets', market_tickers: [a] }],
      [5, 'dance', {}],
      [2, 'subscribe', undefined],
      [3, 'subscribe', { channels: [] }],
      [8, 'subscribe', { channels: ['weather'] }],
      [14, 'subscribe', { channels: ['orderbook_delta'] }],
      [11, 'subscribe', { channels: ['orderbook_delta'], market_tickers: ['NOPE-1'] }],
      [4, 'unsubscribe', {}],
    ];
    for (const [code, cmd, params] of errors) {
      const id = client.command(cmd, params);
      expect(await client.next((f) => f.id === id)).toMatchObject({ type: 'error', msg: { code } });
    }
    client.ws.send('{not json');
    expect(await client.next((f) => f.type === 'error' && f.id === undefined)).toMatchObject({
      msg: { code: 1 },
    });

    sim.exchange.pauseMarket(b);
    const lifecycle = await client.next((f) => f.type === 'market_lifecycle_v2');
    expect(lifecycle).toMatchObject({
      sid: 2,
      seq: 1,
      msg: { market_ticker: b, event_type: 'deactivated', is_deactivated: true },
    });
    sim.exchange.resumeMarket(b);
    expect(await client.next((f) => f.type === 'market_lifecycle_v2')).toMatchObject({
      seq: 2,
      msg: { event_type: 'activated' },
    });

    const unsub = client.command('unsubscribe', { sids: [1] });
    expect(await client.next((f) => f.id === unsub)).toMatchObject({
      type: 'unsubscribed',
      sid: 1,
    });
    const after = client.command('list_subscriptions');
    expect((await client.next((f) => f.id === after)).msg).toEqual([
      { channel: 'market_lifecycle_v2', sid: 2 },
    ]);
  });

  it('pings with payload "heartbeat"', async () => {
    const client = await connect();
    for (let i = 0; i < 50 && client.pings.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.pings[0]).toBe('heartbeat');
  });

  it('injects faults: a skipped seq on the next delta, a frozen connection, a dropped connection', async () => {
    const client = await connect();
    const [ticker] = tickers();
    client.command('subscribe', { channels: ['orderbook_delta'], market_tickers: [ticker] });
    const snapshot = await client.next((f) => f.type === 'orderbook_snapshot');
    const response = await fetch(`${sim.controlUrl}/ws/skip-seq`, { method: 'POST', body: '{}' });
    expect(((await response.json()) as any).subscriptions).toBeGreaterThanOrEqual(1);
    const market = sim.exchange.catalog.market(ticker)!;
    sim.exchange.engine.addHouseLiquidity(market, 'bid', market.grid.prices[0], 100);
    const gapped = await client.next((f) => f.type === 'orderbook_delta');
    expect(gapped.seq).toBe(snapshot.seq + 2);

    expect(sim.exchange.freezeConnections()).toMatchObject({ ok: true });
    const frozenAt = client.frames.length;
    sim.exchange.engine.addHouseLiquidity(market, 'bid', market.grid.prices[0], 100);
    const probe = client.command('list_subscriptions');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.frames.length).toBe(frozenAt);
    sim.exchange.unfreezeConnections();
    expect(await client.next((f) => f.id === probe)).toMatchObject({ type: 'ok' });

    const closed = new Promise<number>((resolve) =>
      client.ws.once('close', (code) => resolve(code)),
    );
    expect((await fetch(`${sim.controlUrl}/ws/drop`, { method: 'POST', body: '{}' })).status).toBe(
      200,
    );
    expect(await closed).toBe(1006);
  });
});
