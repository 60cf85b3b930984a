import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KalshiSignatureVerifier } from './auth/kalshi-signature-verifier';
import { SimExchange } from './exchange/sim-exchange';
import type { RateTier } from './exchange/rate-limiter';
import { CONTROL_PREFIX, REST_PREFIX, SimHttpServer } from './http/sim-http-server';
import { WS_PATH, WsGateway } from './ws/ws-gateway';

export { generateKeyPair, readPublicKeys, writeKeyPair, type SimKeyPair } from './auth/key-files';
export {
  generateFeedRecording,
  type FeedRecording,
  type FeedRecordingOptions,
} from './scenario/feed-recording';
export { SimExchange } from './exchange/sim-exchange';
export type { OpportunityKind, OpportunityRequest } from './scenario/opportunity-planter';

export interface SimulatorOptions {
  /** 0 = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Deterministic scenario (default 42). */
  seed?: number;
  /** Approximate number of markets (default 200). */
  markets?: number;
  /** Book traffic in orderbook changes per second (default 1,000). */
  messagesPerSecond?: number;
  /** Accepted public keys by key id, or 'none' to accept any client (the default). */
  auth?: { publicKeys: Record<string, string> } | 'none';
  /** Default true; tests may drive traffic themselves (`exchange.burst`). */
  startTraffic?: boolean;
  log?: (line: string) => void;
  /** Usage tier of the token buckets, or 'off' for load tests (default 'basic'). */
  rateLimit?: RateTier | 'off';
  /** Planted arbitrage opportunities per minute across the exchange (default 6). */
  opportunitiesPerMinute?: number;
  /** Starting balance of every account in cents (default $100,000). */
  startingBalanceCents?: number;
  /** WebSocket ping interval (default 10,000 ms). */
  heartbeatMs?: number;
  /** Benchmarks: told right after each WebSocket frame is handed to a client's socket (tick-to-detection). */
  onFrameSent?: (frame: string) => void;
}

export interface RunningSimulator {
  /** http://HOST:PORT/trade-api/v2 */
  readonly restUrl: string;
  /** ws://HOST:PORT/trade-api/ws/v2 */
  readonly wsUrl: string;
  /** http://HOST:PORT/_sim */
  readonly controlUrl: string;
  /** In-process control: the same operations as the HTTP control API. */
  readonly exchange: SimExchange;
  close(): Promise<void>;
}

/** Starts the Kalshi-compatible exchange (REST + WebSocket + control API) on one port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log = options.log ?? (() => undefined);
  const exchange = new SimExchange({
    seed: options.seed,
    markets: options.markets,
    messagesPerSecond: options.messagesPerSecond,
    opportunitiesPerMinute: options.opportunitiesPerMinute,
    startingBalanceCents: options.startingBalanceCents,
    rateLimit: options.rateLimit,
  });
  const auth = options.auth ?? 'none';
  const verifier = auth === 'none' ? null : new KalshiSignatureVerifier(auth.publicKeys);
  const http = new SimHttpServer(exchange, verifier, log);
  const gateway = new WsGateway(exchange, verifier, {
    heartbeatMs: options.heartbeatMs ?? 10_000,
    maxBufferedBytes: 32 << 20,
    onFrameSent: options.onFrameSent,
  });
  const server = createServer((req, res) => http.handle(req, res));
  server.keepAliveTimeout = 30_000;
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  exchange.connections = gateway;
  exchange.start(options.startTraffic ?? true);
  const running: RunningSimulator = {
    restUrl: `http://${urlHost}:${port}${REST_PREFIX}`,
    wsUrl: `ws://${urlHost}:${port}${WS_PATH}`,
    controlUrl: `http://${urlHost}:${port}${CONTROL_PREFIX}`,
    exchange,
    async close() {
      exchange.stop();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  log(
    `Kalshi simulator: REST ${running.restUrl}, WebSocket ${running.wsUrl}, control ${running.controlUrl}; ` +
      `${exchange.catalog.series.length} series, ${exchange.catalog.events.length} events, ${exchange.catalog.markets.length} markets, ` +
      `${exchange.messagesPerSecond} book changes/s, auth ${verifier ? `${verifier.keyCount} key(s)` : 'off'}, rate limit ${exchange.rateLimiter?.tier ?? 'off'}`,
  );
  return running;
}
