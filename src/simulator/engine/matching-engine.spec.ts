import { parseCountE2, parseDollarsE6, parsePriceE4 } from '../../kalshi/fixed-point';
import { engineFixture, type EngineFixture } from '../testing/market-fixture';
import type { SimAccount } from './account-ledger';
import type { PlaceOrderCommand } from './matching-engine';
import type { SimMarket } from '../catalog/sim-catalog';
import type { SimOrder } from './sim-order';

const $ = (dollars: string) => parsePriceE4(dollars);
const n = (count: string) => parseCountE2(count);
/** Dollars as $0.000001 units. */
const usd = (dollars: string) => parseDollarsE6(dollars);

describe('MatchingEngine: price-time priority on one YES-priced book', () => {
  let fx: EngineFixture;
  let market: SimMarket;
  let alice: SimAccount;
  let bob: SimAccount;
  let carol: SimAccount;

  beforeEach(() => {
    fx = engineFixture();
    market = fx.market('KXTEST-ABOVE400');
    alice = fx.ledger.account('alice', fx.clock.nowMs());
    bob = fx.ledger.account('bob', fx.clock.nowMs());
    carol = fx.ledger.account('carol', fx.clock.nowMs());
  });

  function place(
    account: SimAccount | null,
    side: 'bid' | 'ask',
    price: string,
    count: string,
    extra: Partial<PlaceOrderCommand> = {},
  ): SimOrder {
    const result = fx.engine.place({
      account,
      market,
      side,
      priceE4: $(price),
      countE2: n(count),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'taker_at_cross',
      ...extra,
    });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  it('YES bid $0.45 x10 crosses a resting NO bid at $0.55 (YES ask $0.45): both fill at $0.45, taker fee $0.1733', () => {
    const maker = place(bob, 'ask', '0.45', '10');
    const taker = place(alice, 'bid', '0.45', '10');

    expect(taker.status).toBe('executed');
    expect(maker.status).toBe('executed');
    // 0.07 x 10 x 0.45 x 0.55 = 0.17325 -> $0.1733; the maker pays nothing on a quadratic series.
    expect(taker.takerFeesE6).toBe(usd('0.1733'));
    expect(maker.makerFeesE6).toBe(0);
    expect(taker.takerFillCostE6).toBe(usd('4.50'));
    expect(maker.makerFillCostE6).toBe(usd('5.50'));
    expect(alice.balanceE6).toBe(usd('1000') - usd('4.50') - usd('0.1733'));
    expect(bob.balanceE6).toBe(usd('1000') - usd('5.50'));
    expect(alice.positions.get(market.ticker)!.positionE2).toBe(n('10'));
    expect(bob.positions.get(market.ticker)!.positionE2).toBe(-n('10'));
    expect(market.book.bestAskE4()).toBe(0);
    expect(market.book.bestBidE4()).toBe(0);
  });

  it('a NO buyer (ask at YES $0.40) crosses a YES bid at $0.42 and trades at the resting $0.42', () => {
    place(bob, 'bid', '0.42', '5');
    const taker = place(alice, 'ask', '0.40', '5');
    expect(taker.fillYesNotionalE6).toBe(n('5') * $('0.42'));
    // Alice bought NO at 1 - 0.42 = $0.58.
    expect(taker.takerFillCostE6).toBe(usd('2.90'));
    expect(alice.positions.get(market.ticker)!.positionE2).toBe(-n('5'));
  });

  it('YES bid $0.50 x15 against asks 10 @ $0.47 and 10 @ $0.49 fills 10 + 5 at the resting prices, best price first', () => {
    const cheap = place(bob, 'ask', '0.47', '10');
    const dear = place(carol, 'ask', '0.49', '10');
    const taker = place(alice, 'bid', '0.50', '15');

    expect(taker.status).toBe('executed');
    expect(cheap.status).toBe('executed');
    expect(dear.remainingE2).toBe(n('5'));
    expect(dear.status).toBe('resting');
    expect(taker.takerFillCostE6).toBe(usd('4.70') + usd('2.45'));
    // Fees per fill: ceil(0.07 x 10 x 0.47 x 0.53) = $0.1744, ceil(0.07 x 5 x 0.49 x 0.51) = $0.0875.
    expect(taker.takerFeesE6).toBe(usd('0.1744') + usd('0.0875'));
    expect(alice.fills.map((f) => [f.yesPriceE4, f.countE2])).toEqual([
      [$('0.47'), n('10')],
      [$('0.49'), n('5')],
    ]);
  });

  it('equal prices fill in time order: the first ask at $0.47 is taken before the second', () => {
    const first = place(bob, 'ask', '0.47', '3');
    const second = place(carol, 'ask', '0.47', '3');
    place(alice, 'bid', '0.47', '4');
    expect(first.status).toBe('executed');
    expect(second.remainingE2).toBe(n('2'));
  });

  it('GTC YES bid $0.48 x10 against 4 @ $0.47 fills 4 and rests 6 at $0.48', () => {
    place(bob, 'ask', '0.47', '4');
    const taker = place(alice, 'bid', '0.48', '10');
    expect(taker.filledE2).toBe(n('4'));
    expect(taker.status).toBe('resting');
    expect(market.book.bestBidE4()).toBe($('0.48'));
    expect(market.book.bestBidSizeE2()).toBe(n('6'));
  });

  it('IOC YES bid $0.48 x10 against 4 @ $0.47 fills 4 and cancels the remaining 6', () => {
    place(bob, 'ask', '0.47', '4');
    const taker = place(alice, 'bid', '0.48', '10', { timeInForce: 'immediate_or_cancel' });
    expect(taker.filledE2).toBe(n('4'));
    expect(taker.status).toBe('canceled');
    expect(taker.remainingE2).toBe(0);
    expect(market.book.bestBidE4()).toBe(0);
  });

  it('FOK YES bid x10 with only 8 offered at or under $0.48 fills nothing; with 10 it fills all', () => {
    place(bob, 'ask', '0.47', '4');
    place(bob, 'ask', '0.48', '4');
    place(bob, 'ask', '0.49', '10');
    const killed = place(alice, 'bid', '0.48', '10', { timeInForce: 'fill_or_kill' });
    expect(killed.status).toBe('canceled');
    expect(killed.filledE2).toBe(0);
    expect(alice.balanceE6).toBe(usd('1000'));
    expect(market.book.asks.levelsInUse).toBe(3);

    const filled = place(alice, 'bid', '0.49', '10', { timeInForce: 'fill_or_kill' });
    expect(filled.status).toBe('executed');
    expect(filled.filledE2).toBe(n('10'));
  });

  it('post-only YES bid $0.47 that would cross an ask at $0.47 is canceled (PostOnlyCrossCancel) and the book is untouched', () => {
    place(bob, 'ask', '0.47', '5');
    const order = place(alice, 'bid', '0.47', '5', { postOnly: true });
    expect(order.status).toBe('canceled');
    expect(order.lastUpdateReason).toBe('PostOnlyCrossCancel');
    expect(order.filledE2).toBe(0);
    expect(market.book.bestAskSizeE2()).toBe(n('5'));
    const resting = place(alice, 'bid', '0.46', '5', { postOnly: true });
    expect(resting.status).toBe('resting');
  });

  it('self-trade prevention taker_at_cross: Alice fills Bob ahead of her own ask, then her taker is canceled; her maker stays', () => {
    place(bob, 'ask', '0.45', '2');
    const own = place(alice, 'ask', '0.46', '5');
    const taker = place(alice, 'bid', '0.47', '10');
    expect(taker.filledE2).toBe(n('2'));
    expect(taker.status).toBe('canceled');
    expect(taker.lastUpdateReason).toBe('SelfTradeCancel');
    expect(own.status).toBe('resting');
    expect(own.remainingE2).toBe(n('5'));
  });

  it('self-trade prevention maker: Alice’s own resting ask is canceled and her bid goes on to fill Carol behind it', () => {
    const own = place(alice, 'ask', '0.46', '5');
    place(carol, 'ask', '0.47', '5');
    const taker = place(alice, 'bid', '0.47', '5', { selfTradePrevention: 'maker' });
    expect(own.status).toBe('canceled');
    expect(own.lastUpdateReason).toBe('SelfTradeCancel');
    expect(taker.status).toBe('executed');
    expect(taker.fillYesNotionalE6).toBe(n('5') * $('0.47'));
  });

  it('duplicate client_order_id is refused with 409 order_already_exists and changes nothing', () => {
    place(alice, 'bid', '0.30', '1', { clientOrderId: 'leg-1' });
    const result = fx.engine.place({
      account: alice,
      market,
      side: 'bid',
      priceE4: $('0.31'),
      countE2: n('1'),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
      clientOrderId: 'leg-1',
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 409, code: 'order_already_exists' }),
    });
    expect(alice.orders).toHaveLength(1);
    expect(market.book.bestBidE4()).toBe($('0.30'));
  });

  it('off-grid prices are 400 invalid_price: $0.4350 on a cent market, $0.4315 on deci_cent, $0.455 in the tapered middle', () => {
    const attempt = (m: SimMarket, price: string) =>
      fx.engine.place({
        account: alice,
        market: m,
        side: 'bid',
        priceE4: $(price),
        countE2: n('1'),
        timeInForce: 'good_till_canceled',
        selfTradePrevention: 'maker',
      });
    const deci = fx.market('KXTEST-DECI', { structure: 'deci_cent' });
    const tapered = fx.market('KXTEST-TAPER', { structure: 'tapered_deci_cent' });
    expect(attempt(market, '0.4350')).toMatchObject({
      ok: false,
      error: { status: 400, code: 'invalid_price' },
    });
    expect(attempt(deci, '0.4315')).toMatchObject({ ok: false, error: { code: 'invalid_price' } });
    expect(attempt(tapered, '0.4550')).toMatchObject({
      ok: false,
      error: { code: 'invalid_price' },
    });
    expect(attempt(deci, '0.4310').ok).toBe(true);
    expect(attempt(tapered, '0.0550').ok).toBe(true);
    expect(attempt(market, '1.0000')).toMatchObject({
      ok: false,
      error: { code: 'invalid_price' },
    });
  });

  it('maker fees on quadratic_with_maker_fees: 10 @ $0.50 costs the maker $0.0438 and the taker $0.1750', () => {
    const makerMarket = fx.market('KXTEST-MAKER', { feeType: 'quadratic_with_maker_fees' });
    const maker = fx.engine.place({
      account: bob,
      market: makerMarket,
      side: 'bid',
      priceE4: $('0.50'),
      countE2: n('10'),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    const taker = fx.engine.place({
      account: alice,
      market: makerMarket,
      side: 'ask',
      priceE4: $('0.50'),
      countE2: n('10'),
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'maker',
    });
    expect(maker.ok && taker.ok).toBe(true);
    if (!maker.ok || !taker.ok) return;
    expect(maker.value.makerFeesE6).toBe(usd('0.0438'));
    expect(taker.value.takerFeesE6).toBe(usd('0.1750'));
    expect(bob.positions.get(makerMarket.ticker)!.feesPaidE6).toBe(usd('0.0438'));
  });

  it('a half fee multiplier: taker 100 @ $0.50 pays $0.8750; 1 @ $0.01 on full fees pays $0.0007', () => {
    const index = fx.market('KXTEST-INX', { multiplierE4: 5_000 });
    fx.engine.place({
      account: null,
      market: index,
      side: 'ask',
      priceE4: $('0.50'),
      countE2: n('100'),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    const half = fx.engine.place({
      account: alice,
      market: index,
      side: 'bid',
      priceE4: $('0.50'),
      countE2: n('100'),
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'maker',
    });
    expect(half.ok && half.value.takerFeesE6).toBe(usd('0.8750'));

    place(null, 'ask', '0.01', '1');
    const penny = place(alice, 'bid', '0.01', '1', { timeInForce: 'immediate_or_cancel' });
    expect(penny.takerFeesE6).toBe(usd('0.0007'));
  });

  it('Alice holds 10 YES bought at $0.40, buys 4 NO at $0.30 (ask at YES $0.70): 4 pairs redeem for $4, position +6', () => {
    place(null, 'ask', '0.40', '10');
    place(alice, 'bid', '0.40', '10', { timeInForce: 'immediate_or_cancel' });
    const before = alice.balanceE6;
    place(null, 'bid', '0.70', '4');
    const close = place(alice, 'ask', '0.70', '4', { timeInForce: 'immediate_or_cancel' });
    const position = alice.positions.get(market.ticker)!;
    expect(position.positionE2).toBe(n('6'));
    // Paid 4 x $0.30 plus fee, got 4 x $1: effectively sold 4 YES at $0.70 bought at $0.40.
    expect(alice.balanceE6).toBe(before - usd('1.20') - close.takerFeesE6 + usd('4'));
    expect(position.realizedPnlE6).toBe(usd('4') - usd('1.60') - usd('1.20'));
    expect(position.costBasisE6).toBe(usd('2.40'));
  });

  it('reduce-only caps a NO buy at the 6 YES held; with nothing held it is canceled (ReduceOnlyCancel)', () => {
    place(null, 'ask', '0.40', '6');
    place(alice, 'bid', '0.40', '6', { timeInForce: 'immediate_or_cancel' });
    const capped = place(alice, 'ask', '0.70', '10', { reduceOnly: true });
    expect(capped.initialE2).toBe(n('6'));
    const none = place(bob, 'ask', '0.70', '10', { reduceOnly: true });
    expect(none.status).toBe('canceled');
    expect(none.lastUpdateReason).toBe('ReduceOnlyCancel');
  });

  it('settlement YES: Alice’s 10 YES bought at $0.40 pay $10 (realized +$6); Bob’s 10 NO pay nothing', () => {
    place(bob, 'ask', '0.40', '10');
    place(alice, 'bid', '0.40', '10');
    const aliceBefore = alice.balanceE6;
    const bobBefore = bob.balanceE6;
    const paid = fx.ledger.settle(market, 'yes', fx.clock.nowMs());
    expect(paid).toHaveLength(2);
    expect(alice.balanceE6).toBe(aliceBefore + usd('10'));
    expect(bob.balanceE6).toBe(bobBefore);
    expect(alice.positions.get(market.ticker)!.realizedPnlE6).toBe(usd('10') - usd('4'));
    expect(bob.positions.get(market.ticker)!.realizedPnlE6).toBe(-usd('6'));
    expect(alice.settlements[0]).toMatchObject({
      result: 'yes',
      yesCountE2: n('10'),
      revenueCents: 1000,
    });
    expect(bob.settlements[0]).toMatchObject({
      noCountE2: n('10'),
      revenueCents: 0,
      noCostE6: usd('6'),
    });
  });

  it('only active markets trade: an inactive market refuses orders with market_closed', () => {
    market.status = 'inactive';
    const result = fx.engine.place({
      account: alice,
      market,
      side: 'bid',
      priceE4: $('0.40'),
      countE2: n('1'),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'market_closed' } });
  });

  it('an order costing more than the balance is refused with insufficient_balance', () => {
    const poor = fx.ledger.account('poor', fx.clock.nowMs());
    poor.balanceE6 = usd('1.00');
    const result = fx.engine.place({
      account: poor,
      market,
      side: 'bid',
      priceE4: $('0.50'),
      countE2: n('10'),
      timeInForce: 'good_till_canceled',
      selfTradePrevention: 'maker',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'insufficient_balance' } });
    expect(poor.orders).toHaveLength(0);
  });

  it('decrease keeps queue priority; amend to a new price re-queues and can trade', () => {
    const first = place(bob, 'ask', '0.47', '5');
    place(carol, 'ask', '0.47', '5');
    expect(fx.engine.decrease(first, n('2')).ok).toBe(true);
    place(alice, 'bid', '0.47', '2', { timeInForce: 'immediate_or_cancel' });
    expect(first.status).toBe('executed');

    const bid = place(alice, 'bid', '0.40', '3');
    const amended = fx.engine.amend(bid, { priceE4: $('0.47'), countE2: n('3') });
    expect(amended.ok).toBe(true);
    expect(bid.filledE2).toBe(n('3'));
    expect(bid.status).toBe('executed');
  });

  it('a GTC order with an expiration time is canceled (ExpiryCancel) once the time passes', () => {
    const order = place(alice, 'bid', '0.40', '1', { expirationMs: fx.clock.nowMs() + 5_000 });
    fx.clock.advance(4_000);
    expect(fx.engine.expire()).toBe(0);
    fx.clock.advance(2_000);
    expect(fx.engine.expire()).toBe(1);
    expect(order.status).toBe('canceled');
    expect(order.lastUpdateReason).toBe('ExpiryCancel');
    expect(market.book.bestBidE4()).toBe(0);
  });
});
