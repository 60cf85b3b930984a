import { formatCountE2, formatPriceE4, ONE_DOLLAR } from '../../kalshi/fixed-point';
import { orderbookWire } from '../catalog/catalog-wire';
import type { SimCatalog, SimMarket } from '../catalog/sim-catalog';
import { Prng } from '../common/prng';
import { wallClock, type SimClock } from '../common/sim-clock';
import { AccountLedger, type SimAccount } from '../engine/account-ledger';
import type { EngineListener, SimTrade } from '../engine/engine-events';
import { MatchingEngine, type IdSource } from '../engine/matching-engine';
import {
  OpportunityPlanter,
  OPPORTUNITY_KINDS,
  type OpportunityRequest,
  type PlantResult,
} from '../scenario/opportunity-planter';
import { generateScenario, type Scenario } from '../scenario/scenario-generator';
import { TrafficGenerator, type ChangeCounter } from '../scenario/traffic-generator';
import { ChannelHub } from '../ws/channel-hub';
import { FaultInjector } from './fault-injector';
import { RateLimiter, type RateTier } from './rate-limiter';

export interface ExchangeOptions {
  seed?: number;
  markets?: number;
  /** Exact event count and members per event (recordings); otherwise events until `markets` is reached. */
  events?: number;
  minMembers?: number;
  maxMembers?: number;
  messagesPerSecond?: number;
  opportunitiesPerMinute?: number;
  startingBalanceCents?: number;
  rateLimit?: RateTier | 'off';
  clock?: SimClock;
  ids?: IdSource;
  epochMs?: number;
}

/** What the WebSocket gateway lets the exchange do to live connections (fault injection). */
export interface ConnectionControl {
  drop(): number;
  freeze(ms?: number): number;
  unfreeze(): number;
  count(): number;
  cork(): void;
  uncork(): void;
}

const NO_CONNECTIONS: ConnectionControl = {
  drop: () => 0,
  freeze: () => 0,
  unfreeze: () => 0,
  count: () => 0,
  cork: () => undefined,
  uncork: () => undefined,
};

export type ControlResult<T = Record<string, unknown>> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

/**
 * The simulated exchange: catalog, matching engine, accounts, simulated traders, opportunity planter,
 * WebSocket fan-out and fault switches. The HTTP control API (`/_sim`) calls exactly these methods.
 */
export class SimExchange {
  readonly clock: SimClock;
  readonly scenario: Scenario;
  readonly catalog: SimCatalog;
  readonly ledger: AccountLedger;
  readonly engine: MatchingEngine;
  readonly hub: ChannelHub;
  readonly traffic: TrafficGenerator;
  readonly planter: OpportunityPlanter;
  readonly faults = new FaultInjector();
  readonly rateLimiter: RateLimiter | null;
  readonly counter: ChangeCounter = { changes: 0 };
  readonly recentTrades: SimTrade[] = [];
  messagesPerSecond: number;
  opportunitiesPerMinute: number;
  trafficRunning = false;
  connections: ConnectionControl = NO_CONNECTIONS;
  private readonly prng: Prng;
  private timer: NodeJS.Timeout | null = null;
  private lastTickMs = 0;
  private carry = 0;

  constructor(options: ExchangeOptions = {}) {
    this.clock = options.clock ?? wallClock;
    const seed = options.seed ?? 42;
    const epochMs = options.epochMs ?? Math.floor(this.clock.nowMs() / 86_400_000) * 86_400_000;
    this.scenario = generateScenario({
      seed,
      markets: options.markets,
      events: options.events,
      minMembers: options.minMembers,
      maxMembers: options.maxMembers,
      epochMs,
    });
    this.catalog = this.scenario.catalog;
    this.prng = new Prng(seed ^ 0x5bd1e995);
    this.ledger = new AccountLedger((options.startingBalanceCents ?? 10_000_000) * 10_000);
    this.engine = new MatchingEngine(this.ledger, this.clock, options.ids);
    this.hub = new ChannelHub(this.clock);
    this.engine.setListener(this.listener());
    this.traffic = new TrafficGenerator(this.scenario, this.engine, this.prng, this.counter);
    this.planter = new OpportunityPlanter(
      this.catalog,
      this.engine,
      this.traffic,
      this.prng,
      this.clock,
    );
    this.rateLimiter =
      options.rateLimit === 'off' ? null : new RateLimiter(options.rateLimit ?? 'basic');
    this.messagesPerSecond = options.messagesPerSecond ?? 1_000;
    this.opportunitiesPerMinute = options.opportunitiesPerMinute ?? 6;
    this.traffic.populate();
  }

