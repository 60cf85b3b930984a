/**
 * Kalshi's fixed-point wire numbers as exact integers (PROTOCOL.md §3.1).
 * Prices: integer units of $0.0001 ("E4"). Counts: integer units of 0.01 contract ("E2").
 * Money (costs, fees, P&L): integer units of $0.000001 ("E6"), so count x price is exact even for
 * fractional counts at sub-cent prices (0.01 contract x $0.4201 = $0.004201), as Kalshi's 6-decimal fields are.
 * Parsers walk char codes (no regex, no float, no allocation): they sit on the hot path.
 */
export const PRICE_SCALE = 10_000;
export const COUNT_SCALE = 100;
export const MONEY_SCALE = 1_000_000;
/** $1.00, the payout of a winning contract, in price units. */
export const ONE_DOLLAR = PRICE_SCALE;

/** Returned by the fast parsers for anything that is not a well-formed number of the expected shape. */
export const INVALID = Number.NaN;

/**
 * Parses an unsigned or signed decimal string with at most `maxDecimals` decimals into integer units of
 * 10^-scaleDecimals. Decimals beyond scaleDecimals must be zeros ("0.086700" is exact in $0.0001).
 * Returns NaN for anything else: empty, signs where not allowed, exponents, spaces, over-precise values.
 */
export function parseScaled(
  text: string,
  scaleDecimals: number,
  maxDecimals: number,
  signed: boolean,
): number {
  const length = text.length;
  if (length === 0 || length > 24) return INVALID;
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */) {
    if (!signed) return INVALID;
    negative = true;
    index = 1;
  }
  let value = 0;
  let integerDigits = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    integerDigits++;
    index++;
  }
  if (integerDigits === 0) return INVALID;
  let decimals = 0;
  if (index < length) {
    if (text.charCodeAt(index) !== 46 /* . */) return INVALID;
    index++;
    if (index === length) return INVALID;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < 48 || code > 57) return INVALID;
      decimals++;
      if (decimals > maxDecimals) return INVALID;
      if (decimals <= scaleDecimals) value = value * 10 + (code - 48);
      else if (code !== 48) return INVALID; // finer than our unit: not exact
      index++;
    }
  }
  for (let d = decimals; d < scaleDecimals; d++) value *= 10;
  if (!Number.isSafeInteger(value)) return INVALID;
  return negative ? (value === 0 ? 0 : -value) : value;
}

/** "0.4200" -> 4200. Dollar strings carry up to 6 decimals on the wire (fees, costs). */
export function parsePriceE4(text: string): number {
  return parseScaled(text, 4, 6, false);
}

/** Money: "0.086700" -> 86700; signed for P&L ("-1.25" -> -1250000). */
export function parseDollarsE6(text: string): number {
  return parseScaled(text, 6, 6, true);
}

/** "10.00" -> 1000 (0.01-contract units). */
export function parseCountE2(text: string): number {
  return parseScaled(text, 2, 2, false);
}

/** Signed counts: orderbook `delta_fp`, `position_fp`. */
export function parseSignedCountE2(text: string): number {
  return parseScaled(text, 2, 2, true);
}

/** Throwing variants for cold paths (config, REST, GraphQL input): the error says what was wrong. */
export function requirePriceE4(text: unknown, field = 'price'): number {
  const value = typeof text === 'string' ? parsePriceE4(text) : INVALID;
  if (Number.isNaN(value))
    throw new FixedPointError(
      `${field} must be a dollar string like "0.4200" (got ${JSON.stringify(text)})`,
    );
  return value;
}

export function requireCountE2(text: unknown, field = 'count'): number {
  const value = typeof text === 'string' ? parseCountE2(text) : INVALID;
  if (Number.isNaN(value))
    throw new FixedPointError(
      `${field} must be a count string like "10.00" (got ${JSON.stringify(text)})`,
    );
  return value;
}

export class FixedPointError extends Error {
  override readonly name = 'FixedPointError';
}

function formatScaled(value: number, scaleDecimals: number, outDecimals: number): string {
  const negative = value < 0;
  const abs = negative ? -value : value;
  const scale = 10 ** scaleDecimals;
  const whole = Math.floor(abs / scale);
  const fraction =
    (abs - whole * scale).toString().padStart(scaleDecimals, '0') +
    '0'.repeat(Math.max(0, outDecimals - scaleDecimals));
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** 4200 -> "0.4200" */
export function formatPriceE4(priceE4: number): string {
  return formatScaled(priceE4, 4, 4);
}

/** Money in Kalshi's 6-decimal cost/fee shape: 86700 -> "0.086700". */
export function formatDollarsE6(amountE6: number): string {
  return formatScaled(amountE6, 6, 6);
}

/** Money rounded for display at $0.0001: 1234567 -> "1.2346"; exact values only (no rounding). */
export function formatDollarsE6As4(amountE6: number): string {
  return amountE6 % 100 === 0 ? formatScaled(amountE6 / 100, 4, 4) : formatDollarsE6(amountE6);
}

/** 1000 -> "10.00" */
export function formatCountE2(countE2: number): string {
  return formatScaled(countE2, 2, 2);
}

/** The other side's price: a NO bid at p is a YES ask at $1 - p. */
export function complementE4(priceE4: number): number {
  return ONE_DOLLAR - priceE4;
}

/** Cost of `countE2` contracts at `priceE4`, in $0.000001, exact: (count/100) * (price/10^4) = count*price / 10^6. */
export function notionalE6(countE2: number, priceE4: number): number {
  return countE2 * priceE4;
}

/** Whole contracts' payout: countE2 contracts paying $1 each, in $0.000001. */
export function payoutE6(countE2: number): number {
  return countE2 * PRICE_SCALE;
}
