import type { AccountLimitsWire } from '../wire/account.wire';
import { TokenBucket } from './token-bucket';

export type RateBucket = 'read' | 'write';

/** Every request costs 10 tokens unless Kalshi lists it cheaper (PROTOCOL.md §4.5). */
export const DEFAULT_REQUEST_COST = 10;

export interface BucketLimits {
  readonly refillPerSecond: number;
  readonly capacity: number;
}

export interface TierLimits {
  readonly tier: string;
  readonly read: BucketLimits;
  readonly write: BucketLimits;
}

/** Basic tier: read 200 tokens/s, write 100 tokens/s, each bucket holding one second of budget. */
export const BASIC_TIER: TierLimits = {
  tier: 'basic',
  read: { refillPerSecond: 200, capacity: 200 },
  write: { refillPerSecond: 100, capacity: 100 },
};

/**
 * The account's tier from `GET /account/limits`: the token-bucket shape (`read.refill_rate`) or the older
 * requests-per-second shape (`read_limit`, 10 tokens a request). Undefined when neither is usable.
 */
export function tierFromAccountLimits(body: AccountLimitsWire): TierLimits | undefined {
  const tier = typeof body.usage_tier === 'string' ? body.usage_tier : 'unknown';
  const bucket = (value: unknown): BucketLimits | undefined => {
    if (typeof value !== 'object' || value === null) return undefined;
    const { refill_rate: rate, bucket_capacity: capacity } = value as Record<string, unknown>;
    if (typeof rate !== 'number' || !(rate > 0)) return undefined;
    return {
      refillPerSecond: rate,
      capacity: typeof capacity === 'number' && capacity > 0 ? capacity : rate,
    };
  };
  const read = bucket(body.read);
  const write = bucket(body.write);
  if (read && write) return { tier, read, write };
  const perSecond = (value: unknown): BucketLimits | undefined =>
    typeof value === 'number' && value > 0
      ? { refillPerSecond: value * DEFAULT_REQUEST_COST, capacity: value * DEFAULT_REQUEST_COST }
      : undefined;
  const readLimit = perSecond(body.read_limit);
  const writeLimit = perSecond(body.write_limit);
  return readLimit && writeLimit ? { tier, read: readLimit, write: writeLimit } : undefined;
}

/** The read and write buckets of one account; waits (never rejects) until a request's tokens are there. */
export class KalshiRateLimiter {
  private buckets: Record<RateBucket, TokenBucket>;
  private currentTier: TierLimits;

  constructor(
    tier: TierLimits = BASIC_TIER,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.currentTier = tier;
    this.buckets = this.bucketsOf(tier);
  }

  get tier(): TierLimits {
    return this.currentTier;
  }

  setTier(tier: TierLimits): void {
    this.currentTier = tier;
    this.buckets = this.bucketsOf(tier);
  }

  async acquire(bucket: RateBucket, cost = DEFAULT_REQUEST_COST): Promise<void> {
    for (;;) {
      const waitMs = this.buckets[bucket].tryTake(cost);
      if (waitMs === 0) return;
      await this.sleep(waitMs);
    }
  }

  /** A 429 says we overspent: empty the bucket so the next requests wait for a refill. */
  throttled(bucket: RateBucket): void {
    this.buckets[bucket].drain();
  }

  available(bucket: RateBucket): number {
    return this.buckets[bucket].available();
  }

  private bucketsOf(tier: TierLimits): Record<RateBucket, TokenBucket> {
    return {
      read: new TokenBucket(tier.read.capacity, tier.read.refillPerSecond, this.now),
      write: new TokenBucket(tier.write.capacity, tier.write.refillPerSecond, this.now),
    };
  }
}
