/** Below this, quotient × divisor stays exact in a double, so the remainder check is exact. */
const FLOAT_EXACT = 2 ** 50;

/** floor(n / d) for integers (d > 0), exact beyond 2^50 through BigInt. */
export function floorDivide(n: number, d: number): number {
  if (Number.isInteger(n) && Math.abs(n) <= FLOAT_EXACT) {
    const quotient = Math.floor(n / d);
    // The float quotient is an estimate: mend it with the remainder.
    const remainder = n - quotient * d;
    if (remainder < 0) return quotient - 1;
    if (remainder >= d) return quotient + 1;
    return quotient;
  }
  const big = BigInt(n);
  const divisor = BigInt(d);
  let quotient = big / divisor;
  if (big % divisor !== 0n && big < 0n) quotient -= 1n;
  return Number(quotient);
}

/** floor(a × b / d) for integers, exact when a × b passes 2^53. */
export function floorMulDiv(a: number, b: number, d: number): number {
  const product = a * b;
  if (Math.abs(product) <= FLOAT_EXACT) return floorDivide(product, d);
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(d);
  let quotient = big / divisor;
  if (big % divisor !== 0n && big < 0n) quotient -= 1n;
  return Number(quotient);
}
