import {
  parseOrderBookWire,
  parseOrderResult,
  toCreateOrderWire,
  yesEquivalentE4,
} from './kalshi-wire-codec';

describe('Kalshi wire codec', () => {
  it('reads a REST order book into integers, NO bids at their NO price, a missing side as empty', () => {
    expect(
      parseOrderBookWire({
        orderbook_fp: {
          yes_dollars: [
            ['0.3900', '120.00'],
            ['0.4200', '13.00'],
          ],
          no_dollars: null,
        },
      }),
    ).toEqual({
      yes: [
        [3900, 12_000],
        [4200, 1_300],
      ],
      no: [],
    });
    // A NO bid at $0.55 is a YES ask at $0.45; with use_yes_price the feed sends $0.45 itself.
    expect([
      yesEquivalentE4('no', 5_500, false),
      yesEquivalentE4('no', 4_500, true),
      yesEquivalentE4('yes', 4_200, false),
    ]).toEqual([4_500, 4_500, 4_200]);
  });

  it('rejects a book with any bad level, naming it', () => {
    expect(() =>
      parseOrderBookWire({
        orderbook_fp: {
          yes_dollars: [
            ['0.42', '1.00'],
            ['0.4x', '2.00'],
          ],
        },
      }),
    ).toThrow('yes_dollars[1] price must be a dollar string');
    expect(() => parseOrderBookWire({ orderbook_fp: { no_dollars: [['0.42', '1.005']] } })).toThrow(
      'no_dollars[0] count must be a count string',
    );
  });

  it('writes a V2 order ("buy 10 NO at $0.30" is side ask at YES price $0.70) and reads its result', () => {
    expect(
      toCreateOrderWire({
        ticker: 'KXHIGHNY-26OCT01-T61',
        side: 'ask',
        priceE4: 7_000,
        countE2: 1_000,
        timeInForce: 'immediate_or_cancel',
        clientOrderId: 'trade-7-leg-1',
      }),
    ).toEqual({
      ticker: 'KXHIGHNY-26OCT01-T61',
      side: 'ask',
      price: '0.7000',
      count: '10.00',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'taker_at_cross',
      client_order_id: 'trade-7-leg-1',
    });
    expect(() =>
      toCreateOrderWire({
        ticker: 'T',
        side: 'bid',
        priceE4: 10_000,
        countE2: 100,
        timeInForce: 'fill_or_kill',
      }),
    ).toThrow(/strictly between/);
    expect(
      parseOrderResult({
        order_id: 'o1',
        fill_count: '7.00',
        remaining_count: '3.00',
        average_fill_price: '0.702500',
        average_fee_paid: '0.0147',
        ts_ms: 5,
      }),
    ).toEqual({
      orderId: 'o1',
      clientOrderId: undefined,
      fillCountE2: 700,
      remainingCountE2: 300,
      averageFillPriceE6: 702_500,
      averageFeePaidE6: 14_700,
      tsMs: 5,
    });
  });
});
