/** Kalshi's usage tiers (PROTOCOL.md §4.5): tokens per second for the read and write buckets. */
export const RATE_TIERS = {
  basic: { read: 200, write: 100, writeBurstSeconds: 1 },
  advanced: { read: 300, write: 300, writeBurstSeconds: 2 },
  premier: { read: 1_000, write: 1_000, writeBurstSeconds: 2 },
  paragon: { read: 2_000, write: 2_000, writeBurstSeconds: 2 },
  prime: { read: 4_000, write: 4_000, writeBurstSeconds: 2 },
} as const;

export type RateTier = keyof typeof RATE_TIERS;
export type BucketName = 'read' | 'write';

/** Tokens a request costs by default; a batch costs its items' sum. */
export const DEFAULT_REQUEST_COST = 10;

class TokenBucket {
  private tokens: number;
  private refilledAtMs: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.refilledAtMs = nowMs;
  }

  take(cost: number, nowMs: number): boolean {
    const elapsed = Math.max(0, nowMs - this.refilledAtMs);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.refilledAtMs = nowMs;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

/** One read and one write bucket per client (API key, or address when unsigned). */
export class RateLimiter {
  private readonly buckets = new Map<string, { read: TokenBucket; write: TokenBucket }>();

  constructor(readonly tier: RateTier) {}

  allow(client: string, bucket: BucketName, cost: number, nowMs: number): boolean {
    let pair = this.buckets.get(client);
    if (!pair) {
      const limits = RATE_TIERS[this.tier];
      pair = {
        read: new TokenBucket(limits.read, limits.read, nowMs),
        write: new TokenBucket(limits.write, limits.write * limits.writeBurstSeconds, nowMs),
      };
      this.buckets.set(client, pair);
    }
    return pair[bucket].take(cost, nowMs);
  }

  limits(): {
    usage_tier: string;
    read: { refill_rate: number; bucket_capacity: number };
    write: { refill_rate: number; bucket_capacity: number };
  } {
    const limits = RATE_TIERS[this.tier];
    return {
      usage_tier: this.tier,
      read: { refill_rate: limits.read, bucket_capacity: limits.read },
      write: {
        refill_rate: limits.write,
        bucket_capacity: limits.write * limits.writeBurstSeconds,
      },
    };
  }
}
