import { Counter, Gauge, register as defaultRegistry, type Registry } from 'prom-client';
import type { OrderBookStore } from '../order-book/order-book-store';
import type { FeedHealth } from './feed-health';

type CounterField =
  | 'framesReceived'
  | 'snapshots'
  | 'deltas'
  | 'gaps'
  | 'resyncs'
  | 'resubscribes'
  | 'reconnects'
  | 'malformedFrames'
  | 'unknownTypes'
  | 'unknownMarketDeltas'
  | 'belowZeroDeltas'
  | 'offGridDeltas'
  | 'subscriptionErrors';

const COUNTERS: [name: string, field: CounterField, help: string][] = [
  ['kalshi_feed_frames_total', 'framesReceived', 'WebSocket frames received'],
  ['kalshi_feed_snapshots_total', 'snapshots', 'order book snapshots applied'],
  ['kalshi_feed_deltas_total', 'deltas', 'order book deltas applied or rejected'],
  ['kalshi_feed_seq_gaps_total', 'gaps', 'seq gaps detected (per sid)'],
  ['kalshi_feed_resyncs_total', 'resyncs', 'snapshot requests after a gap or an inconsistent book'],
  ['kalshi_feed_resubscribes_total', 'resubscribes', 'subscriptions started again'],
  ['kalshi_feed_reconnects_total', 'reconnects', 'WebSocket reconnections'],
  ['kalshi_feed_malformed_frames_total', 'malformedFrames', 'frames that could not be read'],
  ['kalshi_feed_unknown_types_total', 'unknownTypes', 'frames of an unknown type'],
  [
    'kalshi_feed_unknown_market_deltas_total',
    'unknownMarketDeltas',
    'deltas or snapshots for markets that are not tracked',
  ],
  ['kalshi_feed_below_zero_deltas_total', 'belowZeroDeltas', 'deltas that took a level below zero'],
  ['kalshi_feed_off_grid_deltas_total', 'offGridDeltas', "deltas at a price off the market's grid"],
  [
    'kalshi_feed_subscription_errors_total',
    'subscriptionErrors',
    'error replies from the exchange',
  ],
];

/**
 * Feed health as Prometheus metrics (served at /metrics by the monitoring module). Values are read from
 * FeedHealth when scraped, so the hot path pays nothing. Returns the function that unregisters them.
 */
export function registerFeedMetrics(
  health: FeedHealth,
  store: OrderBookStore,
  registry: Registry = defaultRegistry,
): () => void {
  const names: string[] = [];
  const add = <T extends Counter | Gauge>(create: () => T, name: string): void => {
    registry.removeSingleMetric(name);
    registry.registerMetric(create());
    names.push(name);
  };
  for (const [name, field, help] of COUNTERS) {
    add(
      () =>
        new Counter({
          name,
          help,
          registers: [],
          collect() {
            this.reset();
            this.inc(health[field]);
          },
        }),
      name,
    );
  }
  const gauge = (name: string, help: string, read: () => number) =>
    add(
      () =>
        new Gauge({
          name,
          help,
          registers: [],
          collect() {
            this.set(read());
          },
        }),
      name,
    );
  gauge('kalshi_feed_connected', '1 while the WebSocket is open', () => (health.connected ? 1 : 0));
  gauge('kalshi_feed_subscriptions', 'confirmed subscriptions (sids)', () => health.subscriptions);
  gauge('kalshi_feed_tracked_markets', 'markets with a book', () => store.size);
  gauge('kalshi_feed_stale_books', 'books not to be traded on', () => store.staleCount());
  gauge('kalshi_feed_frames_per_second', 'frames per second over the last 5 s', () =>
    health.framesPerSecond(Date.now()),
  );
  add(
    () =>
      new Gauge({
        name: 'kalshi_feed_message_age_ms',
        help: 'exchange time (ts_ms) to receipt of recent deltas, ms',
        labelNames: ['quantile'],
        registers: [],
        collect() {
          this.reset();
          for (const quantile of [0.5, 0.99]) {
            const value = health.agePercentile(quantile);
            if (value !== null) this.set({ quantile: String(quantile) }, value);
          }
        },
      }),
    'kalshi_feed_message_age_ms',
  );
  return () => {
    for (const name of names) registry.removeSingleMetric(name);
  };
}
