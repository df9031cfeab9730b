/**
 * A token bucket per user: `perMinute` questions in a burst, refilled evenly over a minute. Buckets
 * that are full again carry no information and are dropped, so the map stays small.
 */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE_MS = 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxTracked = 10_000,
  ) {
    this.refillPerMs = perMinute / MINUTE_MS;
  }

  take(userId: string): RateDecision {
    const now = this.clock();
    const bucket = this.refilled(this.buckets.get(userId), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(userId, bucket);
      this.prune(now);
      return { allowed: true };
    }
    this.buckets.set(userId, bucket);
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.refillPerMs) };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.perMinute, updatedAt: now };
    const tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    return { tokens, updatedAt: now };
  }

  private prune(now: number): void {
    if (this.buckets.size <= this.maxTracked) return;
    for (const [user, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.perMinute) this.buckets.delete(user);
    }
  }
}
