import { Logger } from '@nestjs/common';
import { parseLevels, yesEquivalentE4, type LevelE4 } from '../../kalshi/kalshi-wire-codec';
import {
  DeltaFields,
  DeltaParse,
  deltaFromJson,
  scanOrderBookDelta,
} from '../../kalshi/ws/orderbook-delta-scanner';
import type { WsCommandWire, WsErrorMsgWire } from '../../kalshi/wire/ws-message.wire';
import type { MarketCatalogView } from '../market-data.ports';
import { DeltaOutcome, type StaleReason } from '../order-book/order-book';
import type { OrderBookStore } from '../order-book/order-book-store';
import type { FeedHealth } from './feed-health';

/** The link the feed talks through (KalshiWsClient, or a fake in unit tests). */
export interface FeedConnection {
  readonly connected: boolean;
  send(cmd: WsCommandWire['cmd'], params?: Record<string, unknown>): number | undefined;
}

export type LifecycleType = 'market_lifecycle_v2' | 'event_lifecycle' | 'event_fee_update';

export interface OrderBookFeedOptions {
  readonly store: OrderBookStore;
  readonly catalog: MarketCatalogView;
  readonly health: FeedHealth;
  /** Sent explicitly on every subscribe: Kalshi will flip its default (PROTOCOL.md §6.5). */
  readonly useYesPrice?: boolean;
  /** Tickers per subscribe command. */
  readonly chunkSize?: number;
  /** How long a sid may wait for the snapshots it was asked for before it is resubscribed. */
  readonly snapshotTimeoutMs?: number;
  /** How long a subscribe may go unanswered before it is sent again. */
  readonly commandTimeoutMs?: number;
  /** Wait before a subscription that the exchange refused is tried again. */
  readonly retryDelayMs?: number;
  readonly onLifecycle?: (type: LifecycleType, msg: Record<string, unknown>) => void;
  /** The lifecycle channel lost a message: the catalog must be re-read from REST. */
  readonly onLifecycleGap?: () => void;
  readonly recordFrame?: (text: string, receivedAtMs: number) => void;
  readonly now?: () => number;
}

interface SidState {
  readonly sid: number;
  readonly channel: string;
  lastSeq: number;
  readonly slots: Set<number>;
  /** Slots asked to (re)snapshot and not yet answered. */
  readonly awaiting: Set<number>;
  /** When the awaited snapshots are overdue (0: none awaited). */
  deadlineMs: number;
}

type PendingKind =
  'subscribe-books' | 'subscribe-lifecycle' | 'get-snapshot' | 'unsubscribe' | 'delete-markets';
interface PendingCommand {
  readonly kind: PendingKind;
  readonly tickers: readonly string[];
  readonly sid?: number;
  readonly sentAtMs: number;
}

interface Retry {
  readonly dueMs: number;
  readonly tickers: readonly string[] | 'lifecycle';
}

const BOOK_CHANNEL = 'orderbook_delta';
const LIFECYCLE_CHANNEL = 'market_lifecycle_v2';
/** Channels we never subscribe to: their frames are ignored without counting them unknown. */
const IGNORED_TYPES = new Set([
  'ticker',
  'trade',
  'fill',
  'user_order',
  'market_position',
  'unsubscribed',
  'multivariate_market_lifecycle',
  'order_group_updates',
]);

/**
 * The order-book feed over one connection: subscriptions in chunks, `seq` per sid, snapshots and deltas into the
 * store, gap recovery (every book of the sid stale, `get_snapshot`, resubscribe when that fails or times out),
 * resubscribe on errors 10 / 25, all books stale while disconnected. `onFrame` is the hot path: one synchronous
 * pass from text to the store's listeners, with a scanner for deltas and JSON.parse for everything else.
 */
export class OrderBookFeed {
  private readonly logger = new Logger(OrderBookFeed.name);
  private connection?: FeedConnection;
  private readonly sids = new Map<number, SidState>();
  private readonly pending = new Map<number, PendingCommand>();
  private retries: Retry[] = [];
  /** The sid each book's slot is bound to, -1 for none. */
  private slotSid = new Int32Array(1024).fill(-1);
  private readonly delta = new DeltaFields();
  private readonly store: OrderBookStore;
  private readonly health: FeedHealth;
  private readonly useYesPrice: boolean;
  private readonly chunkSize: number;
  private readonly snapshotTimeoutMs: number;
  private readonly commandTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly now: () => number;
  private opened = 0;
  private logged = 0;