  /** Starts the clock-driven loop: order expiry, opportunity expiry and (when running) traffic. */
  start(startTraffic: boolean, tickMs = 20): void {
    this.trafficRunning = startTraffic;
    this.lastTickMs = this.clock.nowMs();
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.trafficRunning = false;
  }

  /** One step of simulated time: what the live timer does every tick, callable by tests and recordings. */
  tick(elapsedMs = Math.min(1_000, this.clock.nowMs() - this.lastTickMs)): void {
    this.lastTickMs = this.clock.nowMs();
    this.connections.cork();
    try {
      this.engine.expire();
      this.planter.expire();
      if (!this.trafficRunning || elapsedMs <= 0) return;
      const target = (this.messagesPerSecond * elapsedMs) / 1000 + this.carry;
      const before = this.counter.changes;
      this.traffic.drift(elapsedMs);
      if (this.prng.next() < (this.opportunitiesPerMinute * elapsedMs) / 60_000) {
        this.planter.plant({ kind: this.prng.pick(OPPORTUNITY_KINDS) });
      }
      const remaining = Math.floor(target - (this.counter.changes - before));
      if (remaining > 0) this.traffic.run(remaining);
      this.carry = Math.max(
        -this.messagesPerSecond,
        Math.min(this.messagesPerSecond, target - (this.counter.changes - before)),
      );
    } finally {
      this.connections.uncork();
    }
  }

  account(keyId: string): SimAccount {
    return this.ledger.account(keyId, this.clock.nowMs());
  }

  // ---- control operations (also under /_sim) ----

  pauseTraffic(): ControlResult {
    this.trafficRunning = false;
    return { ok: true, value: { trafficRunning: false } };
  }

  resumeTraffic(): ControlResult {
    this.trafficRunning = true;
    this.lastTickMs = this.clock.nowMs();
    return { ok: true, value: { trafficRunning: true } };
  }

  setRate(messagesPerSecond: number): ControlResult {
    if (!(messagesPerSecond >= 0)) return invalid('messagesPerSecond must be >= 0');
    this.messagesPerSecond = messagesPerSecond;
    return { ok: true, value: { messagesPerSecond } };
  }

  /** Makes `count` book changes now, whether or not background traffic runs. */
  burst(count: number): ControlResult {
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
      return invalid('count must be an integer from 1 to 1000000');
    const before = this.counter.changes;
    this.connections.cork();
    try {
      this.traffic.run(count);
    } finally {
      this.connections.uncork();
    }
    return { ok: true, value: { changes: this.counter.changes - before } };
  }

  pauseMarket(ticker: string): ControlResult {
    const market = this.catalog.market(ticker);
    if (!market) return notFound(ticker);
    if (market.status !== 'active') return conflict(`market ${ticker} is ${market.status}`);
    market.status = 'inactive';
    market.updatedMs = this.clock.nowMs();
    this.engine.clearMarket(market, 'HaltCancel', true);
    this.hub.lifecycle(market, 'deactivated', { is_deactivated: true });
    return { ok: true, value: { ticker, status: market.status } };
  }

  /** Reactivates a paused market; like Kalshi, every resting order is canceled on reactivation. */
  resumeMarket(ticker: string): ControlResult {
    const market = this.catalog.market(ticker);
    if (!market) return notFound(ticker);
    if (market.status !== 'inactive')
      return conflict(`market ${ticker} is ${market.status}, not inactive`);
    this.engine.clearMarket(market, 'HaltCancel');
    market.status = 'active';
    market.updatedMs = this.clock.nowMs();
    this.hub.lifecycle(market, 'activated', { is_deactivated: false });
    this.traffic.populate();
    return { ok: true, value: { ticker, status: market.status } };
  }

