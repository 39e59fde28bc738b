/**
 * A token bucket per API key: `perSecond` requests a second, bursts of up to `perSecond` (docs §11: 5 req/s by default).
 * Returns the seconds to wait when the key is over its limit, else 0.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, perSecond: number | null): number {
    if (perSecond === null) return 0;
    const now = this.now();
    const capacity = Math.max(1, perSecond);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  clear(): void {
    this.buckets.clear();
  }
}
