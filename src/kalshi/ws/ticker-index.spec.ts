import fc from 'fast-check';
import { TickerIndex } from './ticker-index';

describe('TickerIndex', () => {
  it('finds a ticker from a range of a frame without slicing it', () => {
    const index = new TickerIndex(4);
    index.set('KXHIGHNY-26OCT01-T61', 0);
    index.set('KXHIGHNY-26OCT01-T63', 1);
    const frame = '{"market_ticker":"KXHIGHNY-26OCT01-T63","side":"yes"}';
    const start = frame.indexOf('KX');
    expect(index.find(frame, start, start + 'KXHIGHNY-26OCT01-T63'.length)).toBe(1);
    expect(index.find(frame, start, start + 19)).toBe(-1); // a prefix is another ticker
    expect(index.get('KXHIGHNY-26OCT01-T65')).toBe(-1);
  });

  it('agrees with a Map on any set of tickers, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 400 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }),
        (tickers, probes) => {
          const index = new TickerIndex(2);
          const map = new Map<string, number>();
          tickers.forEach((ticker, slot) => {
            index.set(ticker, slot);
            map.set(ticker, slot);
          });
          expect(index.size).toBe(map.size);
          for (const key of [...tickers, ...probes]) {
            expect(index.get(key)).toBe(map.get(key) ?? -1);
            const framed = `"${key}"`;
            expect(index.find(framed, 1, 1 + key.length)).toBe(map.get(key) ?? -1);
          }
        },
      ),
    );
  });
});
