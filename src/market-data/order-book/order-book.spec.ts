import fc from 'fast-check';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import { BidLadder } from './bid-ladder';
import { DeltaOutcome, OrderBook } from './order-book';

const cents = (c: number) => c * 100;
const contracts = (n: number) => n * 100;

function bookWith(
  yes: [number, number][],
  no: [number, number][],
  grid = PriceGrid.cent(),
): OrderBook {
  const book = new OrderBook('KXHIGHNY-26OCT01-T61', grid);
  book.beginSnapshot();
  for (const [price, size] of yes) book.setLevel('yes', cents(price), contracts(size));
  for (const [price, size] of no) book.setLevel('no', 10_000 - cents(price), contracts(size));
  book.finishSnapshot(1);
  return book;
}

describe('OrderBook', () => {
  it('reads the PROTOCOL example: best YES bid 0.42 x 13, best YES ask 0.45 x 17, from an unsorted snapshot', () => {
    const book = bookWith(
      [
        [42, 13],
        [39, 120],
        [41, 10],
      ],
      [
        [55, 17],
        [50, 40],
      ],
    );
    expect([book.bestBidE4(), book.bestBidSizeE2()]).toEqual([4200, 1300]);
    expect([book.bestAskE4(), book.bestAskSizeE2()]).toEqual([4500, 1700]);
    expect(book.stale).toBe(false);
    expect(book.depth()).toEqual({
      yesBids: [
        [4200, 1300],
        [4100, 1000],
        [3900, 12000],
      ],
      noBids: [
        [5500, 1700],
        [5000, 4000],
      ],
    });
  });

  it('removes a level whose delta takes it to zero and finds the next best', () => {
    const book = bookWith(
      [
        [42, 13],
        [39, 120],
      ],
      [[55, 17]],
    );
    expect(book.applyDelta('yes', 4200, -1300, 2)).toBe(DeltaOutcome.APPLIED);
    expect(book.bestBidE4()).toBe(3900);
    expect(book.yesBids.levels).toBe(1);
  });

  it('clamps a negative delta past zero, removes the level and reports it', () => {
    const book = bookWith([[42, 13]], []);
    expect(book.applyDelta('yes', 4200, -2000, 2)).toBe(DeltaOutcome.BELOW_ZERO);
    expect(book.bestBidE4()).toBe(0);
    expect(book.yesBids.levels).toBe(0);
  });

  it('rejects an off-grid delta and changes nothing', () => {
    const book = bookWith([[42, 13]], []);
    const before = book.version;
    expect(book.applyDelta('yes', 4250, 100, 2)).toBe(DeltaOutcome.OFF_GRID);
    expect(book.version).toBe(before);
    expect(book.depth().yesBids).toEqual([[4200, 1300]]);
  });

  it('holds a 22,000,000-contract level exactly (past what a 32-bit size could)', () => {
    const book = bookWith([[42, 22_000_000]], []);
    expect(book.bestBidSizeE2()).toBe(2_200_000_000);
    book.applyDelta('yes', 4200, 100, 2);
    expect(book.bestBidSizeE2()).toBe(2_200_000_100);
  });

  it('holds sub-cent levels on a tapered grid', () => {
    const book = new OrderBook(
      'KXGDPNOM-RUS26',
      PriceGrid.of(PRICE_LEVEL_STRUCTURES.tapered_deci_cent),
    );
    book.beginSnapshot();
    expect(book.setLevel('yes', 30, 500)).toBe(true); // $0.003
    expect(book.setLevel('yes', 4250, 500)).toBe(false); // $0.425 is off the $0.01 middle band
    book.finishSnapshot(1);
    expect(book.applyDelta('no', 10_000 - 9_980, 700, 2)).toBe(DeltaOutcome.APPLIED); // NO bid $0.998 = YES ask $0.002
    expect(book.applyDelta('no', 10_000 - 9_985, 700, 2)).toBe(DeltaOutcome.OFF_GRID); // NO bid $0.9985 is off the grid
    expect([book.bestBidE4(), book.bestAskE4(), book.bestAskSizeE2()]).toEqual([30, 20, 700]);
  });

  it('a two-level bitmap ladder agrees with a plain array on any sequence of sets', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2_000 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(
                fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 3 })),
                { maxLength: 300 },
              ),
              fc.integer({ min: -1, max: n }),
            ),
          ),
        ([levelCount, sets, probe]) => {
          const ladder = new BidLadder(levelCount);
          const plain = new Array<number>(levelCount).fill(0);
          for (const [index, size] of sets) {
            ladder.set(index, size);
            plain[index] = size;
          }
          const filled = plain.flatMap((size, index) => (size > 0 ? [index] : []));
          expect(ladder.levels).toBe(filled.length);
          expect(ladder.highest()).toBe(filled.length ? filled[filled.length - 1] : -1);
          expect(ladder.lowest()).toBe(filled.length ? filled[0] : -1);
          const below = filled.filter((i) => i < probe);
          const above = filled.filter((i) => i > probe);
          expect(ladder.highestBelow(probe)).toBe(below.length ? below[below.length - 1] : -1);
          expect(ladder.lowestAbove(probe)).toBe(above.length ? above[0] : -1);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
