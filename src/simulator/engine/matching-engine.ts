import { randomUUID } from 'node:crypto';
import type { SimMarket } from '../catalog/sim-catalog';
import type { SimClock } from '../common/sim-clock';
import type { AccountLedger, SimAccount, SimFill } from './account-ledger';
import {
  fail,
  NO_LISTENER,
  ok,
  type EngineListener,
  type EngineResult,
  type SimTrade,
} from './engine-events';
import type { BookLadder } from './sim-book';
import { newSimOrder } from './sim-order-factory';
import {
  ownPriceE4,
  type OrderSide,
  type SelfTradePrevention,
  type SimOrder,
  type TimeInForce,
  type UpdateReason,
} from './sim-order';

/** A validated order: prices and counts already exact integers (see order-request-parser). */
export interface PlaceOrderCommand {
  readonly account: SimAccount | null;
  readonly market: SimMarket;
  readonly side: OrderSide;
  readonly priceE4: number;
  readonly countE2: number;
  readonly timeInForce: TimeInForce;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly postOnly?: boolean;
  readonly reduceOnly?: boolean;
  readonly cancelOnPause?: boolean;
  readonly expirationMs?: number;
  readonly clientOrderId?: string;
  readonly subaccount?: number;
  readonly orderGroupId?: string | null;
  readonly tag?: string | null;
  /** Fault injection: fill at most this much now (the rest follows the time in force). */
  readonly maxFillE2?: number;
}

export interface AmendCommand {
  readonly priceE4: number;
  /** New total count = filled + desired remaining. */
  readonly countE2: number;
  readonly updatedClientOrderId?: string;
}

export interface IdSource {
  uuid(): string;
}

const RANDOM_IDS: IdSource = { uuid: () => randomUUID() };

/**
 * Price-time priority matching on one book per market (PROTOCOL.md §4.3, §10.6): a bid at YES price p
 * crosses an ask at YES price <= p (a NO bid at >= 1 - p). Trades print at the resting order's price.
 * Account orders pay exact fees (taker for the aggressor, maker per the fee type) and move balances and
 * positions; house orders (the simulated traders, no account) only shape the book.
 */
export class MatchingEngine {
  private listener: EngineListener = NO_LISTENER;
  private houseSequence = 0;
  private readonly expiring = new Set<SimOrder>();

  constructor(
    readonly ledger: AccountLedger,
    private readonly clock: SimClock,
    private readonly ids: IdSource = RANDOM_IDS,
  ) {}

  setListener(listener: EngineListener): void {
    this.listener = listener;
  }

  /** Validates and executes an order; the result carries the order in its state after matching. */
  place(command: PlaceOrderCommand): EngineResult<SimOrder> {
    const { account, market } = command;
    if (market.status !== 'active') {
      return fail(400, 'market_closed', `market ${market.ticker} is ${market.status}, not active`);
    }
    if (!market.grid.isValid(command.priceE4)) {
      return fail(
        400,
        'invalid_price',
        `price is not on the market's price grid (${market.priceLevelStructure})`,
      );
    }
    if (!(command.countE2 > 0) || !Number.isSafeInteger(command.countE2)) {
      return fail(400, 'invalid_order', 'count must be positive');
    }
    const now = this.clock.nowMs();
    const expirationMs = command.expirationMs ?? 0;
    if (expirationMs !== 0 && command.timeInForce !== 'good_till_canceled') {
      return fail(400, 'invalid_order', 'expiration_time is only allowed with good_till_canceled');
    }
    if (expirationMs !== 0 && expirationMs <= now) {
      return fail(400, 'invalid_order', 'expiration_time is in the past');
    }
    const clientOrderId = command.clientOrderId ?? '';
    if (account && clientOrderId !== '' && account.ordersByClientId.has(clientOrderId)) {
      return fail(
        409,
        'order_already_exists',
        `an order with client_order_id ${clientOrderId} already exists`,
      );
    }
    let countE2 = command.countE2;
    let reduceOnlyCapped = false;
    if (command.reduceOnly && account) {
      countE2 = Math.min(countE2, account.closableE2(market, command.side));
      reduceOnlyCapped = countE2 === 0;
    }
    if (account && !reduceOnlyCapped) {
      const required = this.requiredCollateralE6(
        account,
        market,
        command.side,
        command.priceE4,
        countE2,
      );
      if (account.balanceE6 < required) {
        return fail(400, 'insufficient_balance', 'insufficient balance for this order');
      }
    }
    const id = command.account ? this.ids.uuid() : `house-${++this.houseSequence}`;
    const order = newSimOrder(id, command, countE2, clientOrderId, expirationMs, now);
    if (account) {
      account.orders.push(order);
      account.ordersById.set(order.id, order);
      if (clientOrderId !== '') account.ordersByClientId.set(clientOrderId, order);
    }
    if (reduceOnlyCapped) {
      this.finish(order, 'canceled', 'ReduceOnlyCancel', now);
      return ok(order);
    }
    this.execute(order, command.maxFillE2, now);
    return ok(order);
  }

