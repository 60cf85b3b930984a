import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimAccount } from '../engine/account-ledger';

/** What a route handler returns: a status and a JSON body (none for 204). */
export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface RouteContext {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Record<string, string>;
  readonly body: unknown;
  /** The signed-in account (or the shared account without auth); null on unsigned public requests. */
  readonly account: SimAccount | null;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  readonly pattern: RegExp;
  /** Market data may be read unsigned; everything else needs a signature (unless auth is off). */
  readonly access: 'public' | 'private';
  readonly bucket: 'read' | 'write';
  /** Token cost; default 10, batches bill each item. */
  readonly cost?: (context: RouteContext) => number;
  readonly handler: (context: RouteContext) => RouteResponse | Promise<RouteResponse>;
}

/** A path template like `/markets/:ticker/orderbook` as an anchored regex with named groups. */
export function path(template: string): RegExp {
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

export function json(status: number, body: unknown): RouteResponse {
  return { status, body };
}

/** Kalshi's wrapped error body. */
export function apiError(
  status: number,
  code: string,
  message: string,
  details?: string,
): RouteResponse {
  return {
    status,
    body: { error: { code, message, ...(details ? { details } : {}), service: 'exchange' } },
  };
}

export const TOO_MANY_REQUESTS: RouteResponse = {
  status: 429,
  body: { error: 'too many requests' },
};

export function send(res: ServerResponse, response: RouteResponse): void {
  if (response.body === undefined) {
    res.writeHead(response.status);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The JSON body (undefined when empty); throws BodyError for malformed or oversized bodies. */
export async function readJsonBody(req: IncomingMessage, limitBytes = 1_048_576): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BodyError('request body is too large');
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError('request body is not valid JSON');
  }
}

export class BodyError extends Error {}

/** Opaque cursors: base64url of the next offset; "" ends the list (PROTOCOL.md §3.2). */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  defaultLimit: number,
  maxLimit: number,
): { page: T[]; cursor: string } | RouteResponse {
  const limitText = query.get('limit');
  const limit = limitText === null ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return apiError(400, 'invalid_parameters', `limit must be an integer from 1 to ${maxLimit}`);
  }
  const cursor = query.get('cursor') ?? '';
  let offset = 0;
  if (cursor !== '') {
    const decoded = /^o(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!decoded)
      return apiError(400, 'invalid_parameters', 'cursor is not one this server returned');
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + limit);
  const next =
    offset + limit < items.length ? Buffer.from(`o${offset + limit}`).toString('base64url') : '';
  return { page, cursor: next };
}

export function isResponse(value: unknown): value is RouteResponse {
  return typeof value === 'object' && value !== null && 'status' in value && !('page' in value);
}

/** Comma-separated (or repeated) query values. */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const values = query.getAll(name);
  if (values.length === 0) return null;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
