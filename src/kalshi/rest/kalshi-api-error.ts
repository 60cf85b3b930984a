/** Codes for failures that never reached a Kalshi answer. */
export type KalshiTransportCode = 'network_error' | 'timeout' | 'invalid_response';

/**
 * Every failed Kalshi call, whatever the body looked like (PROTOCOL.md §4.4): wrapped object
 * `{"error":{"code","message","details"}}`, wrapped string `{"error":"too many requests"}`, flat
 * `{"code","message"}`, or not JSON at all. `status` is 0 when no HTTP answer arrived.
 */
export class KalshiApiError extends Error {
  override readonly name = 'KalshiApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: string,
    readonly method?: string,
    readonly path?: string,
  ) {
    super(`${method ?? ''} ${path ?? ''} -> ${status || 'no answer'} ${code}: ${message}`.trim());
  }

  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** Parses whatever body Kalshi sent with a failed status into one typed error. */
  static fromResponse(
    status: number,
    bodyText: string,
    method?: string,
    path?: string,
  ): KalshiApiError {
    const fallbackCode = codeForStatus(status);
    let body: unknown;
    try {
      body = bodyText.length > 0 ? JSON.parse(bodyText) : undefined;
    } catch {
      return new KalshiApiError(
        status,
        fallbackCode,
        snippet(bodyText) || `HTTP ${status}`,
        undefined,
        method,
        path,
      );
    }
    const source = isRecord(body) && 'error' in body ? body.error : body;
    if (typeof source === 'string') {
      return new KalshiApiError(status, fallbackCode, source, undefined, method, path);
    }
    if (isRecord(source)) {
      const code = typeof source.code === 'string' && source.code ? source.code : fallbackCode;
      const message =
        typeof source.message === 'string' && source.message
          ? source.message
          : typeof source.msg === 'string'
            ? source.msg
            : `HTTP ${status}`;
      const details = typeof source.details === 'string' ? source.details : undefined;
      return new KalshiApiError(status, code, message, details, method, path);
    }
    return new KalshiApiError(
      status,
      fallbackCode,
      snippet(bodyText) || `HTTP ${status}`,
      undefined,
      method,
      path,
    );
  }
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'server_error' : `http_${status}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snippet(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
