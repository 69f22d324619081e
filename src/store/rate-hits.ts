import type { Sql } from "../db/sql.js";

/** The outcome of counting a request: allowed, or refused with how long until the next one is. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** The longest window a limit may use: hits older than this are pruned. */
export const MAX_RATE_WINDOW_MS = 60 * 60_000;

/** Requests counted per key over a sliding window, on the database every replica shares. */
export interface RateHitStore {
  /**
   * Counts a request by `key` at `nowMs` unless `limit` requests were counted in the `windowMs`
   * before it (on any replica); then it is refused, uncounted. Requests at once are counted one at a time.
   */
  take(key: string, nowMs: number, limit: number, windowMs: number): Promise<RateDecision>;
}

/** The {@link RateHitStore} over the bot's database (either engine). */
export function rateHitStoreOver(sql: Sql): RateHitStore {
  return {
    take: (key, nowMs, limit, windowMs) =>
      sql.transaction(async (tx) => {
        await tx.lock(`rate:${key}`);
        const recent = await tx.all<{ at: number }>("SELECT at FROM rate_hits WHERE key = ? AND at > ? ORDER BY at LIMIT ?", [key, nowMs - windowMs, limit]);
        if (recent.length >= limit) return { ok: false, retryAfterMs: Number(recent[0]!.at) + windowMs - nowMs };
        await tx.run("INSERT INTO rate_hits (key, at) VALUES (?, ?)", [key, nowMs]);
        return { ok: true };
      }),
  };
}
