import type { RateHitStore } from "../src/store/rate-hits.js";

/** Per-user request budget over a sliding window. */
export interface RateLimiter {
  /** Records a request by `key` at `now`; says when the next one is allowed if over budget. */
  take(key: string, now: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** A sliding-window limiter in this process alone: at most `limit` requests per `windowMs` for each key. */
export function createRateLimiter(limit = 10, windowMs = 60_000): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    async take(key, now) {
      const recent = (seen.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        seen.set(key, recent);
        return { ok: false, retryAfterSeconds: seconds(recent[0]! + windowMs - now) };
      }
      recent.push(now);
      seen.set(key, recent);
      if (seen.size > 10_000) for (const [k, times] of seen) if (times.every((t) => now - t >= windowMs)) seen.delete(k);
      return { ok: true };
    },
  };
}

/** The same sliding window counted in the shared store: a user's requests count on every replica together. */
export function createSharedRateLimiter(hits: RateHitStore, limit = 10, windowMs = 60_000): RateLimiter {
  return {
    async take(key, now) {
      const decision = await hits.take(key, now, limit, windowMs);
      return decision.ok ? { ok: true } : { ok: false, retryAfterSeconds: seconds(decision.retryAfterMs) };
    },
  };
}
