import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import type { SimCatalog } from '../catalog/sim-catalog';
import type { SimAccount } from '../engine/account-ledger';
import {
  CHANNELS,
  isChannelName,
  Subscription,
  type ChannelHub,
  type ChannelName,
  type FrameSink,
} from './channel-hub';
import { snapshotFrame } from './ws-frames';

/** Numeric WebSocket error codes (PROTOCOL.md §6.3). */
export const WsError = {
  UNPROCESSABLE: 1,
  PARAMS_REQUIRED: 2,
  CHANNELS_REQUIRED: 3,
  SIDS_REQUIRED: 4,
  UNKNOWN_COMMAND: 5,
  UNKNOWN_SID: 7,
  UNKNOWN_CHANNEL: 8,
  AUTH_REQUIRED: 9,
  INVALID_PARAMETER: 11,
  ONE_SID_REQUIRED: 12,
  UNSUPPORTED_ACTION: 13,
  MARKET_REQUIRED: 14,
  ACTION_REQUIRED: 15,
  BUFFER_OVERFLOW: 25,
} as const;

const ERROR_TEXT: Record<number, string> = {
  1: 'Unable to process message',
  2: 'Params required',
  3: 'Channels required',
  4: 'Subscription IDs required',
  5: 'Unknown command',
  7: 'Unknown subscription ID',
  8: 'Unknown channel name',
  9: 'Authentication required',
  11: 'Invalid parameter',
  12: 'Exactly one subscription ID is required',
  13: 'Unsupported action',
  14: 'Market Ticker required',
  15: 'Action required',
  25: 'Subscription buffer overflow',
};

type Params = Record<string, unknown>;

