import type { SimMarket } from '../catalog/sim-catalog';
import type { SimClock } from '../common/sim-clock';
import type { SimAccount, SimFill, SimPosition } from '../engine/account-ledger';
import type { EngineListener, SimTrade } from '../engine/engine-events';
import type { OrderSide, SimOrder } from '../engine/sim-order';
import {
  deltaBody,
  fillBody,
  positionBody,
  sequencedFrame,
  tickerBody,
  tradeBody,
  unsequencedFrame,
  userOrderBody,
  type FrameTarget,
} from './ws-frames';

export type ChannelName =
  | 'orderbook_delta'
  | 'ticker'
  | 'trade'
  | 'fill'
  | 'market_positions'
  | 'user_orders'
  | 'market_lifecycle_v2';

/** Channel rules (PROTOCOL.md §6.4): which carry `seq`, which need tickers, which are per user. */
export const CHANNELS: Record<
  ChannelName,
  { sequenced: boolean; needsMarkets: boolean; personal: boolean; marketFilter: boolean }
> = {
  orderbook_delta: { sequenced: true, needsMarkets: true, personal: false, marketFilter: true },
  ticker: { sequenced: false, needsMarkets: false, personal: false, marketFilter: true },
  trade: { sequenced: true, needsMarkets: false, personal: false, marketFilter: true },
  fill: { sequenced: false, needsMarkets: false, personal: true, marketFilter: true },
  market_positions: { sequenced: false, needsMarkets: false, personal: true, marketFilter: true },
  user_orders: { sequenced: false, needsMarkets: false, personal: true, marketFilter: true },
  market_lifecycle_v2: {
    sequenced: true,
    needsMarkets: false,
    personal: false,
    marketFilter: false,
  },
};

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

/** The parts of a WebSocket session the hub writes to. */
export interface FrameSink {
  readonly account: SimAccount | null;
  send(frame: string): void;
}

export class Subscription implements FrameTarget {
  seq = 0;
  /** Fault injection: the next frame jumps one `seq`. */
  skipNext = false;

  constructor(
    readonly sid: number,
    readonly channel: ChannelName,
    readonly sink: FrameSink,
    /** Tickers this subscription covers; null = every market. */
    public markets: Set<string> | null,
    readonly useYesPrice: boolean,
  ) {}

  covers(ticker: string): boolean {
    return this.markets === null || this.markets.has(ticker);
  }
}

/**
 * Fans exchange events out to WebSocket subscriptions as pre-built frame strings: one message body per
 * change (two price conventions at most), then one short concatenation per subscriber for `sid`/`seq`.
 */
export class ChannelHub implements EngineListener {
  private readonly bookSubs = new Map<string, Subscription[]>();
  private readonly channelSubs = new Map<ChannelName, Set<Subscription>>();
  private readonly lastTicker = new Map<SimMarket, string>();
  framesSent = 0;

  constructor(private readonly clock: SimClock) {
    for (const name of Object.keys(CHANNELS) as ChannelName[])
      this.channelSubs.set(name, new Set());
  }

  register(subscription: Subscription): void {
    this.channelSubs.get(subscription.channel)!.add(subscription);
    if (subscription.channel === 'orderbook_delta' && subscription.markets) {
      for (const ticker of subscription.markets) this.addBookMarket(subscription, ticker);
    }
  }

  unregister(subscription: Subscription): void {
    this.channelSubs.get(subscription.channel)!.delete(subscription);
    if (subscription.channel === 'orderbook_delta' && subscription.markets) {
      for (const ticker of subscription.markets) this.removeBookMarket(subscription, ticker);
    }
  }

  addBookMarket(subscription: Subscription, ticker: string): void {
    let list = this.bookSubs.get(ticker);
    if (!list) this.bookSubs.set(ticker, (list = []));
    if (!list.includes(subscription)) list.push(subscription);
  }

  removeBookMarket(subscription: Subscription, ticker: string): void {
    const list = this.bookSubs.get(ticker);
    if (!list) return;
    const index = list.indexOf(subscription);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.bookSubs.delete(ticker);
  }

  subscriptionCount(): number {
    let total = 0;
    for (const set of this.channelSubs.values()) total += set.size;
    return total;
  }

