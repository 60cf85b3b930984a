import WebSocket from 'ws';
import type { KalshiSigner } from '../auth/kalshi-signer';
import { backoffDelayMs } from '../rest/retry-policy';
import type { WsCommandWire } from '../wire/ws-message.wire';

export interface WsClientListener {
  /** A connection is up (first or after a reconnect): subscribe everything again, sids start afresh. */
  onOpen(): void;
  /** Every text frame with its receive time; runs synchronously in the socket's message callback. */
  onFrame(text: string, receivedAtMs: number): void;
  /** The connection is gone (a reconnect is scheduled unless the client was stopped). */
  onClose(reason: string): void;
}

export interface KalshiWsClientOptions {
  readonly url: string;
  readonly signer?: KalshiSigner;
  /** No frame, ping or pong for this long: the connection is dead (PROTOCOL.md §6.1: about 30 s). */
  readonly livenessTimeoutMs?: number;
  /** Our own pings keep a quiet but healthy connection provably alive. */
  readonly pingIntervalMs?: number;
  readonly reconnectBaseDelayMs?: number;
  readonly reconnectMaxDelayMs?: number;
  /** A connection that lived this long resets the backoff. */
  readonly stableAfterMs?: number;
  readonly handshakeTimeoutMs?: number;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly log?: (level: 'debug' | 'info' | 'warn', message: string) => void;
}

export type WsClientState = 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped';

/**
 * The Kalshi WebSocket link: signs every upgrade afresh (PROTOCOL.md §2.2), watches liveness from frames,
 * pings and pongs, and reconnects with jittered exponential backoff until stopped. It knows nothing of books:
 * frames go to the listener as text.
 */
export class KalshiWsClient {
  private socket?: WebSocket;
  private listener?: WsClientListener;
  private nextId = 1;
  private attempt = 0;
  private lastActivityMs = 0;
  private openedAtMs = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private livenessTimer?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private currentState: WsClientState = 'idle';
  /** Connections opened, the first one included. */
  opens = 0;
  private readonly livenessTimeoutMs: number;
  private readonly pingIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: KalshiWsClientOptions) {
    this.livenessTimeoutMs = options.livenessTimeoutMs ?? 30_000;
    this.pingIntervalMs = options.pingIntervalMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get state(): WsClientState {
    return this.currentState;
  }

  get connected(): boolean {
    return this.currentState === 'open';
  }

  start(listener: WsClientListener): void {
    if (this.currentState !== 'idle' && this.currentState !== 'stopped') return;
    this.listener = listener;
    this.currentState = 'connecting';
    this.connect();
  }

  async stop(): Promise<void> {
    this.currentState = 'stopped';
    this.clearTimers();
    const socket = this.socket;
    this.socket = undefined;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate();
        resolve();
      }, 1_000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1000, 'client stopping');
    });
  }

  /** Sends a command with a fresh id; returns the id, or undefined when no connection is open. */
  send(cmd: WsCommandWire['cmd'], params?: Record<string, unknown>): number | undefined {
    const socket = this.socket;
    if (!socket || this.currentState !== 'open' || socket.readyState !== WebSocket.OPEN)
      return undefined;
    const id = this.nextId++;
    socket.send(JSON.stringify(params === undefined ? { id, cmd } : { id, cmd, params }));
    return id;
  }

  /** Drops the connection as a network failure would (the client reconnects). */
  dropConnection(reason = 'dropped by request'): void {
    if (this.socket) this.fail(this.socket, reason);
  }

  private connect(): void {
    if (this.currentState === 'stopped') return;
    this.currentState = 'connecting';
    const url = new URL(this.options.url);
    const headers = this.options.signer ? this.options.signer.headers('GET', url.pathname) : {};
    const socket = new WebSocket(url, {
      headers,
      handshakeTimeout: this.options.handshakeTimeoutMs ?? 10_000,
      perMessageDeflate: false,
      maxPayload: 64 * 1024 * 1024,
    });
    this.socket = socket;
    socket.on('open', () => {
      if (this.socket !== socket) return;
      this.currentState = 'open';
      this.opens++;
      this.openedAtMs = this.now();
      this.lastActivityMs = this.openedAtMs;
      this.startTimers(socket);
      this.log(
        'info',
        `connected to ${this.options.url}${this.options.signer ? ` as key ${this.options.signer.keyId}` : ' (unauthenticated)'}`,
      );
      this.listener?.onOpen();
    });
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const receivedAtMs = this.now();
      this.lastActivityMs = receivedAtMs;
      if (this.socket !== socket) return;
      const text = isBinary
        ? ''
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
      this.listener?.onFrame(text, receivedAtMs);
    });
    socket.on('ping', () => {
      this.lastActivityMs = this.now();
    });
    socket.on('pong', () => {
      this.lastActivityMs = this.now();
    });
    socket.on('unexpected-response', (_request, response) => {
      // A refused upgrade (401 bad signature, 429, 5xx): read the reason, then back off like any failure.
      let body = '';
      response.on('data', (chunk: Buffer) => {
        if (body.length < 500) body += chunk.toString();
      });
      response.on('end', () =>
        this.fail(
          socket,
          `upgrade refused: HTTP ${response.statusCode} ${body.trim().slice(0, 200)}`,
        ),
      );
      response.on('error', () => this.fail(socket, `upgrade refused: HTTP ${response.statusCode}`));
    });
    socket.on('error', (error) => this.fail(socket, error.message));
    socket.on('close', (code, reason) =>
      this.fail(socket, `closed ${code}${reason.length ? ` ${reason.toString()}` : ''}`),
    );
  }

  /** One place for every way a connection ends: tell the listener once, then schedule the reconnect. */
  private fail(socket: WebSocket, reason: string): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    const wasOpen = this.currentState === 'open';
    this.clearTimers();
    socket.removeAllListeners('message');
    socket.on('error', () => undefined);
    if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    if (wasOpen && this.now() - this.openedAtMs >= (this.options.stableAfterMs ?? 5_000))
      this.attempt = 0;
    if (this.currentState === 'stopped') return;
    this.log('warn', `connection ${wasOpen ? 'lost' : 'failed'}: ${reason}`);
    this.listener?.onClose(reason);
    this.currentState = 'waiting';
    const delayMs = Math.max(
      this.options.reconnectBaseDelayMs ?? 250,
      backoffDelayMs(
        this.attempt++,
        {
          baseDelayMs: this.options.reconnectBaseDelayMs ?? 250,
          maxDelayMs: this.options.reconnectMaxDelayMs ?? 30_000,
        },
        this.options.random,
      ),
    );
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
    this.reconnectTimer.unref?.();
  }

  private startTimers(socket: WebSocket): void {
    const checkEvery = Math.max(50, Math.min(5_000, Math.floor(this.livenessTimeoutMs / 3)));
    this.livenessTimer = setInterval(() => {
      if (this.now() - this.lastActivityMs > this.livenessTimeoutMs)
        this.fail(socket, `no frame, ping or pong for ${this.livenessTimeoutMs} ms`);
    }, checkEvery);
    this.livenessTimer.unref?.();
    this.pingTimer = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN) socket.ping();
    }, this.pingIntervalMs);
    this.pingTimer.unref?.();
  }

  private clearTimers(): void {
    clearTimeout(this.reconnectTimer);
    clearInterval(this.livenessTimer);
    clearInterval(this.pingTimer);
    this.reconnectTimer = this.livenessTimer = this.pingTimer = undefined;
  }

  private log(level: 'debug' | 'info' | 'warn', message: string): void {
    this.options.log?.(level, message);
  }
}
