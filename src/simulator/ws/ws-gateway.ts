import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { KalshiSignatureVerifier } from '../auth/kalshi-signature-verifier';
import type { ConnectionControl, SimExchange } from '../exchange/sim-exchange';
import { ANONYMOUS_KEY_ID } from '../http/sim-http-server';
import { WsSession } from './ws-session';

export const WS_PATH = '/trade-api/ws/v2';

export interface GatewayOptions {
  heartbeatMs: number;
  /** Outbound bytes a client may fall behind before its book subscriptions end with error 25. */
  maxBufferedBytes: number;
  /** Benchmarks: told right after each frame is handed to a client's socket. */
  onFrameSent?: (frame: string) => void;
}

/**
 * The WebSocket endpoint: signed upgrade (same headers as REST, path /trade-api/ws/v2), one session per
 * connection, a protocol ping "heartbeat" every 10 s, and the connection faults of the control API.
 */
export class WsGateway implements ConnectionControl {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 1 << 20,
  });
  private readonly sessions = new Map<WsSession, Duplex>();
  private readonly heartbeat: NodeJS.Timeout;
  private unfreezeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly exchange: SimExchange,
    private readonly verifier: KalshiSignatureVerifier | null,
    private readonly options: GatewayOptions,
  ) {
    this.heartbeat = setInterval(() => {
      for (const session of this.sessions.keys()) session.ping();
    }, options.heartbeatMs);
    this.heartbeat.unref?.();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://simulator').pathname;
    if (pathname !== WS_PATH)
      return reject(socket, 404, 'not_found', `no WebSocket at ${pathname}`);
    let keyId = ANONYMOUS_KEY_ID;
    if (this.verifier) {
      const result = this.verifier.verify(
        req.headers,
        'GET',
        pathname,
        this.exchange.clock.nowMs(),
      );
      if (!result.ok) return reject(socket, 401, 'unauthorized', result.reason);
      keyId = result.keyId;
    } else if (
      typeof req.headers['kalshi-access-key'] === 'string' &&
      req.headers['kalshi-access-key'] !== ''
    ) {
      keyId = req.headers['kalshi-access-key'];
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new WsSession(
        ws,
        socket,
        this.exchange.account(keyId),
        this.exchange.catalog,
        this.exchange.hub,
        this.options.maxBufferedBytes,
        this.options.onFrameSent,
      );
      this.sessions.set(session, socket);
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        this.sessions.delete(session);
        session.close();
      });
    });
  }

  drop(): number {
    const count = this.sessions.size;
    for (const session of [...this.sessions.keys()]) session.drop();
    return count;
  }

  freeze(ms?: number): number {
    for (const session of this.sessions.keys()) session.freeze();
    if (this.unfreezeTimer) clearTimeout(this.unfreezeTimer);
    this.unfreezeTimer = ms ? setTimeout(() => this.unfreeze(), ms) : null;
    return this.sessions.size;
  }

  unfreeze(): number {
    let count = 0;
    for (const session of this.sessions.keys()) {
      if (!session.frozen) continue;
      session.unfreeze();
      count++;
    }
    return count;
  }

  count(): number {
    return this.sessions.size;
  }

  /** Batches the frames of one traffic tick into few socket writes. */
  cork(): void {
    for (const socket of this.sessions.values()) socket.cork();
  }

  uncork(): void {
    for (const socket of this.sessions.values()) socket.uncork();
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.unfreezeTimer) clearTimeout(this.unfreezeTimer);
    for (const session of [...this.sessions.keys()]) session.drop();
    this.wss.close();
  }
}

function reject(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = status === 401 ? 'Unauthorized' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