  /** Cancels a resting order; returns the contracts it removed. */
  cancel(order: SimOrder, reason: UpdateReason | null = null): number {
    if (order.status !== 'resting') return 0;
    const reduced = order.remainingE2;
    this.removeFromBook(order);
    this.finish(order, 'canceled', reason, this.clock.nowMs());
    return reduced;
  }

  /** Cancels every resting order of an account (or, with `market`, of one market). */
  cancelAll(account: SimAccount, market?: SimMarket): number {
    let count = 0;
    for (const order of [...account.resting]) {
      if (market && order.market !== market) continue;
      this.cancel(order);
      count++;
    }
    return count;
  }

  /** Lowers the remaining count in place (keeps queue priority); to zero cancels. */
  decrease(order: SimOrder, newRemainingE2: number): EngineResult<SimOrder> {
    if (order.status !== 'resting') return fail(400, 'invalid_order', 'order is not resting');
    if (!(newRemainingE2 >= 0) || newRemainingE2 >= order.remainingE2) {
      return fail(400, 'invalid_order', 'a decrease must lower the remaining count');
    }
    const now = this.clock.nowMs();
    if (newRemainingE2 === 0) {
      this.cancel(order, 'Decrease');
      return ok(order);
    }
    const by = order.remainingE2 - newRemainingE2;
    order.remainingE2 = newRemainingE2;
    this.book(order).shrink(order, by);
    this.listener.bookChanged(order.market, order.side, order.priceE4, -by, order);
    this.touch(order, 'Decrease', now);
    this.listener.topChanged(order.market);
    return ok(order);
  }

  /** Changes price and/or total count; a same-price decrease keeps priority, anything else re-queues (and may trade). */
  amend(order: SimOrder, command: AmendCommand): EngineResult<SimOrder> {
    if (order.status !== 'resting') return fail(400, 'invalid_order', 'order is not resting');
    if (order.market.status !== 'active') return fail(400, 'market_closed', 'market is not active');
    if (!order.market.grid.isValid(command.priceE4)) {
      return fail(
        400,
        'invalid_price',
        `price is not on the market's price grid (${order.market.priceLevelStructure})`,
      );
    }
    const newRemaining = command.countE2 - order.filledE2;
    if (!(newRemaining > 0))
      return fail(400, 'invalid_order', 'count must exceed the filled count');
    const account = order.account;
    if (
      account &&
      command.updatedClientOrderId &&
      command.updatedClientOrderId !== order.clientOrderId
    ) {
      if (account.ordersByClientId.has(command.updatedClientOrderId)) {
        return fail(409, 'order_already_exists', 'updated_client_order_id is already in use');
      }
      account.ordersByClientId.set(command.updatedClientOrderId, order);
      order.clientOrderId = command.updatedClientOrderId;
    }
    if (command.priceE4 === order.priceE4 && newRemaining <= order.remainingE2) {
      if (newRemaining === order.remainingE2) {
        this.touch(order, 'Amend', this.clock.nowMs());
        return ok(order);
      }
      const result = this.decrease(order, newRemaining);
      if (result.ok) this.touch(order, 'Amend', this.clock.nowMs());
      return result;
    }
    this.removeFromBook(order);
    order.priceE4 = command.priceE4;
    order.levelIndex = order.market.grid.indexOf(command.priceE4);
    order.remainingE2 = newRemaining;
    order.initialE2 = command.countE2;
    order.lastUpdateReason = 'Amend';
    this.execute(order, undefined, this.clock.nowMs());
    return ok(order);
  }

  /** Cancels GTC orders whose expiration time has passed. */
  expire(): number {
    const now = this.clock.nowMs();
    let count = 0;
    for (const order of this.expiring) {
      if (order.expirationMs <= now) {
        this.cancel(order, 'ExpiryCancel');
        count++;
      }
    }
    return count;
  }

  /** Cancels every resting order in a market (pause, reactivation, close); house orders included. */
  clearMarket(market: SimMarket, reason: UpdateReason, onlyCancelOnPause = false): void {
    for (const ladder of [market.book.bids, market.book.asks]) {
      for (const level of [...ladder.levelsFromBest()]) {
        for (const order of [...ladder.queue(level)]) {
          if (!onlyCancelOnPause || order.cancelOnPause) this.cancel(order, reason);
        }
      }
    }
  }

