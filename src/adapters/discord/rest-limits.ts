import type { RateLimitData } from "discord.js";

/** Time limits and retries of the adapter's REST calls. */
export interface DiscordRestOptions {
  /** How long one request may take, ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Retries after a timeout, a reset connection or a 5xx (default 2; discord.js retries at once). */
  readonly retries?: number;
  /** How many 429s in a row one request waits out (its Retry-After) before it fails (default 5). */
  readonly rateLimitRetries?: number;
  /** A 429 asking for a longer wait than this fails at once, ms (default 60 s). */
  readonly maxRateLimitWaitMs?: number;
  /**
   * How often idle per-route request queues are dropped, ms (default 1 min; discord.js: 1 h).
   * Every interaction token gets its own queue, so a busy bot would otherwise hold an hour's worth.
   */
  readonly sweepIntervalMs?: number;
}

/** The defaults of {@link DiscordRestOptions}. */
export const DEFAULT_REST_OPTIONS: Required<DiscordRestOptions> = { timeoutMs: 10_000, retries: 2, rateLimitRetries: 5, maxRateLimitWaitMs: 60_000, sweepIntervalMs: 60_000 };

const MAX_TRACKED = 1000;

/**
 * discord.js waits out every 429 and tries again, for as long as Discord keeps answering 429.
 * This is its `rejectOnRateLimit` hook, which bounds that: a request (method and URL) that was
 * rate limited `rateLimitRetries` times in a row, or that is asked to wait longer than
 * `maxRateLimitWaitMs`, fails with discord.js's RateLimitError instead of waiting again. A wait
 * counts as "in a row" when it comes within `maxRateLimitWaitMs` + 10 s of the previous one.
 */
export function boundedRateLimits(options: Required<DiscordRestOptions>, now: () => number = Date.now): (data: RateLimitData) => boolean {
  const windowMs = options.maxRateLimitWaitMs + 10_000;
  const seen = new Map<string, { count: number; last: number }>();
  return (data) => {
    if (data.retryAfter > options.maxRateLimitWaitMs) return true;
    const key = `${data.method} ${data.url}`;
    const at = now();
    const previous = seen.get(key);
    const count = previous && at - previous.last <= windowMs ? previous.count + 1 : 1;
    seen.delete(key);
    if (count > options.rateLimitRetries) return true;
    seen.set(key, { count, last: at });
    if (seen.size > MAX_TRACKED) {
      for (const [k, entry] of seen) {
        if (seen.size <= MAX_TRACKED && at - entry.last <= windowMs) break;
        seen.delete(k);
      }
    }
    return false;
  };
}
