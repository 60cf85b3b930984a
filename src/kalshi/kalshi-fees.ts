import { ONE_DOLLAR } from './fixed-point';

/** Series `fee_type` (PROTOCOL.md §7); event overrides take precedence. */
export type FeeType =
  'quadratic' | 'quadratic_with_maker_fees' | 'quadratic_with_combo_maker_fees' | 'flat';
export const FEE_TYPES: readonly FeeType[] = [
  'quadratic',
  'quadratic_with_maker_fees',
  'quadratic_with_combo_maker_fees',
  'flat',
];

export type LiquidityRole = 'taker' | 'maker';
/** Balance precision of the account: direct members settle to $0.0001, others (FCM, broker) to $0.01. */
export type MemberPrecision = 'centicent' | 'cent';

/** Fee coefficients in $0.0001 per contract-P(1-P): taker 0.07; maker 0.0175 (x0.25) or 0.035 (x0.5, combo). */
const TAKER_COEFFICIENT_E4 = 700;
const MAKER_COEFFICIENT_E4: Record<FeeType, number> = {
  quadratic: 0,
  quadratic_with_maker_fees: 175,
  quadratic_with_combo_maker_fees: 350,
  flat: 0,
};

/** `fee_multiplier` arrives as a JSON number (1, 0.5): held as an exact integer of 1/10,000. */
export function parseFeeMultiplierE4(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 100) {
    throw new Error(
      `fee_multiplier must be a number between 0 and 100 (got ${JSON.stringify(value)})`,
    );
  }
  const scaled = Math.round(number * 10_000);
  if (Math.abs(scaled - number * 10_000) > 1e-6)
    throw new Error(`fee_multiplier ${number} is finer than 0.0001`);
  return scaled;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * One coefficient reduced against the divisor once, so that the per-fill fee
 * ceil(coef x mult x C x P x (1-P)) in $0.0001 is exact integer arithmetic in doubles:
 * fee_E4 = ceil(countE2 x pE4 x (10^4 - pE4) x K / 10^14) with K = coefE4 x multE4, reduced by gcd(K, 10^14).
 */
class ReducedCoefficient {
  readonly numerator: number;
  readonly denominator: number;

  constructor(coefficientE4: number, multiplierE4: number) {
    const k = coefficientE4 * multiplierE4;
    const divisor = 1e14;
    const g = k === 0 ? divisor : gcd(k, divisor);
    this.numerator = k / g;
    this.denominator = divisor / g;
  }

  /** Trade fee of one fill, rounded up to $0.0001, in $0.0001. */
  feeE4(countE2: number, priceE4: number): number {
    if (this.numerator === 0 || countE2 <= 0) return 0;
    const product = countE2 * priceE4 * (ONE_DOLLAR - priceE4) * this.numerator;
    if (product <= Number.MAX_SAFE_INTEGER) return ceilDivide(product, this.denominator);
    const big =
      BigInt(countE2) * BigInt(priceE4) * BigInt(ONE_DOLLAR - priceE4) * BigInt(this.numerator);
    const d = BigInt(this.denominator);
    return Number((big + d - 1n) / d);
  }
}

/** Exact ceil(n / d) for non-negative safe integers: the float quotient is only an estimate, mended by the remainder. */
export function ceilDivide(n: number, d: number): number {
  let quotient = Math.floor(n / d);
  let remainder = n - quotient * d;
  if (remainder < 0) {
    quotient -= 1;
    remainder += d;
  } else if (remainder >= d) {
    quotient += 1;
    remainder -= d;
  }
  return remainder > 0 ? quotient + 1 : quotient;
}

/** The fee rules of one series (or event, with its overrides): exact per-fill fees. */
export class FeeSchedule {
  private readonly taker: ReducedCoefficient;
  private readonly maker: ReducedCoefficient;

  constructor(
    readonly feeType: FeeType,
    readonly multiplierE4: number,
  ) {
    this.taker = new ReducedCoefficient(TAKER_COEFFICIENT_E4, multiplierE4);
    this.maker = new ReducedCoefficient(MAKER_COEFFICIENT_E4[feeType], multiplierE4);
  }

  static standard(): FeeSchedule {
    return new FeeSchedule('quadratic', 10_000);
  }

  /** Trade fee of one fill (or one order filled at one price) in $0.0001: ceil(coef x C x P x (1-P)). */
  tradeFeeE4(role: LiquidityRole, countE2: number, priceE4: number): number {
    return (role === 'taker' ? this.taker : this.maker).feeE4(countE2, priceE4);
  }

  /** The same in $0.000001 (money units). */
  tradeFeeE6(role: LiquidityRole, countE2: number, priceE4: number): number {
    return this.tradeFeeE4(role, countE2, priceE4) * 100;
  }
}

/**
 * What a buy actually debits: the balance change (cost + trade fee) is floored toward minus infinity to the
 * member's precision, i.e. the debit is rounded up (PROTOCOL.md §7.2). Returns the debit in $0.000001.
 */
export function memberDebitE6(
  costE6: number,
  tradeFeeE6: number,
  precision: MemberPrecision,
): number {
  const unit = precision === 'cent' ? 10_000 : 100;
  const gross = costE6 + tradeFeeE6;
  return Math.ceil(gross / unit) * unit;
}
