import type { KalshiSigner } from '../auth/kalshi-signer';
import type { AccountLimitsWire, BalanceWire, ExchangeStatusWire } from '../wire/account.wire';
import type {
  EventResponseWire,
  EventsPageWire,
  MarketWire,
  MarketsPageWire,
  OrderBookWire,
  OrderBooksWire,
  SeriesWire,
} from '../wire/market.wire';
import type {
  AmendOrderV2RequestWire,
  AmendOrderV2ResponseWire,
  BatchCancelOrdersV2RequestWire,
  BatchCancelOrdersV2ResponseWire,
  BatchCreateOrdersV2ResponseWire,
  CancelOrderV2ResponseWire,
  CreateOrderV2RequestWire,
  CreateOrderV2ResponseWire,
  DecreaseOrderV2RequestWire,
  DecreaseOrderV2ResponseWire,
  OrdersPageWire,
  PositionsPageWire,
} from '../wire/order.wire';
import { KalshiApiError } from './kalshi-api-error';
import {
  DEFAULT_REQUEST_COST,
  KalshiRateLimiter,
  tierFromAccountLimits,
  type RateBucket,
  type TierLimits,
} from './kalshi-rate-limiter';
import { DEFAULT_RETRY, backoffDelayMs, type RetryOptions } from './retry-policy';

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface KalshiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base URL, e.g. `/markets`. */
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
  readonly bucket?: RateBucket;
  readonly cost?: number;
  /** Safe to send twice. Orders are only when they carry a `client_order_id` (the exchange dedupes it). */
  readonly idempotent: boolean;
}

export interface KalshiRestClientOptions {
  readonly baseUrl: string;
  readonly signer?: KalshiSigner;
  readonly limiter?: KalshiRateLimiter;
  readonly retry?: RetryOptions;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (
    request: KalshiRequest,
    error: KalshiApiError,
    attempt: number,
    delayMs: number,
  ) => void;
}

/**
 * Kalshi Trade API v2 over Node's fetch: every request signed (when a key is configured), paced by the
 * account's token buckets, retried with jittered backoff on 429 / 5xx / network errors when it is safe to
 * send again, and every failure turned into one `KalshiApiError`. Responses keep Kalshi's wire shapes.
 */
export class KalshiRestClient {
  readonly baseUrl: string;
  readonly limiter: KalshiRateLimiter;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: KalshiRestClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.limiter = options.limiter ?? new KalshiRateLimiter();
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  get authenticated(): boolean {
    return this.options.signer !== undefined;
  }