  constructor(private readonly options: OrderBookFeedOptions) {
    this.store = options.store;
    this.health = options.health;
    this.useYesPrice = options.useYesPrice ?? false;
    this.chunkSize = options.chunkSize ?? 500;
    this.snapshotTimeoutMs = options.snapshotTimeoutMs ?? 5_000;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 10_000;
    this.retryDelayMs = options.retryDelayMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  attach(connection: FeedConnection): void {
    this.connection = connection;
  }

  /** Subscriptions that the exchange has confirmed. */
  get subscriptionCount(): number {
    return this.sids.size;
  }

  // --- connection events ---

  onOpen(): void {
    if (this.opened++ > 0) this.health.reconnects++;
    this.health.connected = true;
    this.sids.clear();
    this.pending.clear();
    this.retries = [];
    this.slotSid.fill(-1);
    this.health.subscriptions = 0;
    this.subscribeLifecycle();
    const tickers: string[] = [];
    for (const book of this.store.all()) tickers.push(book.ticker);
    this.subscribeBooks(tickers);
  }

  onClose(): void {
    this.health.connected = false;
    this.sids.clear();
    this.pending.clear();
    this.retries = [];
    this.slotSid.fill(-1);
    this.health.subscriptions = 0;
    for (const book of this.store.all()) this.store.markStale(book, 'DISCONNECTED');
  }

  // --- the hot path ---

  onFrame(text: string, receivedAtMs: number): void {
    try {
      this.handleFrame(text, receivedAtMs);
    } catch (error) {
      // A frame must never take the feed (or the process) down: count it, say why, keep going.
      this.malformed(
        text,
        `handling it failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private handleFrame(text: string, receivedAtMs: number): void {
    this.health.frame(receivedAtMs);
    this.options.recordFrame?.(text, receivedAtMs);
    const delta = this.delta;
    if (scanOrderBookDelta(text, delta)) {
      this.applyDelta(
        this.store.slotIn(text, delta.tickerStart, delta.tickerEnd),
        receivedAtMs,
        text,
      );
      return;
    }
    this.slowPath(text, receivedAtMs);
  }

  private applyDelta(slot: number, receivedAtMs: number, text: string): void {
    const delta = this.delta;
    const state = this.sids.get(delta.sid);
    if (state === undefined) return; // a sid we left (resubscribed or unsubscribed): its frames no longer count
    if (!this.inSequence(state, delta.seq)) return;
    const book = slot < 0 ? undefined : this.store.bookAt(slot);
    if (book === undefined) {
      this.health.unknownMarketDeltas++;
      this.warn(
        `delta for a market that is not tracked: ${delta.ticker ?? text.slice(delta.tickerStart, delta.tickerEnd)}`,
      );
      return;
    }
    // A book waiting for its snapshot (or on another sid) ignores deltas: the snapshot will replace it.
    if (
      this.slotSid[slot] !== delta.sid ||
      (book.stale && book.staleReason !== 'MARKET_NOT_ACTIVE')
    )
      return;
    this.health.deltas++;
    const outcome = book.applyDelta(
      delta.side,
      yesEquivalentE4(delta.side, delta.priceE4, this.useYesPrice),
      delta.deltaE2,
      receivedAtMs,
      delta.tsMs,
    );
    if (delta.tsMs > 0) this.health.age(receivedAtMs - delta.tsMs);
    if (outcome === DeltaOutcome.APPLIED) {
      this.store.notify(book);
      return;
    }
    if (outcome === DeltaOutcome.OFF_GRID) this.health.offGridDeltas++;
    else this.health.belowZeroDeltas++;
    this.warn(
      `${outcome === DeltaOutcome.OFF_GRID ? 'off-grid' : 'below-zero'} delta on ${book.ticker} (${text.slice(0, 300)}): resnapshotting it`,
    );
    this.resync(state, [slot], 'BOOK_INCONSISTENT');
  }

  /** The per-sid sequence check; a gap makes every book of the sid stale and asks for snapshots. */
  private inSequence(state: SidState, seq: number): boolean {
    if (state.lastSeq < 0 || seq === state.lastSeq + 1) {
      state.lastSeq = seq;
      return true;
    }
    this.health.gaps++;
    this.warn(
      `seq gap on sid ${state.sid} (${state.channel}): expected ${state.lastSeq + 1}, got ${seq}`,
    );
    state.lastSeq = seq;
    if (state.channel === LIFECYCLE_CHANNEL) this.options.onLifecycleGap?.();
    else this.resync(state, [...state.slots], 'SEQ_GAP');
    return false;
  }

  // --- everything else: JSON.parse ---

  private slowPath(text: string, receivedAtMs: number): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.malformed(text, 'not JSON');
      return;
    }
    if (
      typeof frame !== 'object' ||
      frame === null ||
      Array.isArray(frame) ||
      typeof (frame as { type?: unknown }).type !== 'string'
    ) {
      this.malformed(text, 'no type');
      return;
    }
    const record = frame as Record<string, unknown> & { type: string };
    switch (record.type) {
      case 'orderbook_delta':
        this.slowDelta(record, text, receivedAtMs);
        return;
      case 'orderbook_snapshot':
        this.onSnapshot(record, text, receivedAtMs);
        return;
      case 'subscribed':
        this.onSubscribed(record);
        return;
      case 'ok':
        this.controlReplySequenced(record);
        this.pending.delete(record.id as number);
        return;
      case 'error':
        this.onError(record, text);
        return;
      case 'market_lifecycle_v2':
      case 'event_lifecycle':
      case 'event_fee_update':
        if (!isRecord(record.msg)) {
          this.malformed(text, `${record.type} without msg`);
          return;
        }
        this.sequenced(record);
        this.options.onLifecycle?.(record.type, record.msg);
        return;
      default:
        if (IGNORED_TYPES.has(record.type)) {
          this.sequenced(record);
          return;
        }
        this.health.unknownTypes++;
        this.warn(`unknown message type "${record.type.slice(0, 60)}": ${text.slice(0, 200)}`);
    }
  }

  private slowDelta(record: Record<string, unknown>, text: string, receivedAtMs: number): void {
    const parsed = deltaFromJson(record, this.delta);
    if (parsed === DeltaParse.OK) {
      this.applyDelta(this.store.slotOf(this.delta.ticker!), receivedAtMs, text);
      return;
    }
    this.malformed(text, 'orderbook_delta with missing or invalid fields');
    // Its seq still counts; a known book missed a change it cannot apply, so it is resnapshotted.
    const state = typeof record.sid === 'number' ? this.sids.get(record.sid) : undefined;
    if (!state || (typeof record.seq === 'number' && !this.inSequence(state, record.seq))) return;
    const ticker =
      isRecord(record.msg) && typeof record.msg.market_ticker === 'string'
        ? record.msg.market_ticker
        : undefined;
    const slot = ticker === undefined ? -1 : this.store.slotOf(ticker);
    if (slot >= 0 && this.slotSid[slot] === state.sid)
      this.resync(state, [slot], 'BOOK_INCONSISTENT');
    else this.resync(state, [...state.slots], 'BOOK_INCONSISTENT');
  }

  /**
   * `ok` / `unsubscribed` replies carry a seq too, but whether they use up a number is unconfirmed (PROTOCOL.md §6.6):
   * the current seq (nothing consumed) and the next one (consumed) are both in order.
   */
  private controlReplySequenced(record: Record<string, unknown>): void {
    if (typeof record.sid !== 'number' || typeof record.seq !== 'number') return;
    const state = this.sids.get(record.sid);
    if (state === undefined || record.seq === state.lastSeq) return;
    this.inSequence(state, record.seq);
  }

  /** The seq check for frames that are not deltas; true unless it revealed a gap. */
  private sequenced(record: Record<string, unknown>): boolean {
    if (typeof record.sid !== 'number' || typeof record.seq !== 'number') return true;
    const state = this.sids.get(record.sid);
    return state === undefined || this.inSequence(state, record.seq);
  }

  private onSnapshot(record: Record<string, unknown>, text: string, receivedAtMs: number): void {
    const msg = record.msg;
    const state = typeof record.sid === 'number' ? this.sids.get(record.sid) : undefined;
    if (!isRecord(msg) || typeof msg.market_ticker !== 'string') {
      this.malformed(text, 'orderbook_snapshot without market_ticker');
      if (state) this.sequenced(record);
      return;
    }
    if (state === undefined) return;
    // A gap revealed by the snapshot itself still lets this (self-contained) snapshot apply.
    this.sequenced(record);
    const slot = this.store.slotOf(msg.market_ticker);
    const book = slot < 0 ? undefined : this.store.bookAt(slot);
    if (book === undefined) {
      this.health.unknownMarketDeltas++;
      this.warn(`snapshot for a market that is not tracked: ${msg.market_ticker}`);
      return;
    }
    this.bindSlot(slot, state);
    let yes: LevelE4[];
    let no: LevelE4[];
    try {
      yes = parseLevels(msg.yes_dollars_fp, 'yes_dollars_fp');
      no = parseLevels(msg.no_dollars_fp, 'no_dollars_fp');
    } catch (error) {
      this.malformed(text, (error as Error).message);
      this.resync(state, [slot], 'BOOK_INCONSISTENT', false);
      return;
    }
    const useYes = this.useYesPrice;
    const grid = book.grid;
    const offGrid =
      yes.some(([p]) => grid.indexOf(p) < 0) ||
      no.some(([p]) => grid.indexOf(yesEquivalentE4('no', p, useYes)) < 0);
    if (offGrid) {
      this.malformed(text, `snapshot of ${book.ticker} has a level off its price grid`);
      this.resync(state, [slot], 'BOOK_INCONSISTENT', false);
      return;
    }
    book.beginSnapshot();
    for (const [price, size] of yes) book.setLevel('yes', price, size);
    for (const [price, size] of no) book.setLevel('no', yesEquivalentE4('no', price, useYes), size);
    book.finishSnapshot(receivedAtMs);
    this.health.snapshots++;
    const market = this.options.catalog.market(book.ticker);
    if (market && market.status !== 'active') book.markStale('MARKET_NOT_ACTIVE');
    state.awaiting.delete(slot);
    if (state.awaiting.size === 0) state.deadlineMs = 0;
    this.store.notify(book);
  }

  private onSubscribed(record: Record<string, unknown>): void {
    const msg = isRecord(record.msg) ? record.msg : {};
    const sid =
      typeof msg.sid === 'number'
        ? msg.sid
        : typeof record.sid === 'number'
          ? record.sid
          : undefined;
    const pending = typeof record.id === 'number' ? this.pending.get(record.id) : undefined;
    if (sid === undefined) return;
    if (
      !pending ||
      (pending.kind !== 'subscribe-books' && pending.kind !== 'subscribe-lifecycle')
    ) {
      // The answer to a subscribe we gave up on (and sent again): leave it, or its sid would double the books.
      if (!this.sids.has(sid))
        this.send('unsubscribe', { sids: [sid] }, { kind: 'unsubscribe', tickers: [], sid });
      return;
    }
    this.pending.delete(record.id as number);
    const channel =
      typeof msg.channel === 'string'
        ? msg.channel
        : pending.kind === 'subscribe-lifecycle'
          ? LIFECYCLE_CHANNEL
          : BOOK_CHANNEL;
    const state: SidState = {
      sid,
      channel,
      lastSeq: -1,
      slots: new Set(),
      awaiting: new Set(),
      deadlineMs: 0,
    };
    this.sids.set(sid, state);
    this.health.subscriptions = this.sids.size;
    for (const ticker of pending.tickers) {
      const slot = this.store.slotOf(ticker);
      if (slot < 0 || !this.store.bookAt(slot)) continue;
      this.bindSlot(slot, state);
      state.awaiting.add(slot);
    }
    if (state.awaiting.size > 0) state.deadlineMs = this.now() + this.snapshotTimeoutMs;
  }

  private onError(record: Record<string, unknown>, text: string): void {
    // Newer subscription-scoped errors carry sid/seq: they take their place in the sequence.
    this.sequenced(record);
    const msg = (isRecord(record.msg) ? record.msg : {}) as Partial<WsErrorMsgWire>;
    const code = typeof msg.code === 'number' ? msg.code : -1;
    const sid =
      typeof record.sid === 'number'
        ? record.sid
        : typeof msg.sid === 'number'
          ? msg.sid
          : undefined;
    const pending = typeof record.id === 'number' ? this.pending.get(record.id) : undefined;
    if (pending) this.pending.delete(record.id as number);
    this.health.subscriptionErrors++;
    this.warn(
      `exchange error ${code} "${msg.msg ?? ''}"${pending ? ` to ${pending.kind}` : ''}: ${text.slice(0, 300)}`,
    );
    const state =
      sid !== undefined
        ? this.sids.get(sid)
        : pending?.sid !== undefined
          ? this.sids.get(pending.sid)
          : undefined;
    // 10 (channel error) and 25 (buffer overflow) end the subscription: start it again.
    if ((code === 10 || code === 25) && state) {
      this.resubscribe(state);
      return;
    }
    if (!pending) return;
    switch (pending.kind) {
      case 'subscribe-lifecycle':
        this.retries.push({ dueMs: this.now() + this.retryDelayMs, tickers: 'lifecycle' });
        return;
      case 'subscribe-books': {
        const refused = new Set<unknown>([
          ...(Array.isArray(msg.market_tickers) ? msg.market_tickers : []),
          ...(typeof msg.market_ticker === 'string' ? [msg.market_ticker] : []),
        ]);
        const markAll = refused.size === 0;
        for (const ticker of pending.tickers) {
          const book = this.store.get(ticker);
          if (book && (markAll || refused.has(ticker)))
            this.store.markStale(book, 'SUBSCRIPTION_ERROR');
        }
        // A market the exchange does not know (16) is not asked for again until the catalog changes.
        const again =
          code === 16 && !markAll
            ? pending.tickers.filter((t) => !refused.has(t))
            : pending.tickers;
        if (again.length > 0)
          this.retries.push({ dueMs: this.now() + this.retryDelayMs, tickers: again });
        return;
      }
      case 'get-snapshot':
        if (state) this.resubscribe(state);
        return;
      case 'unsubscribe':
      case 'delete-markets':
        return;
    }
  }

  // --- timers: overdue snapshots, unanswered subscribes, retries ---

  /** Called about once a second by the owner. */
  tick(nowMs = this.now()): void {
    if (!this.connection?.connected) return;
    for (const state of [...this.sids.values()]) {
      if (state.deadlineMs > 0 && nowMs >= state.deadlineMs) {
        this.warn(`sid ${state.sid}: ${state.awaiting.size} snapshot(s) overdue, resubscribing`);
        this.resubscribe(state);
      }
    }
    for (const [id, command] of [...this.pending]) {
      if (nowMs - command.sentAtMs < this.commandTimeoutMs) continue;
      this.pending.delete(id);
      if (command.kind === 'subscribe-books') this.subscribeBooks(command.tickers);
      else if (command.kind === 'subscribe-lifecycle') this.subscribeLifecycle();
    }
    const due = this.retries.filter((r) => r.dueMs <= nowMs);
    if (due.length === 0) return;
    this.retries = this.retries.filter((r) => r.dueMs > nowMs);
    for (const retry of due) {
      if (retry.tickers === 'lifecycle') this.subscribeLifecycle();
      else this.subscribeBooks(retry.tickers.filter((t) => this.store.get(t) !== undefined));
    }
  }

  // --- tracking changes from the catalog ---

  /** New tracked markets (their books exist in the store already). */
  addMarkets(tickers: readonly string[]): void {
    const pending = new Set<string>();
    for (const command of this.pending.values())
      if (command.kind === 'subscribe-books')
        for (const ticker of command.tickers) pending.add(ticker);
    this.subscribeBooks(
      tickers.filter(
        (ticker) =>
          !pending.has(ticker) &&
          this.sids.get(this.slotSid[this.store.slotOf(ticker)] ?? -1) === undefined,
      ),
    );
  }

  /** A market no longer tracked: leave its subscription (call before or after store.untrack). */
  removeMarket(ticker: string): void {
    const slot = this.store.slotOf(ticker);
    if (slot < 0 || slot >= this.slotSid.length) return;
    const state = this.sids.get(this.slotSid[slot]);
    this.slotSid[slot] = -1;
    if (!state) return;
    state.slots.delete(slot);
    state.awaiting.delete(slot);
    this.send(
      'update_subscription',
      { sid: state.sid, action: 'delete_markets', market_tickers: [ticker] },
      { kind: 'delete-markets', tickers: [ticker], sid: state.sid },
    );
  }

  /** The book was replaced (a new grid): ask for its snapshot on its sid, or subscribe it. */
  resnapshot(ticker: string): void {
    const slot = this.store.slotOf(ticker);
    const state =
      slot >= 0 && slot < this.slotSid.length ? this.sids.get(this.slotSid[slot]) : undefined;
    if (state) this.resync(state, [slot], 'NO_SNAPSHOT', false);
    else this.subscribeBooks([ticker]);
  }

  // --- commands ---

  private subscribeLifecycle(): void {
    this.send(
      'subscribe',
      { channels: [LIFECYCLE_CHANNEL] },
      { kind: 'subscribe-lifecycle', tickers: [] },
    );
  }

  private subscribeBooks(tickers: readonly string[]): void {
    for (let i = 0; i < tickers.length; i += this.chunkSize) {
      const chunk = tickers.slice(i, i + this.chunkSize);
      this.send(
        'subscribe',
        { channels: [BOOK_CHANNEL], market_tickers: chunk, use_yes_price: this.useYesPrice },
        { kind: 'subscribe-books', tickers: chunk },
      );
    }
  }

  /** Marks the books stale and asks the sid for fresh snapshots; resubscribes if the request cannot be sent. */
  private resync(
    state: SidState,
    slots: readonly number[],
    reason: StaleReason,
    countResync = true,
  ): void {
    if (countResync) this.health.resyncs++;
    const tickers: string[] = [];
    for (const slot of slots) {
      const book = this.store.bookAt(slot);
      if (!book) continue;
      this.store.markStale(book, reason);
      state.awaiting.add(slot);
      tickers.push(book.ticker);
    }
    if (tickers.length === 0) return;
    state.deadlineMs = this.now() + this.snapshotTimeoutMs;
    const sent = this.send(
      'update_subscription',
      { sids: [state.sid], action: 'get_snapshot', market_tickers: tickers },
      { kind: 'get-snapshot', tickers, sid: state.sid },
    );
    if (sent === undefined) state.deadlineMs = this.now();
  }

  /** Leaves a sid and subscribes its markets afresh (a new sid, new snapshots). */
  private resubscribe(state: SidState): void {
    this.health.resubscribes++;
    this.sids.delete(state.sid);
    this.health.subscriptions = this.sids.size;
    this.send(
      'unsubscribe',
      { sids: [state.sid] },
      { kind: 'unsubscribe', tickers: [], sid: state.sid },
    );
    if (state.channel === LIFECYCLE_CHANNEL) {
      this.subscribeLifecycle();
      return;
    }
    const tickers: string[] = [];
    for (const slot of state.slots) {
      const book = this.store.bookAt(slot);
      this.slotSid[slot] = -1;
      if (!book) continue;
      if (!book.stale) this.store.markStale(book, 'SUBSCRIPTION_ERROR');
      tickers.push(book.ticker);
    }
    this.subscribeBooks(tickers);
  }

  private send(
    cmd: WsCommandWire['cmd'],
    params: Record<string, unknown>,
    pending: Omit<PendingCommand, 'sentAtMs'>,
  ): number | undefined {
    const id = this.connection?.send(cmd, params);
    if (id !== undefined) this.pending.set(id, { ...pending, sentAtMs: this.now() });
    return id;
  }

  private bindSlot(slot: number, state: SidState): void {
    if (slot >= this.slotSid.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.slotSid.length * 2)).fill(-1);
      grown.set(this.slotSid);
      this.slotSid = grown;
    }
    const previous = this.slotSid[slot];
    if (previous !== -1 && previous !== state.sid) this.sids.get(previous)?.slots.delete(slot);
    this.slotSid[slot] = state.sid;
    state.slots.add(slot);
  }

  private malformed(text: string, why: string): void {
    this.health.malformedFrames++;
    this.warn(`malformed frame (${why}): ${text.slice(0, 200)}`);
  }

  /** Problems are logged, but a flood of them must not flood the log: the first 20, then every 1000th. */
  private warn(message: string): void {
    this.logged++;
    if (this.logged <= 20 || this.logged % 1000 === 0)
      this.logger.warn(
        `${message}${this.logged > 20 ? ` (${this.logged} feed warnings so far)` : ''}`,
      );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