  /** Marks the next frame of every sequenced subscription (or of one sid of any session) to skip a seq. */
  skipSeq(sid?: number): number {
    let marked = 0;
    for (const [name, set] of this.channelSubs) {
      if (!CHANNELS[name].sequenced) continue;
      for (const subscription of set) {
        if (sid === undefined ? name === 'orderbook_delta' : subscription.sid === sid) {
          subscription.skipNext = true;
          marked++;
        }
      }
    }
    return marked;
  }

  bookChanged(
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    deltaE2: number,
    cause: SimOrder,
  ): void {
    const list = this.bookSubs.get(market.ticker);
    if (!list) return;
    const ts = this.clock.nowMs();
    let plain: string | undefined;
    let yesPriced: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const subscription = list[i];
      let body: string;
      if (
        cause.account !== null &&
        subscription.sink.account === cause.account &&
        cause.clientOrderId !== ''
      ) {
        body = deltaBody(
          market,
          side,
          priceE4,
          deltaE2,
          ts,
          subscription.useYesPrice,
          cause.clientOrderId,
          cause.subaccount,
        );
      } else if (subscription.useYesPrice) {
        body = yesPriced ??= deltaBody(market, side, priceE4, deltaE2, ts, true);
      } else {
        body = plain ??= deltaBody(market, side, priceE4, deltaE2, ts, false);
      }
      this.deliver(subscription, 'orderbook_delta', body);
    }
  }

  trade(trade: SimTrade): void {
    const subs = this.channelSubs.get('trade')!;
    if (subs.size === 0) return;
    const body = tradeBody(trade);
    for (const subscription of subs)
      if (subscription.covers(trade.market.ticker)) this.deliver(subscription, 'trade', body);
  }

  fill(account: SimAccount, fill: SimFill): void {
    this.personal('fill', 'fill', account, fill.order.market.ticker, () => fillBody(fill));
  }

  orderUpdated(order: SimOrder): void {
    if (order.account)
      this.personal('user_orders', 'user_order', order.account, order.market.ticker, () =>
        userOrderBody(order),
      );
  }

  positionChanged(account: SimAccount, position: SimPosition): void {
    this.personal('market_positions', 'market_position', account, position.market.ticker, () =>
      positionBody(account, position),
    );
  }

  topChanged(market: SimMarket): void {
    const subs = this.channelSubs.get('ticker')!;
    if (subs.size === 0) return;
    const book = market.book;
    const signature = `${book.bestBidE4()}|${book.bestAskE4()}|${book.bestBidSizeE2()}|${book.bestAskSizeE2()}|${market.stats.volumeE2}`;
    if (this.lastTicker.get(market) === signature) return;
    this.lastTicker.set(market, signature);
    this.sendTicker(market, subs);
  }

  /** The current ticker of `market` to one subscription (send_initial_snapshot) or to all that cover it. */
  sendTicker(market: SimMarket, subs: Iterable<Subscription>): void {
    let body: string | undefined;
    for (const subscription of subs) {
      if (!subscription.covers(market.ticker)) continue;
      body ??= tickerBody(market, this.clock.nowMs());
      subscription.sink.send(unsequencedFrame('ticker', subscription.sid, body));
      this.framesSent++;
    }
  }

  /** `market_lifecycle_v2` to every lifecycle subscription. */
  lifecycle(market: SimMarket, eventType: string, extra: Record<string, unknown>): void {
    const subs = this.channelSubs.get('market_lifecycle_v2')!;
    if (subs.size === 0) return;
    const body = JSON.stringify({
      market_ticker: market.ticker,
      event_type: eventType,
      exchange_index: 0,
      ...extra,
    });
    for (const subscription of subs) this.deliver(subscription, 'market_lifecycle_v2', body);
  }

  private personal(
    channel: ChannelName,
    type: string,
    account: SimAccount,
    ticker: string,
    build: () => string,
  ): void {
    const subs = this.channelSubs.get(channel)!;
    if (subs.size === 0) return;
    let body: string | undefined;
    for (const subscription of subs) {
      if (subscription.sink.account !== account || !subscription.covers(ticker)) continue;
      body ??= build();
      this.deliver(subscription, type, body);
    }
  }

  private deliver(subscription: Subscription, type: string, body: string): void {
    let frame: string;
    if (CHANNELS[subscription.channel].sequenced) {
      frame = sequencedFrame(type, subscription, body, subscription.skipNext);
      subscription.skipNext = false;
    } else {
      frame = unsequencedFrame(type, subscription.sid, body);
    }
    subscription.sink.send(frame);
    this.framesSent++;
  }
}
