import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ArbitrageService } from '../src/arbitrage/arbitrage.service';
import { OpportunityEventTypeValue } from '../src/arbitrage/graphql/opportunity.model';
import type { OpportunityPlan } from '../src/arbitrage/opportunities/opportunity.types';
import { EventBus } from '../src/common/pubsub/event-bus';
import { opportunityModel } from '../src/arbitrage/graphql/opportunity-model.mapper';
import { opportunityRecord } from '../src/arbitrage/opportunities/opportunity-record';
import { startSimulator } from '../src/simulator';
import { startBenchApp, wallMicros } from './support/bench-app';
import type { Summary } from './support/stats';
import { report } from './support/report';

/**
 * 1,000 graphql-ws clients (in a child process) subscribed to opportunityUpdated on the real app; opportunities
 * opened through the app's real tracker -> ArbitrageService -> EventBus (in-process PubSub) path at a steady
 * 200 events/s. Latency: server publish -> client receive, one machine's clock (timeOrigin + now).
 */
const CLIENTS = 1_000;
const EVENTS_PER_SECOND = 200;
const SECONDS = 2;
const QUERY =
  'subscription { opportunityUpdated { type opportunity { id kind eventTicker netProfit count legs { ticker side limitPrice count } } } }';

type Message =
  | { kind: 'connected' | 'probed' }
  | { kind: 'progress'; deliveries: number }
  | { kind: 'error'; message: string }
  | { kind: 'result'; deliveries: number; summary: Summary };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function plan(n: number): OpportunityPlan {
  const leg = (ticker: string, side: 'yes' | 'no', priceE4: number) => ({
    ticker,
    side,
    action: 'buy' as const,
    limitPriceE4: priceE4,
    countE2: 1_000,
    fills: [{ priceE4, countE2: 1_000 }],
    costE6: priceE4 * 1_000,
    tradeFeeE6: 17_500,
    debitE6: priceE4 * 1_000 + 20_000,
  });
  return {
    kind: 'LADDER_INVERSION',
    groupId: `KXFANOUT-${n}:above`,
    eventTicker: `KXFANOUT-${n}`,
    legs: [leg(`KXFANOUT-${n}-T60`, 'yes', 2_500), leg(`KXFANOUT-${n}-T62`, 'no', 7_000)],
    countE2: 1_000,
    costE6: 9_500_000,
    feesE6: 400_000,
    guaranteedPayoutE6: 10_000_000,
    bestPayoutE6: 10_000_000,
    netProfitE6: 100_000,
    bestCaseProfitE6: 100_000,
    returnBps: 101,
    netPerContractE6: 10_000,
  };
}

