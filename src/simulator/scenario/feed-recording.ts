import { eventWire, marketWire, seriesWire } from '../catalog/catalog-wire';
import { Prng } from '../common/prng';
import { ManualClock } from '../common/sim-clock';
import { SimExchange } from '../exchange/sim-exchange';
import { Subscription, type FrameSink } from '../ws/channel-hub';
import { snapshotFrame } from '../ws/ws-frames';

export interface FeedRecordingOptions {
  seed: number;
  events: number;
  minMembers: number;
  maxMembers: number;
  /** Number of `orderbook_delta` frames after the snapshots. */
  frames: number;
  /** Markets per subscription id (default 100). */
  marketsPerSid?: number;
  /** Simulated book changes per second, which sets the frames' `ts_ms` spacing (default 20,000). */
  messagesPerSecond?: number;
  /** Planted arbitrage opportunities per minute of simulated time (default 6, as the live simulator). */
  opportunitiesPerMinute?: number;
}

export interface FeedRecording {
  /** REST shapes, as GET /series, /events and /markets would return them when the recording starts. */
  readonly series: Record<string, unknown>[];
  readonly events: Record<string, unknown>[];
  readonly markets: Record<string, unknown>[];
  /** The exact WebSocket text: an `orderbook_snapshot` per market, then `orderbook_delta` frames. */
  readonly frames: string[];
}

/** The recording starts at this instant, so the same options give byte-identical frames. */
const RECORDING_EPOCH_MS = Date.UTC(2026, 10, 2, 14, 30, 0);
const TICK_MS = 10;

/**
 * A deterministic recorded-style order book stream for benchmarks, made by the same exchange, traders and
 * opportunity planter as the live simulator, on a virtual clock, without any network.
 */
export function generateFeedRecording(options: FeedRecordingOptions): FeedRecording {
  const clock = new ManualClock(RECORDING_EPOCH_MS);
  const ids = new Prng(options.seed ^ 0x2545f491);
  const rate = options.messagesPerSecond ?? 20_000;
  const exchange = new SimExchange({
    seed: options.seed,
    events: options.events,
    minMembers: options.minMembers,
    maxMembers: options.maxMembers,
    messagesPerSecond: rate,
    opportunitiesPerMinute: options.opportunitiesPerMinute,
    rateLimit: 'off',
    clock,
    ids: { uuid: () => ids.uuid() },
    epochMs: Date.UTC(2026, 10, 2),
  });
  const frames: string[] = [];
  const sink: FrameSink = { account: null, send: (frame) => frames.push(frame) };
  const perSid = options.marketsPerSid ?? 100;
  const markets = exchange.catalog.markets;
  const subscriptions: Subscription[] = [];
  for (let start = 0, sid = 1; start < markets.length; start += perSid, sid++) {
    const tickers = markets.slice(start, start + perSid).map((m) => m.ticker);
    const subscription = new Subscription(sid, 'orderbook_delta', sink, new Set(tickers), false);
    subscriptions.push(subscription);
  }
  const rest = {
    series: exchange.catalog.series.map((s) => seriesWire(s)),
    events: exchange.catalog.events.map((e) => eventWire(e, false)),
    markets: markets.map(marketWire),
  };
  markets.forEach((market, index) =>
    frames.push(snapshotFrame(market, subscriptions[Math.floor(index / perSid)])),
  );
  for (const subscription of subscriptions) exchange.hub.register(subscription);
  const target = frames.length + options.frames;
  exchange.trafficRunning = true;
  for (let guard = 0; frames.length < target && guard < options.frames + 1_000; guard++) {
    clock.advance(TICK_MS);
    exchange.tick(TICK_MS);
  }
  frames.length = Math.min(frames.length, target);
  return { ...rest, frames };
}
