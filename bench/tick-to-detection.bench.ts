import { loadavg } from 'node:os';
import {
  OpportunityEventTypeValue,
  type OpportunityEventModel,
} from '../src/arbitrage/graphql/opportunity.model';
import { EventBus } from '../src/common/pubsub/event-bus';
import type { EventTopic, EventTopics } from '../src/common/pubsub/event-topics';
import { MarketDataService } from '../src/market-data/market-data.service';
import { OrderBookStore } from '../src/market-data/order-book/order-book-store';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { OpportunityKind } from '../src/simulator';
import { BENCH_ARB_ENV } from './support/pipeline-harness';
import { startBenchApp, wallMicros } from './support/bench-app';
import { summarize } from './support/stats';
import { report } from './support/report';

/**
 * Over the wire: the simulator (a child process) plants a mispricing and writes its frames to the app's WebSocket
 * on loopback; the app's real feed and arbitrage engine (this process) detect it and publish OPENED. Measured from
 * the moment the simulator handed the frame that created the opportunity to its socket (its onFrameSent hook) to
 * the moment the app publishes it, on one machine's clock (performance.timeOrigin + now in both). The frame that
 * created it is the one the feed was processing when the publish happened.
 */
const OPPORTUNITIES = 250;
/** Planted and detected first, not measured: the detection and publish path is compiled before it is timed. */
const WARM_UP = 100;
const KINDS: OpportunityKind[] = ['ladder_inversion', 'partition_buy_no', 'partition_buy_yes'];

type SimReply =
  | { kind: 'ready'; restUrl: string; wsUrl: string }
  | { kind: 'planted'; id: number; eventTicker?: string; sent: [string, number][] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function main(): Promise<void> {
  const load = loadavg()[0];
  const simulator = fork(join(__dirname, 'support/simulator-process.js'), [], { stdio: 'inherit' });
  const replies: SimReply[] = [];
  simulator.on('message', (reply: SimReply) => replies.push(reply));
  const ready = await until('the simulator', () =>
    replies.find((r): r is Extract<SimReply, { kind: 'ready' }> => r.kind === 'ready'),
  );
  const app = await startBenchApp({
    KALSHI_API_URL: ready.restUrl,
    KALSHI_WS_URL: ready.wsUrl,
    ...BENCH_ARB_ENV,
  });
  try {
    const nest = app.running.app;
    const store = nest.get(OrderBookStore);
    await until('every book to have a snapshot', () =>
      store.size > 0 && store.staleCount() === 0 ? true : undefined,
    );
    // The frame the feed is applying right now: whatever the engine publishes synchronously came from it.
    const feed = nest.get(MarketDataService).feed;
    let current: string | undefined;
    let currentAtMs = 0;
    const onFrame = feed.onFrame.bind(feed);
    feed.onFrame = (text, receivedAtMs) => {
      current = text;
      currentAtMs = wallMicros();
      onFrame(text, receivedAtMs);
      current = undefined;
    };
    const published: {
      event: OpportunityEventModel;
      atMicros: number;
      frame?: string;
      frameAtMicros: number;
    }[] = [];
    const bus = nest.get(EventBus);
    const publish = bus.publish.bind(bus) as (topic: EventTopic, payload: unknown) => void;
    bus.publish = <T extends EventTopic>(topic: T, payload: EventTopics[T]) => {
      if (topic === 'opportunityUpdated') {
        const event = (payload as EventTopics['opportunityUpdated']).opportunityUpdated;
        published.push({
          event,
          atMicros: wallMicros(),
          frame: current,
          frameAtMicros: currentAtMs,
        });
      }
      publish(topic, payload);
    };

    const latencies: number[] = [];
    const wire: number[] = [];
    const processing: number[] = [];
    let unattributed = 0;
    let refused = 0;
    let warm = 0;
    for (
      let i = 0;
      latencies.length + unattributed < OPPORTUNITIES && i < (OPPORTUNITIES + WARM_UP) * 3;
      i++
    ) {
      published.length = 0;
      simulator.send({ kind: 'plant', opportunity: KINDS[i % KINDS.length], id: i });
      const planted = (await until('the plant', () =>
        replies.find((r) => r.kind === 'planted' && r.id === i),
      )) as Extract<SimReply, { kind: 'planted' }>;
      if (planted.eventTicker === undefined) {
        refused++;
        await sleep(20);
        continue;
      }
      const sentAt = new Map(planted.sent);
      const eventTicker = planted.eventTicker;
      const opened = await until(
        `OPENED on ${eventTicker}`,
        () =>
          published.find(
            (p) =>
              p.event.type === OpportunityEventTypeValue.OPENED &&
              p.event.opportunity.eventTicker === eventTicker,
          ),
        5_000,
      );
      const sent = opened.frame === undefined ? undefined : sentAt.get(opened.frame);
      if (warm < WARM_UP) warm++;
      else if (sent === undefined) unattributed++;
      else {
        latencies.push(opened.atMicros - sent);
        wire.push(opened.frameAtMicros - sent);
        processing.push(opened.atMicros - opened.frameAtMicros);
      }
      const id = opened.event.opportunity.id;
      await until(
        `CLOSED ${id}`,
        () =>
          published.find(
            (p) =>
              p.event.type === OpportunityEventTypeValue.CLOSED && p.event.opportunity.id === id,
          ),
        5_000,
      );
    }
    if (latencies.length < 200) throw new Error(`only ${latencies.length} opportunities measured`);
    const micros = summarize(latencies);
    const wireMicros = summarize(wire);
    const processingMicros = summarize(processing);
    report({
      name: 'tick-to-detection',
      description: `simulator frame written -> app publishes OPENED, loopback WebSocket, ${micros.count} planted opportunities (${KINDS.join(', ')}), 200 markets with 1,000 background changes/s`,
      rows: [
        { metric: 'opportunities measured', value: micros.count, unit: 'count' },
        { metric: 'tick-to-detection p50', value: micros.p50, unit: 'µs' },
        {
          metric: 'tick-to-detection p99',
          value: micros.p99,
          unit: 'µs',
          target: '< 1,000',
          met: micros.p99 < 1_000,
        },
        { metric: 'tick-to-detection max', value: micros.max, unit: 'µs' },
        { metric: 'of which written -> read by the app p50', value: wireMicros.p50, unit: 'µs' },
        { metric: 'of which written -> read by the app p99', value: wireMicros.p99, unit: 'µs' },
        { metric: 'of which read -> published p50', value: processingMicros.p50, unit: 'µs' },
        { metric: 'of which read -> published p99', value: processingMicros.p99, unit: 'µs' },
      ],
      details: {
        micros,
        wireMicros,
        processingMicros,
        unattributed,
        refusedPlants: refused,
        clock: 'performance.timeOrigin + performance.now() in both processes (one machine)',
        simulator: 'a child process of its own (200 markets, 1,000 background changes/s)',
        loadAverageAtStart: load,
      },
    });
  } finally {
    await app.close();
    simulator.send({ kind: 'stop' });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
