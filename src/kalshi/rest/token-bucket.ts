/**
 * A token bucket (PROTOCOL.md §4.5): `capacity` tokens, refilled at `refillPerSecond`. A request larger
 * than the bucket may still go once the bucket is full (the balance goes negative), so a big batch waits
 * for its budget instead of never going at all.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(capacity > 0) || !(refillPerSecond > 0))
      throw new Error('a token bucket needs a positive capacity and refill rate');
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes `cost` tokens now if it can, and returns 0; otherwise takes nothing and returns the ms to wait. */
  tryTake(cost: number): number {
    this.refill();
    const needed = Math.min(cost, this.capacity);
    if (this.tokens >= needed) {
      this.tokens -= cost;
      return 0;
    }
    return Math.ceil(((needed - this.tokens) / this.refillPerSecond) * 1000);
  }

  /** After a 429 the exchange's view of our budget is empty: so is ours. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    this.updatedAt = now;
    if (elapsed > 0)
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.refillPerSecond);
  }
}