  /**
   * Adds house (simulated trader) liquidity at a level; merged into the house order at the back of the
   * queue when there is one, so the book stays small. A crossing price trades like any order.
   */
  addHouseLiquidity(
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    sizeE2: number,
    tag: string | null = null,
  ): SimOrder | null {
    const ladder = market.book.ladder(side);
    const level = market.grid.indexOf(priceE4);
    const opposite = side === 'bid' ? market.book.asks : market.book.bids;
    const crosses =
      opposite.best >= 0 && (side === 'bid' ? opposite.best <= level : opposite.best >= level);
    const queue = ladder.queue(level);
    const last = queue.length > 0 ? queue[queue.length - 1] : undefined;
    if (!crosses && tag === null && last && last.account === null && last.tag === null) {
      last.remainingE2 += sizeE2;
      last.initialE2 += sizeE2;
      ladder.enlarge(last, sizeE2);
      this.listener.bookChanged(market, side, priceE4, sizeE2, last);
      if (level === ladder.best) this.listener.topChanged(market);
      return last;
    }
    const result = this.place({
      account: null,
      market,
      side,
      priceE4,
      countE2: sizeE2,
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'taker_at_cross',
      tag,
    });
    return result.ok ? result.value : null;
  }

  /** Removes part (or all) of a resting house order. */
  reduceHouseOrder(order: SimOrder, byE2: number): void {
    if (order.status !== 'resting') return;
    if (byE2 >= order.remainingE2) {
      this.cancel(order);
      return;
    }
    order.remainingE2 -= byE2;
    order.initialE2 -= byE2;
    const ladder = this.book(order);
    ladder.shrink(order, byE2);
    this.listener.bookChanged(order.market, order.side, order.priceE4, -byE2, order);
    if (order.levelIndex === ladder.best) this.listener.topChanged(order.market);
  }

  /** Contracts on the opposite side that an order at `priceE4` would cross, excluding the account's own. */
  crossingLiquidityE2(
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    account: SimAccount | null,
  ): number {
    const opposite = side === 'bid' ? market.book.asks : market.book.bids;
    const limit = market.grid.indexOf(priceE4);
    let total = 0;
    for (const level of opposite.levelsFromBest()) {
      if (side === 'bid' ? level > limit : level < limit) break;
      total += opposite.sizes[level];
      if (account)
        for (const order of opposite.queue(level))
          if (order.account === account) total -= order.remainingE2;
    }
    return total;
  }

  private execute(order: SimOrder, maxFillE2: number | undefined, now: number): void {
    const market = order.market;
    const opposite = order.side === 'bid' ? market.book.asks : market.book.bids;
    const crosses = (level: number) =>
      order.side === 'bid' ? level <= order.levelIndex : level >= order.levelIndex;
    if (order.postOnly && opposite.best >= 0 && crosses(opposite.best)) {
      this.finish(order, 'canceled', 'PostOnlyCrossCancel', now);
      return;
    }
    if (order.timeInForce === 'fill_or_kill') {
      const available = this.crossingLiquidityE2(market, order.side, order.priceE4, order.account);
      if (
        available < order.remainingE2 ||
        (maxFillE2 !== undefined && maxFillE2 < order.remainingE2)
      ) {
        this.finish(order, 'canceled', null, now);
        return;
      }
    }
    let fillable = Math.min(order.remainingE2, maxFillE2 ?? Number.MAX_SAFE_INTEGER);
    let selfTradeCancel = false;
    while (fillable > 0 && opposite.best >= 0 && crosses(opposite.best)) {
      const level = opposite.best;
      const maker = opposite.queue(level)[0];
      if (order.account !== null && maker.account === order.account) {
        if (order.selfTradePrevention === 'maker') {
          this.cancel(maker, 'SelfTradeCancel');
          continue;
        }
        selfTradeCancel = true;
        break;
      }
      const quantity = Math.min(fillable, maker.remainingE2);
      this.match(order, maker, opposite, quantity, market.grid.prices[level], now);
      fillable -= quantity;
    }
    if (order.remainingE2 === 0) {
      this.finish(order, 'executed', order.filledE2 > 0 ? 'Trade' : order.lastUpdateReason, now);
    } else if (selfTradeCancel) {
      this.finish(order, 'canceled', 'SelfTradeCancel', now);
    } else if (order.timeInForce !== 'good_till_canceled') {
      this.finish(order, 'canceled', order.filledE2 > 0 ? 'Trade' : order.lastUpdateReason, now);
    } else {
      this.rest(order, now);
    }
  }