  /** Determines a market and pays $1 per winning contract; resting orders are canceled. */
  settleMarket(ticker: string, result: unknown): ControlResult {
    const market = this.catalog.market(ticker);
    if (!market) return notFound(ticker);
    if (result !== 'yes' && result !== 'no') return invalid('result must be "yes" or "no"');
    if (market.status === 'determined' || market.status === 'finalized')
      return conflict(`market ${ticker} is already ${market.status}`);
    const now = this.clock.nowMs();
    this.engine.clearMarket(market, 'CloseCancel');
    market.status = 'determined';
    market.result = result;
    market.updatedMs = now;
    this.hub.lifecycle(market, 'determined', {
      determination_ts: Math.floor(now / 1000),
      result,
      settlement_value: result === 'yes' ? '1.0000' : '0.0000',
    });
    const paid = this.ledger.settle(market, result, now);
    for (const { account, position } of paid) this.hub.positionChanged(account, position);
    market.status = 'finalized';
    market.settledMs = now;
    this.hub.lifecycle(market, 'settled', { settled_ts: Math.floor(now / 1000) });
    return {
      ok: true,
      value: { ticker, result, status: market.status, accountsPaid: paid.length },
    };
  }

  createOpportunity(request: OpportunityRequest): ControlResult {
    if (!OPPORTUNITY_KINDS.includes(request.kind))
      return invalid(`kind must be one of ${OPPORTUNITY_KINDS.join(', ')}`);
    const result: PlantResult = this.planter.plant(request);
    if (!result.ok) return { ok: false, status: 409, code: result.code, message: result.message };
    const o = result.opportunity;
    return {
      ok: true,
      value: {
        id: o.id,
        name: o.name,
        kind: o.kind,
        event_ticker: o.eventTicker,
        legs: o.legs.map((leg) => ({
          ticker: leg.ticker,
          taker_side: leg.takerSide,
          yes_price_dollars: formatPriceE4(leg.yesPriceE4),
        })),
        size_fp: formatCountE2(o.sizeE2),
        gross_profit_e6: o.grossProfitE6,
        taker_fees_e6: o.takerFeesE6,
        net_profit_e6: o.netProfitE6,
        expires_ts_ms: o.expiresMs,
      },
    };
  }

  /** The exchange's book of one market: the REST `orderbook_fp` plus best prices. */
  book(ticker: string): ControlResult {
    const market = this.catalog.market(ticker);
    if (!market) return notFound(ticker);
    const bid = market.book.bestBidE4();
    const ask = market.book.bestAskE4();
    return {
      ok: true,
      value: {
        ticker,
        status: market.status,
        orderbook_fp: orderbookWire(market, 0),
        yes_bid_dollars: bid ? formatPriceE4(bid) : null,
        yes_ask_dollars: ask ? formatPriceE4(ask) : null,
        no_bid_dollars: ask ? formatPriceE4(ONE_DOLLAR - ask) : null,
      },
    };
  }

  dropConnections(): ControlResult {
    return { ok: true, value: { dropped: this.connections.drop() } };
  }

  freezeConnections(ms?: number): ControlResult {
    if (ms !== undefined && !(ms > 0)) return invalid('ms must be positive');
    return { ok: true, value: { frozen: this.connections.freeze(ms) } };
  }

  unfreezeConnections(): ControlResult {
    return { ok: true, value: { unfrozen: this.connections.unfreeze() } };
  }

  skipSeq(sid?: number): ControlResult {
    return { ok: true, value: { subscriptions: this.hub.skipSeq(sid) } };
  }

  delayOrders(ms: number): ControlResult {
    if (!(ms >= 0) || ms > 60_000) return invalid('ms must be from 0 to 60000');
    this.faults.state.orderDelayMs = ms;
    return { ok: true, value: { orderDelayMs: ms } };
  }

