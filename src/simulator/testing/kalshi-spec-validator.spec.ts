import path from 'node:path';
import { eventWire, marketWire } from '../catalog/catalog-wire';
import { SimExchange } from '../exchange/sim-exchange';
import { KalshiSpecValidator, kalshiSpecDir } from './kalshi-spec-validator';

const SPEC_DIR = kalshiSpecDir();

/** The validator must catch real mistakes, or the e2e checks built on it prove nothing. */
describe('KalshiSpecValidator', () => {
  const validator = new KalshiSpecValidator(SPEC_DIR);
  const exchange = new SimExchange({ seed: 1, markets: 20, rateLimit: 'off' });
  const market = exchange.catalog.markets[0];

  it('accepts a simulator market and rejects one without price_ranges or with a bad status', () => {
    const wire = marketWire(market);
    expect(validator.restErrors('GET', '/markets/{ticker}', 200, { market: wire })).toEqual([]);
    const { price_ranges: _dropped, ...missing } = wire;
    expect(
      validator.restErrors('GET', '/markets/{ticker}', 200, { market: missing }).join(),
    ).toContain('price_ranges');
    expect(
      validator.restErrors('GET', '/markets/{ticker}', 200, {
        market: { ...wire, status: 'open' },
      }),
    ).not.toEqual([]);
  });

  it('accepts nullable fields as null and tickers with a dot (the two spec quirks)', () => {
    const event = { ...eventWire(market.event, false), strike_date: null, product_metadata: null };
    expect(
      validator.restErrors('GET', '/events/{event_ticker}', 200, { event, markets: [] }),
    ).toEqual([]);
    expect(
      validator.restErrors('GET', '/events/{event_ticker}', 200, {
        event: { ...event, strike_date: 7 },
        markets: [],
      }),
    ).not.toEqual([]);
    const delta = {
      type: 'orderbook_delta',
      sid: 1,
      seq: 2,
      msg: {
        market_ticker: 'FED-23DEC-T3.00',
        market_id: market.marketId,
        price_dollars: '0.4200',
        delta_fp: '-1.00',
        side: 'yes',
        ts_ms: 1,
      },
    };
    expect(validator.wsErrors(delta)).toEqual([]);
    expect(
      validator.wsErrors({ ...delta, msg: { ...delta.msg, market_id: undefined } }),
    ).not.toEqual([]);
    expect(validator.wsErrors({ ...delta, seq: 0 })).not.toEqual([]);
    expect(validator.wsErrors({ type: 'mystery' })).not.toEqual([]);
  });

  it('reads V2 field lists from the installed kalshi-typescript models', () => {
    const sdk = path.resolve(__dirname, '../../../node_modules/kalshi-typescript');
    expect(KalshiSpecValidator.sdkModelFields('create-order-v2-response', sdk).required).toEqual([
      'order_id',
      'fill_count',
      'remaining_count',
      'ts_ms',
    ]);
    expect(
      KalshiSpecValidator.sdkModelErrors(
        { order_id: 'x', fill_count: '1.00', remaining_count: '0.00', ts_ms: 1, extra: 1 },
        'create-order-v2-response',
        sdk,
      ),
    ).toEqual(['create-order-v2-response: unknown field extra']);
  });
});
