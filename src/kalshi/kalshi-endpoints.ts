import type { KalshiEnv } from '../config/config-schema';

export interface KalshiEndpoints {
  /** REST base URL ending in /trade-api/v2. */
  readonly restUrl: string;
  /** WebSocket URL ending in /trade-api/ws/v2. */
  readonly wsUrl: string;
}

/** Kalshi's documented `external-api*` hosts (PROTOCOL.md §1). */
export const KALSHI_HOSTS: Record<KalshiEnv, KalshiEndpoints> = {
  production: {
    restUrl: 'https://external-api.kalshi.com/trade-api/v2',
    wsUrl: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
  },
  demo: {
    restUrl: 'https://external-api.demo.kalshi.co/trade-api/v2',
    wsUrl: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
  },
};

/** Explicit URLs win over KALSHI_ENV; a trailing slash is dropped so paths join cleanly. */
export function resolveEndpoints(options: {
  kalshiEnv: KalshiEnv;
  kalshiApiUrl?: string;
  kalshiWsUrl?: string;
}): KalshiEndpoints {
  if (options.kalshiApiUrl && options.kalshiWsUrl) {
    return {
      restUrl: options.kalshiApiUrl.replace(/\/+$/, ''),
      wsUrl: options.kalshiWsUrl.replace(/\/+$/, ''),
    };
  }
  return KALSHI_HOSTS[options.kalshiEnv];
}
