import { Logger } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { ArbitrageEngine } from '../../src/arbitrage/arbitrage-engine';
import { ArbitrageService } from '../../src/arbitrage/arbitrage.service';
import type { OpportunityRecord } from '../../src/arbitrage/opportunities/opportunity-record';
import {
  OpportunityTracker,
  type TrackedOpportunity,
} from '../../src/arbitrage/opportunities/opportunity-tracker';
import { EventBus } from '../../src/common/pubsub/event-bus';
import { loadConfig, type Environment } from '../../src/config/load-config';
import type { WsCommandWire } from '../../src/kalshi/wire/ws-message.wire';
import type { EventWire, MarketWire, SeriesWire } from '../../src/kalshi/wire/market.wire';
import type { CatalogLoader } from '../../src/market-data/catalog/catalog-loader';
import {
  eventRecordFromWire,
  marketInfoFromWire,
  seriesInfoFromWire,
} from '../../src/market-data/catalog/catalog-mapper';
import { MarketCatalog, type CatalogContent } from '../../src/market-data/catalog/market-catalog';
import { FeedHealth } from '../../src/market-data/feed/feed-health';
import { OrderBookFeed, type FeedConnection } from '../../src/market-data/feed/order-book-feed';
import { MarketTracking } from '../../src/market-data/market-tracking';
import type { TrackingFilter } from '../../src/market-data/catalog/tracking-filter';
import { OrderBookStore } from '../../src/market-data/order-book/order-book-store';
import type { FeedRecording } from '../../src/simulator';

/** Thresholds low enough that the recording's planted and natural mispricings count (as in the e2e specs). */
export const BENCH_ARB_ENV: Environment = {
  ARB_MIN_NET_PROFIT: '0.01',
  ARB_MIN_NET_PER_CONTRACT: '0.0001',
  ARB_MIN_RETURN_PERCENT: '0.01',
};

/** The recording's sids group this many markets: the feed's default subscribe chunk, so one chunk = one sid. */
export const MARKETS_PER_SID = 500;
const LIFECYCLE_SID = 1_000_000;

/** The catalog a REST load would give for the recording (the app's own mappers). */
export function catalogContent(recording: FeedRecording): CatalogContent {
  const series = (recording.series as unknown as SeriesWire[]).map(seriesInfoFromWire);
  const events = (recording.events as unknown as EventWire[]).map(eventRecordFromWire);
  const seriesOf = new Map(events.map((e) => [e.eventTicker, e.seriesTicker]));
  const markets = (recording.markets as unknown as MarketWire[]).map((m) =>
    marketInfoFromWire(m, seriesOf.get(m.event_ticker)!),
  );
  return { series, events, markets };
}

/** A FeedConnection that records commands; closed until `onOpen`, as the app's socket is during the first load. */
class RecordingConnection implements FeedConnection {
  connected = false;
  readonly commands: { id: number; cmd: string; params?: Record<string, unknown> }[] = [];
  private nextId = 1;

  send(cmd: WsCommandWire['cmd'], params?: Record<string, unknown>): number | undefined {
    if (!this.connected) return undefined;
    const id = this.nextId++;
    this.commands.push({ id, cmd, params });
    return id;
  }
}

/** Counts what the tracker did, from the listener the app uses. */
export interface OpportunityCounts {
  opened: number;
  updated: number;
  closed: number;
}

/**
 * The app's hot path without Nest or sockets: MarketCatalog + OrderBookStore + OrderBookFeed (through its real
 * subscribe -> subscribed -> snapshot -> delta protocol) + MarketTracking + ArbitrageEngine + the real
 * ArbitrageService as the tracker's listener (log line, write-behind queue into an in-memory repository,
 * EventBus publish on an in-process PubSub).
 */
export class Pipeline {
  readonly catalog = new MarketCatalog();
  readonly store = new OrderBookStore();
  readonly health = new FeedHealth();
  readonly feed: OrderBookFeed;
  readonly service: ArbitrageService;
  readonly tracker: OpportunityTracker;
  readonly engine: ArbitrageEngine;
  readonly counts: OpportunityCounts = { opened: 0, updated: 0, closed: 0 };
  /** Records the write-behind queue handed to the in-memory repository. */
  readonly stored: OpportunityRecord[] = [];
  private readonly connection = new RecordingConnection();
  private readonly frames: readonly string[];
  private readonly tracking: MarketTracking;

