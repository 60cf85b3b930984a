import type { Client as WsClient } from 'graphql-ws';
import { EventBus } from '../src/common/pubsub/event-bus';
import {
  OpportunityEventTypeValue,
  type OpportunityKindValue,
} from '../src/arbitrage/graphql/opportunity.model';
import { opportunityModel } from '../src/arbitrage/graphql/opportunity-model.mapper';
import type { OpportunityRecord } from '../src/arbitrage/opportunities/opportunity-record';
import { startSimulator, type RunningSimulator } from '../src/simulator';
import { startTestApp, type TestApp } from './support/test-app';

const OPPORTUNITY_FIELDS = `id key kind status eventTicker groupId count cost fees guaranteedPayout netProfit bestNetProfit
  returnPercent firstSeenAt closedAt lifetimeMs closeReason legs { ticker side action limitPrice count tradeFee debit }`;

interface OpportunityEvent {
  opportunityUpdated: { type: 'OPENED' | 'UPDATED' | 'CLOSED'; opportunity: any };
}

/** Every event of one subscription, kept until the test asks; real graphql-ws over a real socket. */
function collect(
  client: WsClient,
  query: string,
): { events: OpportunityEvent[]; stop: () => void } {
  const events: OpportunityEvent[] = [];
  const stop = client.subscribe<OpportunityEvent>(
    { query },
    {
      next: (event) => {
        if (event.data) events.push(event.data);
      },
      error: (error) =>
        events.push({ opportunityUpdated: { type: 'CLOSED', opportunity: { error } } }),
      complete: () => undefined,
    },
  );
  return { events, stop };
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A well-formed opportunity that no market has: only the readiness probe uses it. */
function probeRecord(kind: `${OpportunityKindValue}`): OpportunityRecord {
  const now = new Date();
  return {
    id: `probe-${kind}`,
    key: 'probe',
    kind,
    status: 'OPEN',
    eventTicker: 'PROBE',
    groupId: 'PROBE:partition',
    legs: [],
    tickers: [],
    countE2: 0,
    costE6: 0,
    feesE6: 0,
    guaranteedPayoutE6: 0,
    bestPayoutE6: 0,
    netProfitE6: 0,
    bestCaseProfitE6: 0,
    bestNetProfitE6: 0,
    returnBps: 0,
    netPerContractE6: 0,
    updates: 0,
    firstSeenAt: now,
    updatedAt: now,
    closedAt: null,
    lifetimeMs: null,
    closeReason: null,
  };
}

describe('arbitrage against the simulator, over HTTP, graphql-ws and a real database', () => {
  let simulator: RunningSimulator;
  let app: TestApp;

  beforeAll(async () => {
    // Little background traffic and no planted opportunities of its own: this test plants them.
    simulator = await startSimulator({
      seed: 42,
      markets: 60,
      messagesPerSecond: 20,
      opportunitiesPerMinute: 0,
    });
    app = await startTestApp({
      KALSHI_API_URL: simulator.restUrl,
      KALSHI_WS_URL: simulator.wsUrl,
      ARB_MIN_NET_PROFIT: '0.01',
      ARB_MIN_NET_PER_CONTRACT: '0.0001',
      ARB_MIN_RETURN_PERCENT: '0.01',
      ARB_FLUSH_INTERVAL_MS: '50',
    });
    await until('every book to have a snapshot', async () => {
      const status = (
        await app.graphql<{
          feedStatus: { connected: boolean; trackedMarkets: number; staleBooks: number };
        }>('{ feedStatus { connected trackedMarkets staleBooks } }')
      ).data?.feedStatus;
      return status && status.connected && status.trackedMarkets > 0 && status.staleBooks === 0
        ? status
        : undefined;
    });
  });

  afterAll(async () => {
    await app?.close();
    await simulator?.close();
  });

  it.each([
    ['ladder_inversion', 'LADDER_INVERSION'],
    ['partition_buy_no', 'PARTITION_BUY_NO'],
    ['partition_buy_yes', 'PARTITION_BUY_YES'],
  ] as const)(
    'a planted %s is OPENED and then CLOSED on opportunityUpdated, and stored closed',
    async (simKind, kind) => {
      const subscription = collect(
        app.wsClient(),
        `subscription { opportunityUpdated(filter: { kinds: [${kind}] }) { type opportunity { ${OPPORTUNITY_FIELDS} } } }`,
      );
      // Readiness handshake: publish a probe until the subscription delivers it, then plant.
      const probe = opportunityModel(probeRecord(kind));
      const bus = app.running.app.get(EventBus);
      await until('the subscription to deliver', () => {
        bus.publish('opportunityUpdated', {
          opportunityUpdated: { type: OpportunityEventTypeValue.UPDATED, opportunity: probe },
        });
        return subscription.events.find((e) => e.opportunityUpdated.opportunity.id === probe.id);
      });
      const planted = simulator.exchange.createOpportunity({
        kind: simKind,
        durationMs: 1_500,
        sizeE2: 1_000,
        minProfitE4: 200,
      });
      if (!planted.ok) throw new Error(`${planted.code}: ${planted.message}`);
      const eventTicker = planted.value.event_ticker as string;
      const plantedTickers = (planted.value.legs as { ticker: string }[])
        .map((leg) => leg.ticker)
        .sort();

      const opened = await until('OPENED', () =>
        subscription.events.find(
          (e) =>
            e.opportunityUpdated.type === 'OPENED' &&
            e.opportunityUpdated.opportunity.eventTicker === eventTicker,
        ),
      );
      const opportunity = opened.opportunityUpdated.opportunity;
      expect(opportunity).toMatchObject({ kind, status: 'OPEN', closedAt: null });
      expect(opportunity.legs.map((leg: { ticker: string }) => leg.ticker).sort()).toEqual(
        plantedTickers,
      );
      expect(Number(opportunity.count)).toBeGreaterThan(0);
      expect(opportunity.netProfit).toMatch(/^\d+\.\d{6}$/);
      // The simulator's own figure is before member rounding and for its planted size: ours is after rounding, for what we sized.
      expect(BigInt(opportunity.netProfit.replace('.', ''))).toBeGreaterThan(0n);

      const open = await app.graphql<{ opportunity: any }>(
        `query ($id: ID!) { opportunity(id: $id) { ${OPPORTUNITY_FIELDS} } }`,
        { id: opportunity.id },
      );
      expect(open.data!.opportunity).toMatchObject({ id: opportunity.id, status: 'OPEN' });

      const closed = await until('CLOSED', () =>
        subscription.events.find(
          (e) =>
            e.opportunityUpdated.type === 'CLOSED' &&
            e.opportunityUpdated.opportunity.id === opportunity.id,
        ),
      );
      subscription.stop();
      expect(closed.opportunityUpdated.opportunity).toMatchObject({
        status: 'CLOSED',
        closeReason: 'PRICES_MOVED',
      });
      expect(closed.opportunityUpdated.opportunity.lifetimeMs).toBeGreaterThan(0);

      const rows = await until('the closed row in the database', async () => {
        const found = await app.database.query<{
          status: string;
          kind: string;
          close_reason: string;
          net_profit_e6: string;
          lifetime_ms: string;
        }>(
          'SELECT status, kind, close_reason, net_profit_e6, lifetime_ms FROM opportunities WHERE id = $1',
          [opportunity.id],
        );
        return found[0]?.status === 'CLOSED' ? found : undefined;
      });
      expect(rows[0]).toMatchObject({ kind, close_reason: 'PRICES_MOVED' });
      expect(Number(rows[0].lifetime_ms)).toBe(closed.opportunityUpdated.opportunity.lifetimeMs);

      const history = await app.graphql<{ opportunities: { items: any[]; total: number } }>(
        `query ($event: String) { opportunities(filter: { status: CLOSED, eventTicker: $event }) { total items { id status netProfit closeReason } } }`,
        { event: eventTicker },
      );
      expect(history.errors).toBeUndefined();
      expect(history.data!.opportunities.items.map((o) => o.id)).toContain(opportunity.id);
      const byId = await app.graphql<{ opportunity: any }>(
        `query ($id: ID!) { opportunity(id: $id) { status closeReason } }`,
        { id: opportunity.id },
      );
      expect(byId.data!.opportunity).toEqual({ status: 'CLOSED', closeReason: 'PRICES_MOVED' });
    },
  );

  it('calculateArbitrage prices "buy yes 0.25" + "buy no 0.70" x 100 exactly: net $2.21 after fees', async () => {
    const result = await app.graphql<{ calculateArbitrage: any }>(`{
      calculateArbitrage(input: { kind: LADDER_INVERSION, count: "100", legs: [{ side: YES, price: "0.25" }, { side: NO, price: "0.70" }] }) {
        __typename
        ... on ArbitrageCalculation { netProfit fees guaranteedPayout returnPercent clearsThresholds legs { side tradeFee debit } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.calculateArbitrage).toEqual({
      __typename: 'ArbitrageCalculation',
      netProfit: '2.210000',
      fees: '2.790000',
      guaranteedPayout: '100.000000',
      returnPercent: '2.25',
      clearsThresholds: true,
      legs: [
        { side: 'YES', tradeFee: '1.312500', debit: '26.320000' },
        { side: 'NO', tradeFee: '1.470000', debit: '71.470000' },
      ],
    });
  });

  it('calculateArbitrage answers an off-grid price with a typed error naming the field', async () => {
    const result = await app.graphql<{ calculateArbitrage: any }>(`{
      calculateArbitrage(input: { kind: LADDER_INVERSION, count: "100", legs: [{ side: YES, price: "0.255" }, { side: NO, price: "0.70" }] }) {
        __typename
        ... on ArbitrageCalculationError { code field message }
      }
    }`);
    expect(result.data!.calculateArbitrage).toMatchObject({
      __typename: 'ArbitrageCalculationError',
      code: 'PRICE_OFF_GRID',
      field: 'legs[0].price',
    });
  });

  it('rejects a page size out of range with a clear error', async () => {
    const result = await app.graphql('{ opportunities(pagination: { limit: 0 }) { total } }');
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/limit must be between 1 and 500/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
