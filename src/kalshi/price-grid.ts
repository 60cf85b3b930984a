import { FixedPointError, ONE_DOLLAR, formatPriceE4, parsePriceE4 } from './fixed-point';

/** A market's `price_ranges` entry as Kalshi sends it (dollar strings). */
export interface PriceRangeWire {
  start: string;
  end: string;
  step: string;
}

/**
 * The prices a market accepts (PROTOCOL.md §5 tick structure), with a dense index of its levels.
 * Valid prices are on a range's step grid and strictly between $0 and $1. Grids are shared by every
 * market with the same ranges (PriceGrid.of caches them), so 10,000 books cost a handful of grids.
 */
export class PriceGrid {
  private static readonly cache = new Map<string, PriceGrid>();

  /** price E4 -> level index, or -1 when off the grid. */
  private readonly indexByPrice: Int16Array;
  /** level index -> price E4, ascending. */
  readonly prices: Int32Array;

  private constructor(
    readonly key: string,
    readonly ranges: readonly { startE4: number; endE4: number; stepE4: number }[],
  ) {
    this.indexByPrice = new Int16Array(ONE_DOLLAR + 1).fill(-1);
    const prices: number[] = [];
    for (let price = 1; price < ONE_DOLLAR; price++) {
      if (
        ranges.some(
          (r) => price >= r.startE4 && price <= r.endE4 && (price - r.startE4) % r.stepE4 === 0,
        )
      ) {
        this.indexByPrice[price] = prices.length;
        prices.push(price);
      }
    }
    this.prices = Int32Array.from(prices);
  }

  /** The grid of Kalshi `price_ranges`; throws FixedPointError for ranges it cannot represent exactly. */
  static of(ranges: readonly PriceRangeWire[]): PriceGrid {
    const key = ranges.map((r) => `${r.start}:${r.end}:${r.step}`).join('|');
    const cached = PriceGrid.cache.get(key);
    if (cached) return cached;
    if (ranges.length === 0) throw new FixedPointError('price_ranges is empty');
    const parsed = ranges.map((r) => {
      const startE4 = parsePriceE4(r.start);
      const endE4 = parsePriceE4(r.end);
      const stepE4 = parsePriceE4(r.step);
      if (
        [startE4, endE4, stepE4].some(Number.isNaN) ||
        stepE4 <= 0 ||
        startE4 > endE4 ||
        endE4 > ONE_DOLLAR
      ) {
        throw new FixedPointError(
          `price range ${JSON.stringify(r)} is not a grid of $0.0001 steps within $0-$1`,
        );
      }
      return { startE4, endE4, stepE4 };
    });
    const grid = new PriceGrid(key, parsed);
    PriceGrid.cache.set(key, grid);
    return grid;
  }

  /** The classic 1-99 cent grid (`linear_cent`). */
  static cent(): PriceGrid {
    return PriceGrid.of([{ start: '0.0000', end: '1.0000', step: '0.0100' }]);
  }

  get levelCount(): number {
    return this.prices.length;
  }

  isValid(priceE4: number): boolean {
    return (
      Number.isInteger(priceE4) &&
      priceE4 > 0 &&
      priceE4 < ONE_DOLLAR &&
      this.indexByPrice[priceE4] >= 0
    );
  }

  /** Level index of a price, or -1 when off the grid (including NaN and out of range). */
  indexOf(priceE4: number): number {
    return priceE4 > 0 && priceE4 < ONE_DOLLAR ? this.indexByPrice[priceE4 | 0] : -1;
  }

  /** The highest valid price at or below `priceE4` (for a buy limit with slippage), or 0 if none. */
  floorPrice(priceE4: number): number {
    for (let p = Math.min(Math.floor(priceE4), ONE_DOLLAR - 1); p > 0; p--)
      if (this.indexByPrice[p] >= 0) return p;
    return 0;
  }

  /** The lowest valid price at or above `priceE4`, or 0 if none. */
  ceilPrice(priceE4: number): number {
    for (let p = Math.max(Math.ceil(priceE4), 1); p < ONE_DOLLAR; p++)
      if (this.indexByPrice[p] >= 0) return p;
    return 0;
  }

  toWire(): PriceRangeWire[] {
    return this.ranges.map((r) => ({
      start: formatPriceE4(r.startE4),
      end: formatPriceE4(r.endE4),
      step: formatPriceE4(r.stepE4),
    }));
  }
}

/** Kalshi's named structures (PROTOCOL.md §5); `price_ranges` stays the authority. */
export const PRICE_LEVEL_STRUCTURES: Record<string, PriceRangeWire[]> = {
  linear_cent: [{ start: '0.0000', end: '1.0000', step: '0.0100' }],
  deci_cent: [{ start: '0.0000', end: '1.0000', step: '0.0010' }],
  tapered_deci_cent: [
    { start: '0.0000', end: '0.1000', step: '0.0010' },
    { start: '0.1000', end: '0.9000', step: '0.0100' },
    { start: '0.9000', end: '1.0000', step: '0.0010' },
  ],
};