  private constructor(
    private readonly recording: FeedRecording,
    env: Environment,
  ) {
    this.frames = socketFrames(recording.frames);
    const config = loadConfig(['--mode', 'simulation'], { ...BENCH_ARB_ENV, ...env });
    this.feed = new OrderBookFeed({
      store: this.store,
      catalog: this.catalog,
      health: this.health,
      useYesPrice: false,
      onLifecycle: (type, msg) => this.tracking.onLifecycle(type, msg),
    });
    const content = catalogContent(recording);
    const loader = { load: () => Promise.resolve(content) } as unknown as CatalogLoader;
    // The tracking filter follows the markets' own (simulated) clock: everything the recording lists is tracked.
    const filter: TrackingFilter = {
      seriesTickers: [],
      eventTickers: [],
      categories: [],
      status: 'any',
      maxMarkets: Number.MAX_SAFE_INTEGER,
    };
    this.tracking = new MarketTracking(this.catalog, this.store, this.feed, loader, filter);
    this.feed.attach(this.connection);
    const stored = this.stored;
    const dataSource = {
      getRepository: () => ({
        upsert: (records: OpportunityRecord[]) => {
          for (const record of records) stored.push(record);
          return Promise.resolve();
        },
      }),
    } as unknown as DataSource;
    const events = new EventBus(new PubSub(), (topic, error) => {
      throw new Error(`publish ${topic} failed: ${String(error)}`);
    });
    const service = new ArbitrageService(config, dataSource, events);
    const counts = this.counts;
    // The service is the tracker's listener as in the app; the counts only wrap it.
    this.tracker = new OpportunityTracker({
      opened: (o: TrackedOpportunity) => {
        counts.opened++;
        service.opened(o);
      },
      updated: (o: TrackedOpportunity) => {
        counts.updated++;
        service.updated(o);
      },
      closed: (o: TrackedOpportunity) => {
        counts.closed++;
        service.closed(o);
      },
    });
    this.service = service;
    this.engine = new ArbitrageEngine({
      catalog: this.catalog,
      books: this.store,
      tracker: this.tracker,
      settings: service.settings,
      overrides: service.settings.overrides,
    });
  }

  /** Loads the catalog, opens the feed, answers its subscribes with the recording's sids, applies the snapshots. */
  static async start(recording: FeedRecording, env: Environment = {}): Promise<Pipeline> {
    const pipeline = new Pipeline(recording, env);
    await pipeline.open();
    return pipeline;
  }

  /** The recording's `orderbook_delta` frames (after one snapshot per market), as the socket delivers them. */
  get deltaFrames(): readonly string[] {
    return this.frames.slice(this.recording.markets.length);
  }

  private async open(): Promise<void> {
    this.tracking.start();
    await this.tracking.refresh();
    this.engine.start();
    this.connection.connected = true;
    this.feed.onOpen();
    const snapshots = this.frames.slice(0, this.recording.markets.length);
    const sidOf = new Map<string, number>();
    for (const frame of snapshots) {
      const parsed = JSON.parse(frame) as { sid: number; msg: { market_ticker: string } };
      sidOf.set(parsed.msg.market_ticker, parsed.sid);
    }
    for (const command of this.connection.commands.splice(0)) {
      if (command.cmd !== 'subscribe') continue;
      const tickers = (command.params?.market_tickers as string[] | undefined) ?? [];
      const sid = tickers.length === 0 ? LIFECYCLE_SID : sidOf.get(tickers[0]);
      if (sid === undefined || tickers.some((t) => sidOf.get(t) !== sid))
        throw new Error(`subscribe ${command.id} does not line up with one sid of the recording`);
      const channel = tickers.length === 0 ? 'market_lifecycle_v2' : 'orderbook_delta';
      this.feed.onFrame(
        JSON.stringify({ type: 'subscribed', id: command.id, msg: { channel, sid } }),
        Date.now(),
      );
    }
    for (const frame of snapshots) this.feed.onFrame(frame, Date.now());
    const stale = this.store.staleCount();
    if (this.store.size !== this.recording.markets.length || stale !== 0)
      throw new Error(`after the snapshots: ${this.store.size} books, ${stale} stale`);
  }

  /** Feed health counters that must stay zero on a clean recording. */
  problems(): Record<string, number> {
    const h = this.health;
    return {
      gaps: h.gaps,
      malformedFrames: h.malformedFrames,
      unknownTypes: h.unknownTypes,
      unknownMarketDeltas: h.unknownMarketDeltas,
      belowZeroDeltas: h.belowZeroDeltas,
      offGridDeltas: h.offGridDeltas,
      listenerErrors: this.store.listenerErrors,
    };
  }
}

const decoded = new WeakMap<readonly string[], readonly string[]>();

/**
 * The frames as the WebSocket client hands them over: decoded from a Buffer (flat strings), not the recorder's
 * concatenations. Cached per recording, so every pass reads the same strings.
 */
export function socketFrames(frames: readonly string[]): readonly string[] {
  let flat = decoded.get(frames);
  if (!flat) {
    flat = frames.map((frame) => Buffer.from(frame, 'utf8').toString('utf8'));
    decoded.set(frames, flat);
  }
  return flat;
}

/** Nest's logger off: the bench measures the hot path, not the terminal. */
export function silenceNestLogs(): void {
  Logger.overrideLogger(false);
}
