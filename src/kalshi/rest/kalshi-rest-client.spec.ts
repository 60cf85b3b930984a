import { constants, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KalshiSigner } from '../auth/kalshi-signer';
import { testRsaKeys } from '../testing/test-keys';
import { KalshiApiError } from './kalshi-api-error';
import { KalshiRateLimiter, tierFromAccountLimits } from './kalshi-rate-limiter';
import { KalshiRestClient } from './kalshi-rest-client';
import { TokenBucket } from './token-bucket';

const keys = testRsaKeys();

interface Seen {
  method: string;
  url: string;
  body: string;
  signatureValid: boolean;
}

/** A loopback HTTP server answering from a script of (status, body) per request, verifying signatures as Kalshi does. */
async function startServer(answer: (request: Seen, index: number) => [number, string]) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const message = `${String(req.headers['kalshi-access-timestamp'])}${req.method}${path}`;
      const signatureValid = verify(
        'sha256',
        Buffer.from(message),
        { key: keys.publicKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        Buffer.from(String(req.headers['kalshi-access-signature']), 'base64'),
      );
      const request = { method: req.method ?? '', url: req.url ?? '', body, signatureValid };
      seen.push(request);
      const [status, text] = answer(request, seen.length - 1);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
  return { seen, baseUrl, close: () => new Promise((resolve) => server.close(resolve)) };
}

