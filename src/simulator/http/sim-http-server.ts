import type { IncomingMessage, ServerResponse } from 'node:http';
import { KalshiSignatureVerifier } from '../auth/kalshi-signature-verifier';
import type { SimAccount } from '../engine/account-ledger';
import { DEFAULT_REQUEST_COST } from '../exchange/rate-limiter';
import type { SimExchange } from '../exchange/sim-exchange';
import { controlRoutes, type ControlRoute } from './control-routes';
import {
  apiError,
  BodyError,
  readJsonBody,
  send,
  TOO_MANY_REQUESTS,
  type Route,
  type RouteContext,
  type RouteResponse,
} from './http-kit';
import { marketRoutes } from './market-routes';
import { orderRoutes } from './order-routes';
import { portfolioRoutes } from './portfolio-routes';

export const REST_PREFIX = '/trade-api/v2';
export const CONTROL_PREFIX = '/_sim';
/** The account every client trades on when authentication is off and no key id is sent. */
export const ANONYMOUS_KEY_ID = 'sim-default';

/**
 * REST under /trade-api/v2 (request faults, then routing, signature check, body, rate limit, handler)
 * and the unauthenticated control API under /_sim.
 */
export class SimHttpServer {
  private readonly routes: Route[];
  private readonly control: ControlRoute[];

  constructor(
    private readonly exchange: SimExchange,
    /** null = authentication off: any client, account chosen by KALSHI-ACCESS-KEY or the shared one. */
    private readonly verifier: KalshiSignatureVerifier | null,
    private readonly log: (line: string) => void,
  ) {
    this.routes = [
      ...marketRoutes(exchange),
      ...portfolioRoutes(exchange),
      ...orderRoutes(exchange),
    ];
    this.control = controlRoutes(exchange);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.dispatch(req, res).catch((error: unknown) => {
      this.log(
        `simulator: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) send(res, apiError(500, 'internal_error', 'internal error'));
      else res.destroy();
    });
  }

  /** Who the request acts as: the verified key, anyone when auth is off, or a 401. */
  authenticate(
    req: IncomingMessage,
    pathname: string,
    required: boolean,
  ): { account: SimAccount | null; keyId: string | null } | RouteResponse {
    const headerKey = req.headers['kalshi-access-key'];
    if (!this.verifier) {
      const keyId =
        typeof headerKey === 'string' && headerKey !== '' ? headerKey : ANONYMOUS_KEY_ID;
      return { account: this.exchange.account(keyId), keyId };
    }
    if (!required && !KalshiSignatureVerifier.isSigned(req.headers))
      return { account: null, keyId: null };
    const result = this.verifier.verify(
      req.headers,
      req.method ?? 'GET',
      pathname,
      this.exchange.clock.nowMs(),
    );
    if (!result.ok) return apiError(401, 'unauthorized', result.reason);
    return { account: this.exchange.account(result.keyId), keyId: result.keyId };
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith(`${REST_PREFIX}/`))
      return send(res, await this.api(req, url, method));
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`))
      return send(res, await this.controlApi(req, url, method));
    send(res, apiError(404, 'not_found', `no route ${method} ${url.pathname}`));
  }

  private async api(req: IncomingMessage, url: URL, method: string): Promise<RouteResponse> {
    const failure = this.exchange.faults.takeRequestFailure();
    if (failure === 429) return TOO_MANY_REQUESTS;
    if (failure === 503)
      return apiError(503, 'service_unavailable', 'the exchange is temporarily unavailable');
    const relative = url.pathname.slice(REST_PREFIX.length);
    const { route, params } = findRoute(this.routes, method, relative);
    if (!route) return apiError(404, 'not_found', `no route ${method} ${url.pathname}`);
    const auth = this.authenticate(req, url.pathname, route.access === 'private');
    if ('status' in auth) return auth;
    const { body, rejection } = await readBody(req, method);
    if (rejection) return rejection;
    const context: RouteContext = {
      method,
      path: url.pathname,
      query: url.searchParams,
      params,
      body,
      account: auth.account,
    };
    if (this.exchange.rateLimiter) {
      const client = auth.keyId ?? req.socket.remoteAddress ?? 'unknown';
      const cost = route.cost ? route.cost(context) : DEFAULT_REQUEST_COST;
      if (!this.exchange.rateLimiter.allow(client, route.bucket, cost, this.exchange.clock.nowMs()))
        return TOO_MANY_REQUESTS;
    }
    return route.handler(context);
  }

  private async controlApi(req: IncomingMessage, url: URL, method: string): Promise<RouteResponse> {
    const relative = url.pathname.slice(CONTROL_PREFIX.length);
    const { route, params } = findRoute(this.control, method, relative);
    if (!route) return apiError(404, 'not_found', `no control route ${method} ${url.pathname}`);
    const { body, rejection } = await readBody(req, method);
    if (rejection) return rejection;
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return apiError(400, 'invalid_parameters', 'control bodies are JSON objects');
    }
    return route.handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      params,
      body,
      account: null,
    });
  }
}

/** The first route of `method` whose pattern matches, with its decoded path parameters. */
function findRoute<R extends { method: string; pattern: RegExp }>(
  routes: readonly R[],
  method: string,
  relative: string,
): { route?: R; params: Record<string, string> } {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(relative);
    if (match) return { route, params: decodeParams(match.groups) };
  }
  return { params: {} };
}

/** The JSON body of a write, or the 400 to answer when it is not JSON. */
async function readBody(
  req: IncomingMessage,
  method: string,
): Promise<{ body?: unknown; rejection?: RouteResponse }> {
  if (method === 'GET') return {};
  try {
    return { body: await readJsonBody(req) };
  } catch (error) {
    if (error instanceof BodyError)
      return { rejection: apiError(400, 'invalid_parameters', error.message) };
    throw error;
  }
}

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(groups ?? {})) params[key] = decodeURIComponent(value);
  return params;
}