  rejectOrders(count: number, status = 503, code = 'service_unavailable'): ControlResult {
    if (!Number.isInteger(count) || count < 1) return invalid('count must be a positive integer');
    if (!Number.isInteger(status) || status < 400 || status > 599)
      return invalid('status must be 4xx or 5xx');
    this.faults.state.rejectOrders = { status, code, remaining: count };
    return { ok: true, value: { rejectOrders: count, status, code } };
  }

  forcePartialFills(count: number, percent: number): ControlResult {
    if (!Number.isInteger(count) || count < 1) return invalid('count must be a positive integer');
    if (!(percent >= 0 && percent < 100)) return invalid('percent must be from 0 to 99');
    this.faults.state.partialFills = { percent, remaining: count };
    return { ok: true, value: { partialFills: count, percent } };
  }

  failRequests(status: number, count: number): ControlResult {
    if (status !== 429 && status !== 503) return invalid('status must be 429 or 503');
    if (!Number.isInteger(count) || count < 1) return invalid('count must be a positive integer');
    this.faults.state.failRequests = { status, remaining: count };
    return { ok: true, value: { failRequests: count, status } };
  }

  clearFaults(): ControlResult {
    this.faults.reset();
    this.connections.unfreeze();
    return { ok: true, value: { cleared: true } };
  }

  status(): Record<string, unknown> {
    return {
      series: this.catalog.series.length,
      events: this.catalog.events.length,
      markets: this.catalog.markets.length,
      activeMarkets: this.catalog.markets.filter((m) => m.status === 'active').length,
      connections: this.connections.count(),
      subscriptions: this.hub.subscriptionCount(),
      trafficRunning: this.trafficRunning,
      messagesPerSecond: this.messagesPerSecond,
      opportunitiesPerMinute: this.opportunitiesPerMinute,
      bookChanges: this.counter.changes,
      framesSent: this.hub.framesSent,
      liveOpportunities: this.planter.live.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        event_ticker: o.eventTicker,
        expires_ts_ms: o.expiresMs,
      })),
      faults: this.faults.state,
      rateLimit: this.rateLimiter ? this.rateLimiter.tier : 'off',
      memory: {
        rssMB: Math.round(process.memoryUsage.rss() / 1_048_576),
        heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1_048_576),
      },
    };
  }

  /** Marks each open position to the bid of its side (what it could be sold for now), in $0.000001. */
  portfolioValueE6(account: SimAccount): number {
    let value = 0;
    for (const position of account.positions.values()) {
      if (position.settled || position.positionE2 === 0) continue;
      const book = position.market.book;
      value +=
        position.positionE2 > 0
          ? position.positionE2 * book.bestBidE4()
          : -position.positionE2 * (book.bestAskE4() ? ONE_DOLLAR - book.bestAskE4() : 0);
    }
    return value;
  }

  private listener(): EngineListener {
    const hub = this.hub;
    const counter = this.counter;
    const trades = this.recentTrades;
    return {
      bookChanged: (market: SimMarket, side, priceE4, deltaE2, cause) => {
        counter.changes++;
        hub.bookChanged(market, side, priceE4, deltaE2, cause);
      },
      trade: (trade) => {
        trades.push(trade);
        if (trades.length > 2_000) trades.splice(0, 1_000);
        hub.trade(trade);
      },
      fill: (account, fill) => hub.fill(account, fill),
      orderUpdated: (order) => hub.orderUpdated(order),
      positionChanged: (account, position) => hub.positionChanged(account, position),
      topChanged: (market) => hub.topChanged(market),
    };
  }
}

function invalid(message: string): ControlResult<never> {
  return { ok: false, status: 400, code: 'invalid_parameters', message };
}

function notFound(ticker: string): ControlResult<never> {
  return { ok: false, status: 404, code: 'market_not_found', message: `no market ${ticker}` };
}

function conflict(message: string): ControlResult<never> {
  return { ok: false, status: 409, code: 'invalid_state', message };
}