  private match(
    taker: SimOrder,
    maker: SimOrder,
    makerLadder: BookLadder,
    quantity: number,
    yesPriceE4: number,
    now: number,
  ): void {
    const market = taker.market;
    const fees = market.event.fees;
    taker.remainingE2 -= quantity;
    taker.filledE2 += quantity;
    maker.remainingE2 -= quantity;
    maker.filledE2 += quantity;
    makerLadder.shrink(maker, quantity);
    this.listener.bookChanged(market, maker.side, yesPriceE4, -quantity, maker);
    const trade: SimTrade = {
      tradeId: this.ids.uuid(),
      market,
      yesPriceE4,
      countE2: quantity,
      takerSide: taker.side,
      createdMs: now,
    };
    const takerFee = taker.account ? fees.tradeFeeE6('taker', quantity, yesPriceE4) : 0;
    const makerFee = maker.account ? fees.tradeFeeE6('maker', quantity, yesPriceE4) : 0;
    const takerCost = quantity * ownPriceE4(taker.side, yesPriceE4);
    const makerCost = quantity * ownPriceE4(maker.side, yesPriceE4);
    taker.takerFillCostE6 += takerCost;
    taker.takerFeesE6 += takerFee;
    taker.fillYesNotionalE6 += quantity * yesPriceE4;
    maker.makerFillCostE6 += makerCost;
    maker.makerFeesE6 += makerFee;
    maker.fillYesNotionalE6 += quantity * yesPriceE4;
    const stats = market.stats;
    stats.lastPriceE4 = yesPriceE4;
    stats.lastTradeSizeE2 = quantity;
    stats.volumeE2 += quantity;
    stats.openInterestE2 += quantity;
    stats.dollarVolumeE6 += quantity * yesPriceE4;
    this.listener.trade(trade);
    this.bookFill(taker, trade, true, takerFee, now);
    this.bookFill(maker, trade, false, makerFee, now);
    if (maker.remainingE2 === 0) this.finish(maker, 'executed', 'Trade', now);
    else if (maker.account) this.touch(maker, 'Trade', now);
    this.listener.topChanged(market);
  }

  private bookFill(
    order: SimOrder,
    trade: SimTrade,
    isTaker: boolean,
    feeE6: number,
    now: number,
  ): void {
    const account = order.account;
    if (!account) return;
    const position = this.ledger.applyFill(
      account,
      order.market,
      order.side,
      trade.countE2,
      ownPriceE4(order.side, trade.yesPriceE4),
      feeE6,
      now,
    );
    const fill: SimFill = {
      tradeId: trade.tradeId,
      order,
      side: order.side,
      yesPriceE4: trade.yesPriceE4,
      countE2: trade.countE2,
      isTaker,
      feeE6,
      createdMs: now,
      postPositionE2: position.positionE2,
    };
    account.fills.push(fill);
    this.listener.fill(account, fill);
    this.listener.positionChanged(account, position);
  }

  private rest(order: SimOrder, now: number): void {
    order.status = 'resting';
    this.book(order).add(order);
    if (order.account) {
      order.account.resting.add(order);
      if (order.expirationMs > 0) this.expiring.add(order);
    }
    this.listener.bookChanged(order.market, order.side, order.priceE4, order.remainingE2, order);
    if (order.account) this.touch(order, order.lastUpdateReason, now);
    if (order.levelIndex === this.book(order).best) this.listener.topChanged(order.market);
  }

  private removeFromBook(order: SimOrder): void {
    const ladder = this.book(order);
    const wasBest = order.levelIndex === ladder.best;
    const size = order.remainingE2;
    ladder.remove(order);
    order.account?.resting.delete(order);
    this.expiring.delete(order);
    this.listener.bookChanged(order.market, order.side, order.priceE4, -size, order);
    if (wasBest) this.listener.topChanged(order.market);
  }

  private finish(
    order: SimOrder,
    status: 'canceled' | 'executed',
    reason: UpdateReason | null,
    now: number,
  ): void {
    order.status = status;
    if (status === 'canceled') order.remainingE2 = 0;
    order.account?.resting.delete(order);
    this.expiring.delete(order);
    if (order.account) this.touch(order, reason, now);
  }

  private touch(order: SimOrder, reason: UpdateReason | null, now: number): void {
    order.lastUpdateReason = reason;
    order.updatedMs = now;
    if (order.account) this.listener.orderUpdated(order);
  }

  private book(order: SimOrder): BookLadder {
    return order.market.book.ladder(order.side);
  }

  /** Cost of the part of an order that opens exposure, plus its worst-case taker fee. */
  private requiredCollateralE6(
    account: SimAccount,
    market: SimMarket,
    side: OrderSide,
    priceE4: number,
    countE2: number,
  ): number {
    const opening = Math.max(0, countE2 - account.closableE2(market, side));
    return (
      opening * ownPriceE4(side, priceE4) + market.event.fees.tradeFeeE6('taker', countE2, priceE4)
    );
  }
}
