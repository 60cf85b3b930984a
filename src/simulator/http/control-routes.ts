import { parseCountE2 } from '../../kalshi/fixed-point';
import type { ControlResult, SimExchange } from '../exchange/sim-exchange';
import type { OpportunityKind } from '../scenario/opportunity-planter';
import { apiError, json, path, type RouteContext, type RouteResponse } from './http-kit';

export interface ControlRoute {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handler: (context: RouteContext) => RouteResponse;
}

/**
 * Fault injection and scenario control under `/_sim` (JSON, unauthenticated): each endpoint calls the
 * `exchange` method of the same name. See the README section "simulator" for the list.
 */
export function controlRoutes(exchange: SimExchange): ControlRoute[] {
  const post = (
    template: string,
    run: (body: Record<string, unknown>, params: Record<string, string>) => ControlResult,
  ): ControlRoute => ({
    method: 'POST',
    pattern: path(template),
    handler: (ctx) => reply(run((ctx.body ?? {}) as Record<string, unknown>, ctx.params)),
  });
  return [
    { method: 'GET', pattern: path('/status'), handler: () => json(200, exchange.status()) },
    {
      method: 'GET',
      pattern: path('/markets/:ticker/book'),
      handler: (ctx) => reply(exchange.book(ctx.params.ticker)),
    },
    post('/traffic/pause', () => exchange.pauseTraffic()),
    post('/traffic/resume', () => exchange.resumeTraffic()),
    post('/traffic/burst', (body) => exchange.burst(body.count as number)),
    post('/traffic/rate', (body) => exchange.setRate(body.messagesPerSecond as number)),
    post('/markets/:ticker/pause', (_body, params) => exchange.pauseMarket(params.ticker)),
    post('/markets/:ticker/resume', (_body, params) => exchange.resumeMarket(params.ticker)),
    post('/markets/:ticker/settle', (body, params) =>
      exchange.settleMarket(params.ticker, body.result),
    ),
    post('/opportunities', (body) => {
      const size =
        body.size === undefined
          ? undefined
          : typeof body.size === 'string'
            ? parseCountE2(body.size)
            : Number.NaN;
      if (size !== undefined && !(size > 0))
        return {
          ok: false,
          status: 400,
          code: 'invalid_parameters',
          message: 'size must be a count string like "10.00"',
        };
      return exchange.createOpportunity({
        kind: body.kind as OpportunityKind,
        eventTicker: typeof body.eventTicker === 'string' ? body.eventTicker : undefined,
        name: typeof body.name === 'string' ? body.name : undefined,
        durationMs: typeof body.durationMs === 'number' ? body.durationMs : undefined,
        sizeE2: size,
      });
    }),
    post('/ws/drop', () => exchange.dropConnections()),
    post('/ws/freeze', (body) => exchange.freezeConnections(body.ms as number | undefined)),
    post('/ws/unfreeze', () => exchange.unfreezeConnections()),
    post('/ws/skip-seq', (body) => exchange.skipSeq(body.sid as number | undefined)),
    post('/orders/delay', (body) => exchange.delayOrders(body.ms as number)),
    post('/orders/reject', (body) =>
      exchange.rejectOrders(
        body.count as number,
        body.status as number | undefined,
        body.code as string | undefined,
      ),
    ),
    post('/orders/partial-fills', (body) =>
      exchange.forcePartialFills(body.count as number, body.percent as number),
    ),
    post('/http/fail', (body) =>
      exchange.failRequests(body.status as number, body.count as number),
    ),
    post('/faults/clear', () => exchange.clearFaults()),
  ];
}

function reply(result: ControlResult): RouteResponse {
  return result.ok ? json(200, result.value) : apiError(result.status, result.code, result.message);
}