async function main(): Promise<void> {
  const load = loadavg()[0];
  // A quiet exchange: the app needs one to start, the bench publishes its own opportunities.
  const simulator = await startSimulator({
    markets: 20,
    messagesPerSecond: 0,
    opportunitiesPerMinute: 0,
  });
  const app = await startBenchApp({
    KALSHI_API_URL: simulator.restUrl,
    KALSHI_WS_URL: simulator.wsUrl,
  });
  let child: ChildProcess | undefined;
  try {
    const nest = app.running.app;
    const tracker = nest.get(ArbitrageService).tracker;
    const bus = nest.get(EventBus);
    child = fork(join(__dirname, 'support/fanout-clients.js'), [], { stdio: 'inherit' });
    const messages: Message[] = [];
    let deliveries = 0;
    child.on('message', (message: Message) => {
      if (message.kind === 'progress') deliveries = message.deliveries;
      else if (message.kind === 'error') throw new Error(`client: ${message.message}`);
      else messages.push(message);
    });
    const waitFor = async (kind: Message['kind'], timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!messages.some((m) => m.kind === kind)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for the clients: ${kind}`);
        await sleep(20);
      }
      return messages.find((m) => m.kind === kind)!;
    };
    child.send({
      kind: 'start',
      url: `${app.running.url.replace('http', 'ws')}/graphql`,
      clients: CLIENTS,
      query: QUERY,
    });
    await waitFor('connected', 60_000);
    // Readiness: probes until every client has one (a subscription is live once it delivers).
    // Published straight on the bus (not through the tracker): a probe is not one of the measured events.
    const probePlan = plan(-1);
    const probe = opportunityModel(
      opportunityRecord({
        id: 'probe',
        key: 'probe',
        kind: probePlan.kind,
        groupId: probePlan.groupId,
        eventTicker: probePlan.eventTicker,
        tickers: probePlan.legs.map((leg) => leg.ticker),
        plan: probePlan,
        status: 'OPEN',
        firstSeenMs: Date.now(),
        updatedMs: Date.now(),
        closedMs: null,
        closeReason: null,
        bestNetProfitE6: probePlan.netProfitE6,
        updates: 0,
      }),
    );
    const deadline = Date.now() + 60_000;
    let probes = 0;
    while (!messages.some((m) => m.kind === 'probed')) {
      if (Date.now() > deadline) throw new Error('the clients never all received a probe');
      bus.publish('opportunityUpdated', {
        opportunityUpdated: {
          type: OpportunityEventTypeValue.UPDATED,
          opportunity: { ...probe, id: `probe-${probes++}` },
        },
      });
      await sleep(100);
    }
    await sleep(500);

    const total = EVENTS_PER_SECOND * SECONDS;
    const publishedAt: Record<string, number> = {};
    const startMs = performance.now();
    let sent = 0;
    let lateMs = 0;
    while (sent < total) {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - startMs) * EVENTS_PER_SECOND) / 1000) + 1,
      );
      while (sent < due) {
        const at = wallMicros();
        const opened = tracker.observe(plan(sent), sent + 1);
        publishedAt[opened.id] = at;
        sent++;
      }
      const nextMs = startMs + (sent * 1000) / EVENTS_PER_SECOND;
      const wait = nextMs - performance.now();
      if (wait > 0) await sleep(wait);
      else lateMs = Math.max(lateMs, -wait);
    }
    const publishSeconds = (performance.now() - startMs) / 1000;
    const expected = total * CLIENTS;
    const drainDeadline = Date.now() + 120_000;
    while (deliveries < expected && Date.now() < drainDeadline) await sleep(250);
    await sleep(300);
    child.send({ kind: 'finish', publishedAt });
    const result = (await waitFor('result', 60_000)) as Extract<Message, { kind: 'result' }>;
    const { summary } = result;
    const ms = (micros: number) => Math.round(micros / 10) / 100;
    report({
      name: 'fanout',
      description: `${CLIENTS.toLocaleString('en-US')} graphql-ws subscribers (child process) of opportunityUpdated, ${EVENTS_PER_SECOND} events/s for ${SECONDS} s through tracker -> EventBus (in-process PubSub)`,
      rows: [
        {
          metric: 'deliveries received / expected',
          value: result.deliveries / expected,
          unit: 'ratio',
        },
        { metric: 'delivery latency p50', value: ms(summary.p50), unit: 'ms' },
        {
          metric: 'delivery latency p99',
          value: ms(summary.p99),
          unit: 'ms',
          target: '< 50',
          met: summary.p99 < 50_000 && result.deliveries === expected,
        },
        { metric: 'delivery latency max', value: ms(summary.max), unit: 'ms' },
        {
          metric: 'publish rate achieved',
          value: Math.round(total / publishSeconds),
          unit: 'events/s',
        },
      ],
      details: {
        clients: CLIENTS,
        events: total,
        deliveries: result.deliveries,
        expected,
        latencyMicros: summary,
        publisherLateMsMax: lateMs,
        pubsub: 'in-process graphql-subscriptions PubSub (no REDIS_URL)',
        query: QUERY,
        loadAverageAtStart: load,
      },
    });
  } finally {
    child?.kill();
    await app.close();
    await simulator.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
