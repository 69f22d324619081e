/** Per-user request budget over a sliding window. */
export interface RateLimiter {
  /** Records a request by `key` at `now`; says when the next one is allowed if over budget. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/** A sliding-window limiter: at most `limit` requests per `windowMs` for each key. */
export function createRateLimiter(limit = 10, windowMs = 60_000): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    take(key, now) {
      const recent = (seen.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        seen.set(key, recent);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000)) };
      }
      recent.push(now);
      seen.set(key, recent);
      if (seen.size > 10_000) for (const [k, times] of seen) if (times.every((t) => now - t >= windowMs)) seen.delete(k);
      return { ok: true };
    },
  };
}
