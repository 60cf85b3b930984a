import { formatCountE2, formatPriceE4, ONE_DOLLAR } from '../../kalshi/fixed-point';

/** Every price string "0.0000".."1.0000", built once: frames are assembled from cached strings. */
const PRICE_STRINGS: string[] = Array.from({ length: ONE_DOLLAR + 1 }, (_, p) => formatPriceE4(p));

export function priceString(priceE4: number): string {
  return PRICE_STRINGS[priceE4];
}

/** Counts below 1,000 contracts are cached too (most book deltas). */
const COUNT_CACHE_LIMIT = 100_000;
const COUNT_STRINGS: string[] = Array.from({ length: COUNT_CACHE_LIMIT }, (_, c) =>
  formatCountE2(c),
);

export function countString(countE2: number): string {
  return countE2 >= 0 && countE2 < COUNT_CACHE_LIMIT
    ? COUNT_STRINGS[countE2]
    : formatCountE2(countE2);
}

export function signedCountString(countE2: number): string {
  return countE2 < 0 ? `-${countString(-countE2)}` : countString(countE2);
}