/** One client connection: its commands, its subscriptions (sids from 1), and the fault switches. */
export class WsSession implements FrameSink {
  private readonly subscriptions = new Map<number, Subscription>();
  private nextSid = 1;
  frozen = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly account: SimAccount | null,
    private readonly catalog: SimCatalog,
    private readonly hub: ChannelHub,
    private readonly maxBufferedBytes: number,
    /** Benchmarks: told right after each frame is handed to the socket. */
    private readonly onSent?: (frame: string) => void,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(isBinary ? null : rawText(data)));
  }

  send(frame: string): void {
    if (this.frozen || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.overflow();
      return;
    }
    this.ws.send(frame);
    this.onSent?.(frame);
  }

  ping(): void {
    if (!this.frozen && this.ws.readyState === WebSocket.OPEN) this.ws.ping('heartbeat');
  }

  /** Stops reading and writing without closing: the client sees silence (and later a seq gap). */
  freeze(): void {
    this.frozen = true;
    this.socket.pause();
  }

  unfreeze(): void {
    this.frozen = false;
    this.socket.resume();
  }

  drop(): void {
    this.ws.terminate();
  }

  close(): void {
    for (const subscription of this.subscriptions.values()) this.hub.unregister(subscription);
    this.subscriptions.clear();
  }

  private onMessage(text: string | null): void {
    let command: { id?: unknown; cmd?: unknown; params?: unknown };
    try {
      command = JSON.parse(text ?? '') as typeof command;
      if (typeof command !== 'object' || command === null) throw new Error('not an object');
    } catch {
      this.error(0, WsError.UNPROCESSABLE);
      return;
    }
    const id =
      typeof command.id === 'number' && Number.isInteger(command.id) && command.id > 0
        ? command.id
        : 0;
    const params =
      typeof command.params === 'object' && command.params !== null
        ? (command.params as Params)
        : null;
    switch (command.cmd) {
      case 'subscribe':
        return this.subscribe(id, params);
      case 'unsubscribe':
        return this.unsubscribe(id, params);
      case 'update_subscription':
        return this.updateSubscription(id, params);
      case 'list_subscriptions':
        return this.reply({
          id,
          type: 'ok',
          msg: [...this.subscriptions.values()].map((s) => ({ channel: s.channel, sid: s.sid })),
        });
      default:
        return this.error(id, WsError.UNKNOWN_COMMAND);
    }
  }

  private subscribe(id: number, params: Params | null): void {
    if (!params) return this.error(id, WsError.PARAMS_REQUIRED);
    const channels = params.channels;
    if (!Array.isArray(channels) || channels.length === 0)
      return this.error(id, WsError.CHANNELS_REQUIRED);
    const unknown = channels.find((c) => !isChannelName(c));
    if (unknown !== undefined)
      return this.error(id, WsError.UNKNOWN_CHANNEL, {
        msg: `Unknown channel name: ${String(unknown)}`,
      });
    const tickers = this.tickersOf(id, params);
    if (tickers === false) return;
    for (const channel of channels as ChannelName[]) {
      if (CHANNELS[channel].needsMarkets && !tickers)
        return this.error(id, WsError.MARKET_REQUIRED);
      if (CHANNELS[channel].personal && !this.account) return this.error(id, WsError.AUTH_REQUIRED);
    }
    const useYesPrice = params.use_yes_price === true;
    for (const channel of channels as ChannelName[]) {
      const markets = CHANNELS[channel].marketFilter && tickers ? new Set(tickers) : null;
      const subscription = new Subscription(this.nextSid++, channel, this, markets, useYesPrice);
      this.subscriptions.set(subscription.sid, subscription);
      this.hub.register(subscription);
      this.reply({ id, type: 'subscribed', msg: { channel, sid: subscription.sid } });
      if (channel === 'orderbook_delta') this.snapshots(subscription, tickers ?? []);
      if (channel === 'ticker' && params.send_initial_snapshot === true) {
        const markets = tickers
          ? tickers.map((t) => this.catalog.market(t)!)
          : this.catalog.markets;
        for (const market of markets) this.hub.sendTicker(market, [subscription]);
      }
    }
  }

  private unsubscribe(id: number, params: Params | null): void {
    if (!params) return this.error(id, WsError.PARAMS_REQUIRED);
    const sids = params.sids;
    if (!Array.isArray(sids) || sids.length === 0) return this.error(id, WsError.SIDS_REQUIRED);
    for (const sid of sids) {
      const subscription = typeof sid === 'number' ? this.subscriptions.get(sid) : undefined;
      if (!subscription) {
        this.error(id, WsError.UNKNOWN_SID, { msg: `Unknown subscription ID: ${String(sid)}` });
        continue;
      }
      this.subscriptions.delete(subscription.sid);
      this.hub.unregister(subscription);
      this.reply({
        id,
        sid: subscription.sid,
        seq: Math.max(1, subscription.seq),
        type: 'unsubscribed',
      });
    }
  }

  private updateSubscription(id: number, params: Params | null): void {
    if (!params) return this.error(id, WsError.PARAMS_REQUIRED);
    const sids =
      params.sids !== undefined ? params.sids : params.sid !== undefined ? [params.sid] : [];
    if (
      !Array.isArray(sids) ||
      sids.length !== 1 ||
      (params.sid !== undefined && params.sids !== undefined)
    ) {
      return this.error(id, WsError.ONE_SID_REQUIRED);
    }
    const action = params.action;
    if (action === undefined) return this.error(id, WsError.ACTION_REQUIRED);
    if (action !== 'add_markets' && action !== 'delete_markets' && action !== 'get_snapshot') {
      return this.error(id, WsError.UNSUPPORTED_ACTION);
    }
    const subscription = typeof sids[0] === 'number' ? this.subscriptions.get(sids[0]) : undefined;
    if (!subscription) return this.error(id, WsError.UNKNOWN_SID);
    const tickers = this.tickersOf(id, params);
    if (tickers === false) return;
    if (!tickers) return this.error(id, WsError.MARKET_REQUIRED);
    if (!CHANNELS[subscription.channel].marketFilter || !subscription.markets) {
      return this.error(id, WsError.INVALID_PARAMETER, {
        msg: `${subscription.channel} subscription ${subscription.sid} covers all markets`,
      });
    }
    if (action === 'get_snapshot') {
      if (subscription.channel !== 'orderbook_delta')
        return this.error(id, WsError.UNSUPPORTED_ACTION);
      const missing = tickers.filter((t) => !subscription.markets!.has(t));
      if (missing.length > 0)
        return this.error(id, WsError.INVALID_PARAMETER, {
          msg: 'Market not in subscription',
          market_tickers: missing,
        });
      this.snapshots(subscription, tickers, id);
      return;
    }
    const added: string[] = [];
    for (const ticker of tickers) {
      if (action === 'add_markets' && !subscription.markets.has(ticker)) {
        subscription.markets.add(ticker);
        if (subscription.channel === 'orderbook_delta')
          this.hub.addBookMarket(subscription, ticker);
        added.push(ticker);
      } else if (action === 'delete_markets' && subscription.markets.delete(ticker)) {
        if (subscription.channel === 'orderbook_delta')
          this.hub.removeBookMarket(subscription, ticker);
      }
    }
    const ok: Record<string, unknown> = {
      id,
      sid: subscription.sid,
      type: 'ok',
      msg: { market_tickers: [...subscription.markets] },
    };
    if (CHANNELS[subscription.channel].sequenced && subscription.seq > 0) ok.seq = subscription.seq;
    this.reply(ok);
    if (subscription.channel === 'orderbook_delta') this.snapshots(subscription, added);
  }

  /** `market_ticker` / `market_tickers` as a list; null when absent; false after sending an error. */
  private tickersOf(id: number, params: Params): string[] | null | false {
    const single = params.market_ticker;
    const many = params.market_tickers;
    if (single !== undefined && many !== undefined) {
      this.error(id, WsError.INVALID_PARAMETER, {
        msg: 'market_ticker and market_tickers are mutually exclusive',
      });
      return false;
    }
    const list = many !== undefined ? many : single !== undefined ? [single] : null;
    if (list === null) return null;
    if (!Array.isArray(list) || list.length === 0 || list.some((t) => typeof t !== 'string')) {
      this.error(id, WsError.INVALID_PARAMETER, {
        msg: 'market_tickers must be a non-empty list of strings',
      });
      return false;
    }
    const unknown = (list as string[]).filter((t) => !this.catalog.market(t));
    if (unknown.length > 0) {
      this.error(id, WsError.INVALID_PARAMETER, {
        msg: 'Market not found',
        market_tickers: unknown,
      });
      return false;
    }
    return [...new Set(list as string[])];
  }

  private snapshots(subscription: Subscription, tickers: readonly string[], id?: number): void {
    for (const ticker of tickers) {
      this.send(snapshotFrame(this.catalog.market(ticker)!, subscription, id));
    }
  }

  private overflow(): void {
    for (const subscription of [...this.subscriptions.values()]) {
      if (subscription.channel !== 'orderbook_delta') continue;
      this.subscriptions.delete(subscription.sid);
      this.hub.unregister(subscription);
      this.ws.send(
        JSON.stringify({
          type: 'error',
          sid: subscription.sid,
          msg: { code: WsError.BUFFER_OVERFLOW, msg: ERROR_TEXT[25] },
        }),
      );
    }
  }

  private reply(message: Record<string, unknown>): void {
    if (message.id === 0) delete message.id;
    this.send(JSON.stringify(message));
  }

  private error(id: number, code: number, extra: Record<string, unknown> = {}): void {
    this.reply({ id, type: 'error', msg: { code, msg: ERROR_TEXT[code] ?? 'Error', ...extra } });
  }
}

/** A text frame's payload (ws hands over a Buffer, a Buffer list or an ArrayBuffer). */
function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data).toString('utf8');
}
