import { constants, sign } from 'node:crypto';
import path from 'node:path';
import { formatPriceE4 } from '../src/kalshi/fixed-point';
import {
  generateKeyPair,
  startSimulator,
  type RunningSimulator,
  type SimKeyPair,
} from '../src/simulator';
import { KalshiSpecValidator, kalshiSpecDir } from '../src/simulator/testing/kalshi-spec-validator';

const SPEC_DIR = kalshiSpecDir();
const SDK_DIR = path.resolve(__dirname, '../node_modules/kalshi-typescript');

interface Reply {
  status: number;
  body: any;
}

/** Kalshi's signing: base64 RSA-PSS SHA-256 of timestamp + METHOD + path without the query. */
function signedHeaders(
  key: SimKeyPair,
  method: string,
  url: URL,
  timestamp = Date.now(),
): Record<string, string> {
  const signature = sign('sha256', Buffer.from(`${timestamp}${method}${url.pathname}`), {
    key: key.privateKeyPem,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  }).toString('base64');
  return {
    'KALSHI-ACCESS-KEY': key.keyId,
    'KALSHI-ACCESS-TIMESTAMP': String(timestamp),
    'KALSHI-ACCESS-SIGNATURE': signature,
  };
}

describe('simulator REST: Kalshi shapes, auth, orders, errors, faults', () => {
  const validator = new KalshiSpecValidator(SPEC_DIR);
  const alice = generateKeyPair();
  const bob = generateKeyPair();
  let sim: RunningSimulator;

  async function call(
    method: string,
    route: string,
    options: { key?: SimKeyPair; body?: unknown; base?: string } = {},
  ): Promise<Reply> {
    const url = new URL(`${options.base ?? sim.restUrl}${route}`);
    const headers: Record<string, string> = options.key
      ? signedHeaders(options.key, method, url)
      : {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** Calls and checks the body against openapi.yaml for that path template and status. */
  async function valid(
    method: string,
    route: string,
    template: string,
    options: { key?: SimKeyPair; body?: unknown } = {},
  ): Promise<any> {
    const reply = await call(method, route, options);
    expect(validator.restErrors(method, template, reply.status, reply.body)).toEqual([]);
    return reply.body;
  }

  /** `extra`: fields openapi.yaml 3.13 still requires that the 3.30 model dropped. */
  function sdkShape(body: any, model: string, extra: string[] = []): void {
    const errors = KalshiSpecValidator.sdkModelErrors(body, model, SDK_DIR);
    expect(
      errors.filter((e) => !extra.some((field) => e.endsWith(`unknown field ${field}`))),
    ).toEqual([]);
  }

  const control = async (route: string, body: unknown = {}) => {
    const response = await fetch(`${sim.controlUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      seed: 42,
      markets: 250,
      startTraffic: false,
      rateLimit: 'off',
      auth: { publicKeys: { [alice.keyId]: alice.publicKeyPem, [bob.keyId]: bob.publicKeyPem } },
    });
  });

  afterAll(async () => {
    await sim?.close();
  });

  it('serves public market data unsigned, in the shapes of openapi.yaml', async () => {
    const status = await valid('GET', '/exchange/status', '/exchange/status');
    expect(status).toMatchObject({ exchange_active: true, trading_active: true });
    const series = await valid('GET', '/series', '/series');
    expect(series.series.length).toBeGreaterThan(3);
    await valid('GET', `/series/${series.series[0].ticker}`, '/series/{series_ticker}');
    const events = await valid('GET', '/events?with_nested_markets=true&limit=5', '/events');
    expect(events.events[0].markets.length).toBeGreaterThan(1);
    const event = await valid(
      'GET',
      `/events/${events.events[0].event_ticker}?with_nested_markets=true`,
      '/events/{event_ticker}',
    );
    expect(event.event.markets.map((m: any) => m.ticker)).toEqual(
      event.markets.map((m: any) => m.ticker),
    );
    const market = await valid('GET', `/markets/${event.markets[0].ticker}`, '/markets/{ticker}');
    expect(market.market).toMatchObject({
      status: 'active',
      price_ranges: expect.any(Array),
      price_level_structure: expect.any(String),
    });
    const book = await valid(
      'GET',
      `/markets/${event.markets[0].ticker}/orderbook?depth=3`,
      '/markets/{ticker}/orderbook',
    );
    expect(book.orderbook_fp.yes_dollars.length).toBeLessThanOrEqual(3);
    const books = await valid(
      'GET',
      `/markets/orderbooks?tickers=${event.markets[0].ticker}&tickers=${event.markets[1].ticker}`,
      '/markets/orderbooks',
    );
    expect(books.orderbooks.map((b: any) => b.ticker)).toEqual([
      event.markets[0].ticker,
      event.markets[1].ticker,
    ]);
  });

  it('returns order books as bids only, ascending, best last, in 4-decimal dollars and 2-decimal counts', async () => {
    const ticker = sim.exchange.catalog.markets[0].ticker;
    const { orderbook_fp: book } = (await call('GET', `/markets/${ticker}/orderbook`)).body;
    for (const side of [book.yes_dollars, book.no_dollars]) {
      const prices = side.map(([price]: string[]) => price);
      expect(prices).toEqual([...prices].sort());
      for (const [price, count] of side) {
        expect(price).toMatch(/^0\.\d{4}$/);
        expect(count).toMatch(/^\d+\.\d{2}$/);
      }
    }
    const bestYesBid = book.yes_dollars.at(-1)[0];
    const bestNoBid = book.no_dollars.at(-1)[0];
    const market = (await call('GET', `/markets/${ticker}`)).body.market;
    expect(market.yes_bid_dollars).toBe(bestYesBid);
    expect(market.no_bid_dollars).toBe(bestNoBid);
  });

  it('pages /markets with filters until the cursor is ""', async () => {
    const seriesTicker = sim.exchange.catalog.series[1].ticker;
    const expected = sim.exchange.catalog.markets
      .filter((m) => m.event.series.ticker === seriesTicker)
      .map((m) => m.ticker);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await valid(
        'GET',
        `/markets?series_ticker=${seriesTicker}&status=open&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        '/markets',
      );
      expect(page.markets.length).toBeLessThanOrEqual(7);
      seen.push(...page.markets.map((m: any) => m.ticker));
      cursor = page.cursor;
    } while (cursor !== '');
    expect(seen).toEqual(expected);
    const eventTicker = sim.exchange.catalog.events[0].eventTicker;
    const byEvent = (await call('GET', `/markets?event_ticker=${eventTicker}`)).body.markets;
    expect(byEvent.every((m: any) => m.event_ticker === eventTicker)).toBe(true);
    const byTickers = (await call('GET', `/markets?tickers=${expected[0]},${expected[1]}`)).body
      .markets;
    expect(byTickers.map((m: any) => m.ticker)).toEqual(expected.slice(0, 2));
    expect(await call('GET', '/markets?status=bogus')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_parameters' } },
    });
    expect(await call('GET', '/markets?limit=1001')).toMatchObject({ status: 400 });
    expect(await call('GET', '/markets/NOPE-1')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('requires a valid signature on portfolio endpoints: 401 unsigned, wrong key, stale or forged', async () => {
    expect(await call('GET', '/portfolio/balance')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    const url = new URL(`${sim.restUrl}/portfolio/balance`);
    const stale = signedHeaders(alice, 'GET', url, Date.now() - 3_600_000);
    expect((await fetch(url, { headers: stale })).status).toBe(401);
    const forged = { ...signedHeaders(alice, 'GET', url), 'KALSHI-ACCESS-KEY': bob.keyId };
    expect((await fetch(url, { headers: forged })).status).toBe(401);
    const otherPath = signedHeaders(alice, 'GET', new URL(`${sim.restUrl}/portfolio/positions`));
    expect((await fetch(url, { headers: otherPath })).status).toBe(401);
    // The query string is not part of the signed path.
    const withQuery = new URL(`${sim.restUrl}/portfolio/orders?limit=5`);
    expect(
      (await fetch(withQuery, { headers: signedHeaders(alice, 'GET', withQuery) })).status,
    ).toBe(200);
    const balance = await valid('GET', '/portfolio/balance', '/portfolio/balance', { key: alice });
    expect(balance).toMatchObject({ balance: 10_000_000, balance_dollars: '100000.0000' });
    sdkShape(balance, 'get-balance-response');
    const limits = await valid('GET', '/account/limits', '/account/limits', { key: alice });
    expect(limits).toMatchObject({ usage_tier: 'unlimited' });
  });

  it('trades Alice’s V2 bid against Bob’s resting ask: orders, fills, positions and balances in Kalshi shapes', async () => {
    const market = sim.exchange.catalog.markets.find(
      (m) => m.priceLevelStructure === 'linear_cent' && m.book.bestBidE4() > 0,
    )!;
    const askPrice = formatPriceE4(market.book.bestBidE4() + 100);
    // Bob rests inside the spread (a cent over the best bid), so Alice's bid meets Bob first.
    const bobOrder = await call('POST', '/portfolio/events/orders', {
      key: bob,
      body: {
        ticker: market.ticker,
        side: 'ask',
        price: askPrice,
        count: '5',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'taker_at_cross',
        client_order_id: 'bob-1',
      },
    });
    expect(bobOrder.status).toBe(201);
    sdkShape(bobOrder.body, 'create-order-v2-response');
    expect(bobOrder.body).toMatchObject({
      client_order_id: 'bob-1',
      fill_count: '0.00',
      remaining_count: '5.00',
    });

    const aliceOrder = await call('POST', '/portfolio/events/orders', {
      key: alice,
      body: {
        ticker: market.ticker,
        side: 'bid',
        price: askPrice,
        count: '3',
        time_in_force: 'immediate_or_cancel',
        self_trade_prevention_type: 'taker_at_cross',
        client_order_id: 'alice-1',
      },
    });
    expect(aliceOrder.status).toBe(201);
    sdkShape(aliceOrder.body, 'create-order-v2-response');
    expect(aliceOrder.body).toMatchObject({
      fill_count: '3.00',
      remaining_count: '0.00',
      average_fill_price: askPrice,
    });

    const orders = await valid(
      'GET',
      `/portfolio/orders?ticker=${market.ticker}`,
      '/portfolio/orders',
      { key: alice },
    );
    expect(orders.orders[0]).toMatchObject({
      order_id: aliceOrder.body.order_id,
      status: 'executed',
      book_side: 'bid',
      outcome_side: 'yes',
      fill_count_fp: '3.00',
    });
    sdkShape(orders.orders[0], 'order');
    const one = await valid(
      'GET',
      `/portfolio/orders/${aliceOrder.body.order_id}`,
      '/portfolio/orders/{order_id}',
      { key: alice },
    );
    expect(one.order.client_order_id).toBe('alice-1');
    const fills = await valid('GET', '/portfolio/fills', '/portfolio/fills', { key: alice });
    expect(fills.fills).toHaveLength(1);
    expect(fills.fills[0]).toMatchObject({
      is_taker: true,
      count_fp: '3.00',
      yes_price_dollars: askPrice,
    });
    sdkShape(fills.fills[0], 'fill');
    const positions = await valid('GET', '/portfolio/positions', '/portfolio/positions', {
      key: alice,
    });
    expect(positions.market_positions[0]).toMatchObject({
      ticker: market.ticker,
      position_fp: '3.00',
    });
    sdkShape(positions.market_positions[0], 'market-position', ['resting_orders_count']);
    sdkShape(positions.event_positions[0], 'event-position');
    const bobPositions = (await call('GET', '/portfolio/positions', { key: bob })).body;
    expect(bobPositions.market_positions[0].position_fp).toBe('-3.00');
    const bobResting = (await call('GET', '/portfolio/orders?status=resting', { key: bob })).body
      .orders;
    expect(bobResting[0]).toMatchObject({
      remaining_count_fp: '2.00',
      fill_count_fp: '3.00',
      maker_fill_cost_dollars: expect.stringMatching(/^\d+\.\d{6}$/),
    });
  });

  it('answers order mistakes with Kalshi’s wrapped errors and changes nothing', async () => {
    const market = sim.exchange.catalog.markets.find(
      (m) => m.priceLevelStructure === 'linear_cent',
    )!;
    const order = (overrides: Record<string, unknown>) => ({
      ticker: market.ticker,
      side: 'bid',
      price: '0.0100',
      count: '1',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
      ...overrides,
    });
    const before = (await call('GET', '/portfolio/orders', { key: alice })).body.orders.length;
    const offGrid = await call('POST', '/portfolio/events/orders', {
      key: alice,
      body: order({ price: '0.0150' }),
    });
    expect(offGrid).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_price', message: expect.any(String) } },
    });
    expect(validator.restErrors('POST', '/portfolio/orders', 400, offGrid.body.error)).toEqual([]);
    expect(
      await call('POST', '/portfolio/events/orders', { key: alice, body: order({ side: 'buy' }) }),
    ).toMatchObject({ status: 400 });
    expect(
      await call('POST', '/portfolio/events/orders', {
        key: alice,
        body: order({ count: '1.005' }),
      }),
    ).toMatchObject({ status: 400 });
    expect(
      await call('POST', '/portfolio/events/orders', {
        key: alice,
        body: order({ ticker: 'NOPE' }),
      }),
    ).toMatchObject({ status: 404 });
    expect(
      await call('POST', '/portfolio/events/orders', {
        key: alice,
        body: order({ time_in_force: undefined }),
      }),
    ).toMatchObject({ status: 400 });
    const raw = await fetch(`${sim.restUrl}/portfolio/events/orders`, {
      method: 'POST',
      headers: {
        ...signedHeaders(alice, 'POST', new URL(`${sim.restUrl}/portfolio/events/orders`)),
        'content-type': 'application/json',
      },
      body: '{"ticker":',
    });
    expect(raw.status).toBe(400);
    expect((await call('GET', '/portfolio/orders', { key: alice })).body.orders).toHaveLength(
      before,
    );

    expect(
      (
        await call('POST', '/portfolio/events/orders', {
          key: alice,
          body: order({ client_order_id: 'dup-1' }),
        })
      ).status,
    ).toBe(201);
    const duplicate = await call('POST', '/portfolio/events/orders', {
      key: alice,
      body: order({ client_order_id: 'dup-1', price: '0.0200' }),
    });
    expect(duplicate).toMatchObject({
      status: 409,
      body: { error: { code: 'order_already_exists' } },
    });
  });

  it('batches, amends, decreases and cancels V2 orders in the kalshi-typescript 3.30 shapes', async () => {
    const markets = sim.exchange.catalog.markets
      .filter((m) => m.priceLevelStructure === 'linear_cent')
      .slice(2, 4);
    const item = (ticker: string, id: string) => ({
      ticker,
      side: 'bid',
      price: '0.0200',
      count: '4',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
      client_order_id: id,
    });
    const batch = await call('POST', '/portfolio/events/orders/batched', {
      key: alice,
      body: {
        orders: [
          item(markets[0].ticker, 'b-1'),
          item(markets[1].ticker, 'b-2'),
          { ...item(markets[1].ticker, 'b-3'), price: '0.0250' },
        ],
      },
    });
    expect(batch.status).toBe(201);
    sdkShape(batch.body, 'batch-create-orders-v2-response');
    for (const entry of batch.body.orders)
      sdkShape(entry, 'batch-create-orders-v2-response-orders-inner');
    expect(batch.body.orders[2]).toMatchObject({
      client_order_id: 'b-3',
      error: { code: 'invalid_price' },
    });
    const [first, second] = batch.body.orders;

    const amended = await call('POST', `/portfolio/events/orders/${first.order_id}/amend`, {
      key: alice,
      body: {
        ticker: markets[0].ticker,
        side: 'bid',
        price: '0.0300',
        count: '6',
        updated_client_order_id: 'b-1a',
      },
    });
    expect(amended.status).toBe(200);
    sdkShape(amended.body, 'amend-order-v2-response');
    expect(amended.body).toMatchObject({ client_order_id: 'b-1a', remaining_count: '6.00' });

    const decreased = await call('POST', `/portfolio/events/orders/${first.order_id}/decrease`, {
      key: alice,
      body: { reduce_by: '2' },
    });
    expect(decreased.status).toBe(200);
    sdkShape(decreased.body, 'decrease-order-v2-response');
    expect(decreased.body.remaining_count).toBe('4.00');
    expect(
      await call('POST', `/portfolio/events/orders/${first.order_id}/decrease`, {
        key: alice,
        body: { reduce_by: '1', reduce_to: '1' },
      }),
    ).toMatchObject({ status: 400 });

    const canceled = await call('DELETE', `/portfolio/events/orders/${first.order_id}`, {
      key: alice,
    });
    expect(canceled.status).toBe(200);
    sdkShape(canceled.body, 'cancel-order-v2-response');
    expect(canceled.body).toMatchObject({ order_id: first.order_id, reduced_by: '4.00' });
    expect(
      await call('DELETE', `/portfolio/events/orders/${first.order_id}`, { key: alice }),
    ).toMatchObject({ status: 400 });

    const batchCancel = await call('DELETE', '/portfolio/events/orders/batched', {
      key: alice,
      body: { orders: [{ order_id: second.order_id }, { order_id: 'nope' }] },
    });
    expect(batchCancel.status).toBe(200);
    sdkShape(batchCancel.body, 'batch-cancel-orders-v2-response');
    for (const entry of batchCancel.body.orders)
      sdkShape(entry, 'batch-cancel-orders-v2-response-orders-inner');
    expect(batchCancel.body.orders[0]).toMatchObject({ reduced_by: '4.00' });
    expect(batchCancel.body.orders[1]).toMatchObject({ error: { code: 'not_found' } });

    await call('POST', '/portfolio/events/orders', {
      key: alice,
      body: item(markets[0].ticker, 'c-1'),
    });
    const all = await call('DELETE', '/portfolio/events/orders', { key: alice });
    expect(all.status).toBe(204);
    expect(
      (await call('GET', '/portfolio/orders?status=resting', { key: alice })).body.orders,
    ).toEqual([]);
  });

  it('settles a market through the control API: $1 per winning contract, a settlement record, the market finalized', async () => {
    const market = sim.exchange.catalog.markets.find(
      (m) => m.priceLevelStructure === 'linear_cent' && m !== sim.exchange.catalog.markets[0],
    )!;
    const ask = market.book.bestAskE4();
    const price = formatPriceE4(ask);
    const bought = await call('POST', '/portfolio/events/orders', {
      key: bob,
      body: {
        ticker: market.ticker,
        side: 'bid',
        price,
        count: '2',
        time_in_force: 'fill_or_kill',
        self_trade_prevention_type: 'maker',
      },
    });
    expect(bought.body.fill_count).toBe('2.00');
    const before = (await call('GET', '/portfolio/balance', { key: bob })).body.balance;
    expect(await control(`/markets/${market.ticker}/settle`, { result: 'bogus' })).toMatchObject({
      status: 400,
    });
    expect(
      (await control(`/markets/${market.ticker}/settle`, { result: 'yes' })).body,
    ).toMatchObject({ status: 'finalized', accountsPaid: 1 });
    expect((await call('GET', '/portfolio/balance', { key: bob })).body.balance).toBe(before + 200);
    const settlements = await valid('GET', '/portfolio/settlements', '/portfolio/settlements', {
      key: bob,
    });
    expect(settlements.settlements[0]).toMatchObject({
      ticker: market.ticker,
      market_result: 'yes',
      yes_count_fp: '2.00',
      revenue: 200,
    });
    sdkShape(settlements.settlements[0], 'settlement');
    const settled = await valid('GET', `/markets/${market.ticker}`, '/markets/{ticker}');
    expect(settled.market).toMatchObject({ status: 'finalized', result: 'yes' });
    const refused = await call('POST', '/portfolio/events/orders', {
      key: bob,
      body: {
        ticker: market.ticker,
        side: 'bid',
        price: '0.5000',
        count: '1',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'maker',
      },
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'market_closed' } } });
  });

  it('pauses and resumes a market: only active markets trade, and reactivation clears the book before traders return', async () => {
    const ticker = sim.exchange.catalog.markets[5].ticker;
    expect((await control(`/markets/${ticker}/pause`)).body.status).toBe('inactive');
    const paused = await call('POST', '/portfolio/events/orders', {
      key: alice,
      body: {
        ticker,
        side: 'bid',
        price: '0.0100',
        count: '1',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'maker',
      },
    });
    expect(paused).toMatchObject({ status: 400, body: { error: { code: 'market_closed' } } });
    expect(
      (await call('GET', `/markets?status=paused`)).body.markets.map((m: any) => m.ticker),
    ).toEqual([ticker]);
    expect((await control(`/markets/${ticker}/resume`)).body.status).toBe('active');
    const book = await fetch(`${sim.controlUrl}/markets/${ticker}/book`);
    expect(((await book.json()) as any).orderbook_fp.yes_dollars.length).toBeGreaterThan(0);
  });

  it('fails the next requests on demand: 503 wrapped, 429 as {"error":"too many requests"}', async () => {
    expect((await control('/http/fail', { status: 503, count: 2 })).status).toBe(200);
    expect(await call('GET', '/exchange/status')).toMatchObject({
      status: 503,
      body: { error: { code: 'service_unavailable' } },
    });
    expect((await call('GET', '/exchange/status')).status).toBe(503);
    expect((await call('GET', '/exchange/status')).status).toBe(200);
    await control('/http/fail', { status: 429, count: 1 });
    expect(await call('GET', '/series')).toEqual({
      status: 429,
      body: { error: 'too many requests' },
    });
    expect(await control('/http/fail', { status: 500, count: 1 })).toMatchObject({ status: 400 });
  });

  it('rejects, delays and partially fills orders on demand', async () => {
    const market = sim.exchange.catalog.markets.find(
      (m) =>
        m.priceLevelStructure === 'linear_cent' &&
        m.status === 'active' &&
        m.book.bestAskSizeE2() >= 1_000,
    )!;
    const price = formatPriceE4(market.book.bestAskE4());
    const ioc = {
      ticker: market.ticker,
      side: 'bid',
      price,
      count: '10',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'maker',
    };
    await control('/orders/reject', { count: 1, status: 503, code: 'service_unavailable' });
    expect(await call('POST', '/portfolio/events/orders', { key: alice, body: ioc })).toMatchObject(
      { status: 503, body: { error: { code: 'service_unavailable' } } },
    );
    await control('/orders/partial-fills', { count: 1, percent: 50 });
    expect(
      (await call('POST', '/portfolio/events/orders', { key: alice, body: ioc })).body,
    ).toMatchObject({ fill_count: '5.00', remaining_count: '0.00' });
    await control('/orders/delay', { ms: 500 });
    let settled = false;
    const delayed = call('DELETE', '/portfolio/events/orders', { key: alice }).then((reply) => {
      settled = true;
      return reply;
    });
    // Reads are not delayed: the status answers while the order call is still held.
    expect(
      ((await fetch(`${sim.controlUrl}/status`).then((r) => r.json())) as any).faults.orderDelayMs,
    ).toBe(500);
    expect(settled).toBe(false);
    expect((await delayed).status).toBe(204);
    await control('/faults/clear');
  });

  it('limits Basic-tier clients to 200 read tokens a second at 10 per request: the 21st burst request is a 429', async () => {
    const limited = await startSimulator({
      port: 0,
      markets: 20,
      startTraffic: false,
      rateLimit: 'basic',
    });
    try {
      const limits = (await call('GET', '/account/limits', { base: limited.restUrl })).body;
      expect(limits).toMatchObject({
        usage_tier: 'basic',
        read: { refill_rate: 200, bucket_capacity: 200 },
        write: { refill_rate: 100 },
      });
      const replies = await Promise.all(
        Array.from({ length: 40 }, () =>
          call('GET', '/exchange/status', { base: limited.restUrl }),
        ),
      );
      const ok = replies.filter((r) => r.status === 200);
      const limitedReplies = replies.filter((r) => r.status === 429);
      expect(ok.length).toBeGreaterThanOrEqual(19);
      expect(limitedReplies.length).toBeGreaterThan(0);
      expect(limitedReplies[0].body).toEqual({ error: 'too many requests' });
    } finally {
      await limited.close();
    }
  });
});
