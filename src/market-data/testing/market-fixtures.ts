import { FeeSchedule } from '../../kalshi/kalshi-fees';
import { PriceGrid } from '../../kalshi/price-grid';
import type { WsCommandWire } from '../../kalshi/wire/ws-message.wire';
import type { MarketInfo } from '../catalog/catalog.types';
import { MarketCatalog } from '../catalog/market-catalog';
import type { FeedConnection } from '../feed/order-book-feed';

/** An "above X" market of the KXHIGHNY-26OCT01 ladder. */
export function ladderMarket(strike: number, overrides: Partial<MarketInfo> = {}): MarketInfo {
  return {
    ticker: `KXHIGHNY-26OCT01-T${strike}`,
    eventTicker: 'KXHIGHNY-26OCT01',
    seriesTicker: 'KXHIGHNY',
    title: `Above ${strike}`,
    yesSubTitle: `${strike + 1}° or above`,
    status: 'active',
    strikeType: 'greater',
    floorStrike: strike,
    grid: PriceGrid.cent(),
    ...overrides,
  };
}

export function catalogWith(markets: MarketInfo[]): MarketCatalog {
  const catalog = new MarketCatalog();
  catalog.replaceAll({
    series: [
      {
        ticker: 'KXHIGHNY',
        title: 'Highest temperature in NYC',
        category: 'Climate and Weather',
        fees: FeeSchedule.standard(),
      },
    ],
    events: [...new Set(markets.map((m) => m.eventTicker))].map((eventTicker) => ({
      eventTicker,
      seriesTicker: 'KXHIGHNY',
      title: eventTicker,
      mutuallyExclusive: false,
    })),
    markets,
  });
  return catalog;
}

/** A connection that records the commands it is given and is open until told otherwise. */
export class FakeConnection implements FeedConnection {
  connected = true;
  readonly sent: { id: number; cmd: WsCommandWire['cmd']; params?: Record<string, unknown> }[] = [];
  private nextId = 1;

  send(cmd: WsCommandWire['cmd'], params?: Record<string, unknown>): number | undefined {
    if (!this.connected) return undefined;
    const id = this.nextId++;
    this.sent.push({ id, cmd, params });
    return id;
  }

  last(cmd?: WsCommandWire['cmd']) {
    const list = cmd ? this.sent.filter((c) => c.cmd === cmd) : this.sent;
    return list[list.length - 1];
  }

  bookSubscriptions() {
    return this.sent.filter(
      (c) => c.cmd === 'subscribe' && (c.params?.channels as string[])[0] === 'orderbook_delta',
    );
  }
}

export const frames = {
  subscribed: (id: number, sid: number, channel = 'orderbook_delta') =>
    JSON.stringify({ id, type: 'subscribed', msg: { channel, sid } }),
  snapshot: (
    sid: number,
    seq: number,
    ticker: string,
    yes: [string, string][] | undefined,
    no: [string, string][] | undefined,
  ) =>
    JSON.stringify({
      type: 'orderbook_snapshot',
      sid,
      seq,
      msg: {
        market_ticker: ticker,
        market_id: 'id',
        ...(yes && { yes_dollars_fp: yes }),
        ...(no && { no_dollars_fp: no }),
      },
    }),
  delta: (
    sid: number,
    seq: number,
    ticker: string,
    price: string,
    delta: string,
    side: 'yes' | 'no',
    tsMs = 1790000000123,
  ) =>
    `{"type":"orderbook_delta","sid":${sid},"seq":${seq},"msg":{"market_ticker":"${ticker}","market_id":"id","price_dollars":"${price}","delta_fp":"${delta}","side":"${side}","ts_ms":${tsMs}}}`,
  error: (id: number | undefined, code: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      ...(id !== undefined && { id }),
      type: 'error',
      msg: { code, msg: `error ${code}`, ...extra },
    }),
};
