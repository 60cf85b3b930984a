import axios from 'axios';
import { Configuration, MarketApi, OrdersApi, PortfolioApi } from 'kalshi-typescript';
import { formatPriceE4, parsePriceE4 } from '../src/kalshi/fixed-point';
import { generateKeyPair, startSimulator, type RunningSimulator } from '../src/simulator';

/** Kalshi's official TypeScript SDK, unchanged, against the simulator (PROTOCOL.md §8: its own axios instance). */
describe('kalshi-typescript 3.30 against the simulator', () => {
  const key = generateKeyPair();
  let sim: RunningSimulator;
  let markets: MarketApi;
  let orders: OrdersApi;
  let portfolio: PortfolioApi;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      seed: 21,
      markets: 150,
      startTraffic: false,
      auth: { publicKeys: { [key.keyId]: key.publicKeyPem } },
    });
    const configuration = new Configuration({
      apiKey: key.keyId,
      privateKeyPem: key.privateKeyPem,
      basePath: sim.restUrl,
    });
    const http = axios.create();
    markets = new MarketApi(configuration, configuration.basePath, http);
    orders = new OrdersApi(configuration, configuration.basePath, http);
    portfolio = new PortfolioApi(configuration, configuration.basePath, http);
  });

  afterAll(async () => {
    await sim?.close();
  });

  it('lists markets, reads an order book, places and cancels a V2 order, and reads positions', async () => {
    const listed = await markets.getMarkets(
      50,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'open',
    );
    expect(listed.status).toBe(200);
    expect(listed.data.markets).toHaveLength(50);
    expect(listed.data.cursor).not.toBe('');
    const market = listed.data.markets.find((m) => m.price_level_structure === 'linear_cent')!;

    const book = await markets.getMarketOrderbook(market.ticker, 5);
    const bestYesBid = book.data.orderbook_fp.yes_dollars.at(-1)!;
    const bestNoBid = book.data.orderbook_fp.no_dollars.at(-1)!;
    expect(bestYesBid[0]).toBe(market.yes_bid_dollars);
    expect(bestNoBid[0]).toBe(market.no_bid_dollars);

    // A resting YES bid a cent under the best bid: placed, seen resting, then canceled.
    const restingPrice = formatPriceE4(parsePriceE4(bestYesBid[0]) - 100);
    const created = await orders.createOrderV2({
      ticker: market.ticker,
      side: 'bid',
      price: restingPrice,
      count: '4',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'taker_at_cross',
      client_order_id: 'sdk-resting-1',
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      client_order_id: 'sdk-resting-1',
      fill_count: '0.00',
      remaining_count: '4.00',
    });
    const resting = await orders.getOrders(
      market.ticker,
      undefined,
      undefined,
      undefined,
      'resting',
    );
    expect(resting.data.orders.map((o) => o.order_id)).toEqual([created.data.order_id]);
    const canceled = await orders.cancelOrderV2(created.data.order_id);
    expect(canceled.data).toMatchObject({ order_id: created.data.order_id, reduced_by: '4.00' });

    // Buying NO at the best NO ask (an ask at the best YES bid) fills and shows as a negative position.
    const taken = await orders.createOrderV2({
      ticker: market.ticker,
      side: 'ask',
      price: bestYesBid[0],
      count: '2',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'taker_at_cross',
    });
    expect(taken.data).toMatchObject({
      fill_count: '2.00',
      remaining_count: '0.00',
      average_fill_price: bestYesBid[0],
    });
    const positions = await portfolio.getPositions();
    expect(positions.data.market_positions).toEqual([
      expect.objectContaining({ ticker: market.ticker, position_fp: '-2.00' }),
    ]);
    const balance = await portfolio.getBalance();
    expect(balance.data.balance).toBeLessThan(10_000_000);

    const unsigned = axios.create();
    await expect(unsigned.get(`${sim.restUrl}/portfolio/positions`)).rejects.toMatchObject({
      response: { status: 401 },
    });
  });
});
