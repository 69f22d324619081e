import type { Sql } from "../db/sql.js";
import { MAX_RATE_WINDOW_MS } from "./rate-hits.js";

/** How long a thread's last question is kept (a follow-up after that starts afresh anyway). */
export const THREAD_QUESTION_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** How often a running bot prunes. */
export const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Deletes rows that no longer count at `now`: expired shares and delivery keys, rate-limit hits
 * older than the longest window, thread questions older than {@link THREAD_QUESTION_RETENTION_MS}.
 * @returns how many rows were deleted
 */
export async function pruneExpired(sql: Sql, now: Date): Promise<number> {
  const t = now.getTime();
  const counts = await Promise.all([
    sql.run("DELETE FROM shares WHERE expires_at <= ?", [t]),
    sql.run("DELETE FROM seen_deliveries WHERE expires_at <= ?", [t]),
    sql.run("DELETE FROM rate_hits WHERE at <= ?", [t - MAX_RATE_WINDOW_MS]),
    sql.run("DELETE FROM thread_questions WHERE asked_at <= ?", [t - THREAD_QUESTION_RETENTION_MS]),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}