function client(
  baseUrl: string,
  extra: Partial<ConstructorParameters<typeof KalshiRestClient>[0]> = {},
) {
  const delays: number[] = [];
  const rest = new KalshiRestClient({
    baseUrl,
    signer: new KalshiSigner('key-1', keys.privateKeyPem),
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { rest, delays };
}

describe('KalshiRestClient', () => {
  it('signs every request over the path without its query, and reads typed responses', async () => {
    const server = await startServer(() => [
      200,
      '{"orderbook_fp":{"yes_dollars":[["0.4100","10.00"],["0.4200","13.00"]],"no_dollars":[["0.5500","17.00"]]}}',
    ]);
    const { rest } = client(server.baseUrl);
    const book = await rest.getOrderBook('KXHIGHNY-26OCT01-T61', 5);
    expect(book.orderbook_fp.yes_dollars?.[1]).toEqual(['0.4200', '13.00']);
    expect(server.seen[0]).toMatchObject({
      method: 'GET',
      url: '/trade-api/v2/markets/KXHIGHNY-26OCT01-T61/orderbook?depth=5',
      signatureValid: true,
    });
    await server.close();
  });

  it('retries a GET on 429 and 503 with jittered backoff, then succeeds', async () => {
    const server = await startServer((_, index) =>
      index === 0
        ? [429, '{"error":"too many requests"}']
        : index === 1
          ? [503, '{"error":{"code":"service_unavailable","message":"down"}}']
          : [200, '{"exchange_active":true,"trading_active":true}'],
    );
    const { rest, delays } = client(server.baseUrl);
    expect(await rest.getExchangeStatus()).toEqual({ exchange_active: true, trading_active: true });
    expect(server.seen).toHaveLength(3);
    expect(delays).toEqual([100, 200]); // 0.5 x 200 ms, 0.5 x 400 ms
    await server.close();
  });

  it('never retries an order without a client_order_id, even on 503', async () => {
    const server = await startServer(() => [
      503,
      '{"error":{"code":"unavailable","message":"try later"}}',
    ]);
    const { rest } = client(server.baseUrl);
    const order = {
      ticker: 'KXHIGHNY-26OCT01-T61',
      side: 'bid' as const,
      count: '10',
      price: '0.4300',
      time_in_force: 'immediate_or_cancel' as const,
      self_trade_prevention_type: 'taker_at_cross' as const,
    };
    await expect(rest.createOrder(order)).rejects.toMatchObject({
      status: 503,
      code: 'unavailable',
    });
    expect(server.seen).toHaveLength(1);
    await server.close();
  });

  it('retries an order with a client_order_id (the exchange dedupes it), posting the same body', async () => {
    const server = await startServer((_, index) =>
      index === 0
        ? [500, '']
        : [
            201,
            '{"order_id":"o-1","client_order_id":"t1-0","fill_count":"10.00","remaining_count":"0.00","ts_ms":1}',
          ],
    );
    const { rest } = client(server.baseUrl);
    const order = {
      ticker: 'KXHIGHNY-26OCT01-T61',
      side: 'ask' as const,
      count: '10.00',
      price: '0.7000',
      time_in_force: 'immediate_or_cancel' as const,
      self_trade_prevention_type: 'taker_at_cross' as const,
      client_order_id: 't1-0',
    };
    expect(await rest.createOrder(order)).toMatchObject({ order_id: 'o-1', fill_count: '10.00' });
    expect(server.seen.map((s) => [s.method, s.url, JSON.parse(s.body)])).toEqual([
      ['POST', '/trade-api/v2/portfolio/events/orders', order],
      ['POST', '/trade-api/v2/portfolio/events/orders', order],
    ]);
    await server.close();
  });

  it('turns object, string, flat and non-JSON error bodies into one KalshiApiError', async () => {
    const bodies: [number, string][] = [
      [400, '{"error":{"code":"invalid_price","message":"invalid price","service":"exchange"}}'],
      [409, '{"error":{"code":"order_already_exists","message":"duplicate"}}'],
      [404, '{"code":"not_found","message":"market not found","details":"KXNONE"}'],
      [401, 'Unauthorized'],
    ];
    const server = await startServer((_, index) => bodies[index]);
    const { rest } = client(server.baseUrl);
    const errors: KalshiApiError[] = [];
    for (let i = 0; i < bodies.length; i++)
      errors.push(
        (await rest.getMarket('X').catch((error: KalshiApiError) => error)) as KalshiApiError,
      );
    expect(
      errors.map((e) => [
        e instanceof KalshiApiError,
        e.status,
        e.code,
        e.message.split(': ').pop(),
        e.details,
      ]),
    ).toEqual([
      [true, 400, 'invalid_price', 'invalid price', undefined],
      [true, 409, 'order_already_exists', 'duplicate', undefined],
      [true, 404, 'not_found', 'market not found', 'KXNONE'],
      [true, 401, 'unauthorized', 'Unauthorized', undefined],
    ]);
    await server.close();
  });

  it('reports a server that does not answer as a network error after its retries', async () => {
    const { rest, delays } = client('http://127.0.0.1:9/trade-api/v2');
    await expect(rest.getExchangeStatus()).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
    expect(delays).toHaveLength(3);
  });

  it('paces batches by what their orders cost one by one, from the write bucket', async () => {
    const server = await startServer(() => [201, '{"orders":[]}']);
    const waits: number[] = [];
    let now = 0;
    const limiter = new KalshiRateLimiter(
      undefined,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    const { rest } = client(server.baseUrl, { limiter });
    const order = {
      ticker: 'T',
      side: 'bid' as const,
      count: '1',
      price: '0.5000',
      time_in_force: 'immediate_or_cancel' as const,
      self_trade_prevention_type: 'taker_at_cross' as const,
      client_order_id: 'c',
    };
    await rest.batchCreateOrders(Array.from({ length: 8 }, () => order)); // 80 of the 100 Basic write tokens
    await rest.batchCreateOrders(Array.from({ length: 8 }, () => order)); // needs 80: 60 missing at 100/s
    expect(waits).toEqual([600]);
    expect(limiter.available('read')).toBe(200);
    await server.close();
  });
});

describe('rate limits', () => {
  it('a token bucket refills at its rate up to its capacity and tells how long to wait', () => {
    let now = 0;
    const bucket = new TokenBucket(200, 200, () => now);
    for (let i = 0; i < 20; i++) expect(bucket.tryTake(10)).toBe(0);
    expect(bucket.tryTake(10)).toBe(50);
    now += 50;
    expect(bucket.tryTake(10)).toBe(0);
    now += 10_000;
    expect(bucket.available()).toBe(200);
    bucket.drain();
    expect(bucket.tryTake(10)).toBe(50);
  });

  it("reads the account's tier in the token-bucket shape and in the older requests-per-second shape", () => {
    expect(
      tierFromAccountLimits({
        usage_tier: 'advanced',
        read: { refill_rate: 300, bucket_capacity: 300 },
        write: { refill_rate: 300, bucket_capacity: 600 },
      }),
    ).toEqual({
      tier: 'advanced',
      read: { refillPerSecond: 300, capacity: 300 },
      write: { refillPerSecond: 300, capacity: 600 },
    });
    expect(
      tierFromAccountLimits({ usage_tier: 'premier', read_limit: 100, write_limit: 100 }),
    ).toEqual({
      tier: 'premier',
      read: { refillPerSecond: 1000, capacity: 1000 },
      write: { refillPerSecond: 1000, capacity: 1000 },
    });
    expect(tierFromAccountLimits({ usage_tier: 'basic' })).toBeUndefined();
  });
});