  async request<T>(request: KalshiRequest): Promise<T> {
    const url = this.url(request.path, request.query);
    const bucket = request.bucket ?? 'read';
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire(bucket, request.cost ?? DEFAULT_REQUEST_COST);
      try {
        return await this.once<T>(request, url);
      } catch (error) {
        const failure =
          error instanceof KalshiApiError
            ? error
            : new KalshiApiError(
                0,
                'network_error',
                String(error),
                undefined,
                request.method,
                request.path,
              );
        if (failure.status === 429) this.limiter.throttled(bucket);
        if (!failure.retryable || !request.idempotent || attempt + 1 >= this.retry.maxAttempts)
          throw failure;
        const delayMs = backoffDelayMs(attempt, this.retry, this.random);
        this.options.onRetry?.(request, failure, attempt + 1, delayMs);
        await this.sleep(delayMs);
      }
    }
  }

  private async once<T>(request: KalshiRequest, url: URL): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.signer)
      Object.assign(headers, this.options.signer.headers(request.method, url.pathname));
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new KalshiApiError(
        0,
        timedOut ? 'timeout' : 'network_error',
        `${(error as Error).message}${cause}`,
        undefined,
        request.method,
        request.path,
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok)
      throw KalshiApiError.fromResponse(response.status, text, request.method, request.path);
    if (text.length === 0) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new KalshiApiError(
        response.status,
        'invalid_response',
        `the body is not JSON: ${text.slice(0, 120)}`,
        undefined,
        request.method,
        request.path,
      );
    }
  }

  private url(path: string, query?: Query): URL {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      // Array values repeat the key (form/explode style, as `/markets/orderbooks?tickers=A&tickers=B` wants).
      if (Array.isArray(value))
        for (const item of value) url.searchParams.append(key, String(item));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  // --- account and exchange ---

  getExchangeStatus(): Promise<ExchangeStatusWire> {
    return this.request({ method: 'GET', path: '/exchange/status', idempotent: true });
  }

  getAccountLimits(): Promise<AccountLimitsWire> {
    return this.request({ method: 'GET', path: '/account/limits', idempotent: true });
  }

  /** Reads the account's tier and paces requests by it; keeps Basic when the call fails or has no usable shape. */
  async adoptAccountTier(): Promise<TierLimits | undefined> {
    const tier = tierFromAccountLimits(await this.getAccountLimits());
    if (tier) this.limiter.setTier(tier);
    return tier;
  }

  getBalance(): Promise<BalanceWire> {
    return this.request({ method: 'GET', path: '/portfolio/balance', idempotent: true });
  }

  // --- market data ---

  getSeriesList(
    query: { category?: string; tags?: string } = {},
  ): Promise<{ series: SeriesWire[] | null }> {
    return this.request({ method: 'GET', path: '/series', query, idempotent: true });
  }

  getSeries(seriesTicker: string): Promise<{ series: SeriesWire }> {
    return this.request({
      method: 'GET',
      path: `/series/${encodeURIComponent(seriesTicker)}`,
      idempotent: true,
    });
  }

  getEvents(query: {
    limit?: number;
    cursor?: string;
    status?: string;
    series_ticker?: string;
    with_nested_markets?: boolean;
    min_close_ts?: number;
  }): Promise<EventsPageWire> {
    return this.request({ method: 'GET', path: '/events', query, idempotent: true });
  }

  getEvent(eventTicker: string, withNestedMarkets = true): Promise<EventResponseWire> {
    return this.request({
      method: 'GET',
      path: `/events/${encodeURIComponent(eventTicker)}`,
      query: { with_nested_markets: withNestedMarkets },
      idempotent: true,
    });
  }

  getMarkets(query: {
    limit?: number;
    cursor?: string;
    status?: string;
    event_ticker?: string;
    series_ticker?: string;
    tickers?: string;
    min_close_ts?: number;
    max_close_ts?: number;
  }): Promise<MarketsPageWire> {
    return this.request({ method: 'GET', path: '/markets', query, idempotent: true });
  }

  getMarket(ticker: string): Promise<{ market: MarketWire }> {
    return this.request({
      method: 'GET',
      path: `/markets/${encodeURIComponent(ticker)}`,
      idempotent: true,
    });
  }

  /** `depth` 0 returns every level. */
  getOrderBook(ticker: string, depth = 0): Promise<OrderBookWire> {
    return this.request({
      method: 'GET',
      path: `/markets/${encodeURIComponent(ticker)}/orderbook`,
      query: { depth },
      idempotent: true,
    });
  }

  getOrderBooks(tickers: readonly string[]): Promise<OrderBooksWire> {
    return this.request({
      method: 'GET',
      path: '/markets/orderbooks',
      query: { tickers },
      idempotent: true,
    });
  }

  /** Follows `cursor` until Kalshi returns an empty one (PROTOCOL.md §3.2). */
  async *paginate<T, P extends { cursor?: string }>(
    fetchPage: (cursor: string | undefined) => Promise<P>,
    items: (page: P) => T[] | null | undefined,
  ): AsyncGenerator<T> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await fetchPage(cursor);
      for (const item of items(page) ?? []) yield item;
      if (!page.cursor || seen.has(page.cursor)) return;
      seen.add(page.cursor);
      cursor = page.cursor;
    }
  }

  // --- portfolio ---

  getOrders(
    query: {
      ticker?: string;
      event_ticker?: string;
      status?: string;
      limit?: number;
      cursor?: string;
      subaccount?: number;
    } = {},
  ): Promise<OrdersPageWire> {
    return this.request({ method: 'GET', path: '/portfolio/orders', query, idempotent: true });
  }

  getPositions(
    query: {
      ticker?: string;
      event_ticker?: string;
      limit?: number;
      cursor?: string;
      count_filter?: string;
      subaccount?: number;
    } = {},
  ): Promise<PositionsPageWire> {
    return this.request({ method: 'GET', path: '/portfolio/positions', query, idempotent: true });
  }

  // --- V2 orders (write bucket) ---

  /** Retried only with a `client_order_id`: a retry of an order without one could place it twice. */
  createOrder(order: CreateOrderV2RequestWire): Promise<CreateOrderV2ResponseWire> {
    return this.request({
      method: 'POST',
      path: '/portfolio/events/orders',
      body: order,
      bucket: 'write',
      idempotent: Boolean(order.client_order_id),
    });
  }

  /** A batch costs what its orders cost one by one (PROTOCOL.md §4.5). */
  batchCreateOrders(
    orders: readonly CreateOrderV2RequestWire[],
  ): Promise<BatchCreateOrdersV2ResponseWire> {
    return this.request({
      method: 'POST',
      path: '/portfolio/events/orders/batched',
      body: { orders },
      bucket: 'write',
      cost: DEFAULT_REQUEST_COST * Math.max(1, orders.length),
      idempotent: orders.length > 0 && orders.every((order) => Boolean(order.client_order_id)),
    });
  }

  cancelOrder(
    orderId: string,
    query: { market_ticker?: string; subaccount?: number; exchange_index?: number } = {},
  ): Promise<CancelOrderV2ResponseWire> {
    return this.request({
      method: 'DELETE',
      path: `/portfolio/events/orders/${encodeURIComponent(orderId)}`,
      query,
      bucket: 'write',
      idempotent: true,
    });
  }

  /** Cancels every resting order on every shard (204). */
  cancelAllOrders(query: { subaccount?: number } = {}): Promise<void> {
    return this.request({
      method: 'DELETE',
      path: '/portfolio/events/orders',
      query,
      bucket: 'write',
      idempotent: true,
    });
  }

  batchCancelOrders(
    request: BatchCancelOrdersV2RequestWire,
  ): Promise<BatchCancelOrdersV2ResponseWire> {
    return this.request({
      method: 'DELETE',
      path: '/portfolio/events/orders/batched',
      body: request,
      bucket: 'write',
      cost: DEFAULT_REQUEST_COST * Math.max(1, request.orders.length),
      idempotent: true,
    });
  }

  /** Amend sets an absolute price and total count: sending it twice has the effect of once. */
  amendOrder(orderId: string, request: AmendOrderV2RequestWire): Promise<AmendOrderV2ResponseWire> {
    return this.request({
      method: 'POST',
      path: `/portfolio/events/orders/${encodeURIComponent(orderId)}/amend`,
      body: request,
      bucket: 'write',
      idempotent: true,
    });
  }

  /** `reduce_to` is absolute (safe to retry); `reduce_by` is relative and never retried. */
  decreaseOrder(
    orderId: string,
    request: DecreaseOrderV2RequestWire,
  ): Promise<DecreaseOrderV2ResponseWire> {
    return this.request({
      method: 'POST',
      path: `/portfolio/events/orders/${encodeURIComponent(orderId)}/decrease`,
      body: request,
      bucket: 'write',
      idempotent: request.reduce_to !== undefined && request.reduce_by === undefined,
    });
  }
}
