import type { Sql } from "../db/sql.js";

/** Deliveries already taken (a Slack retry, a repeated trigger), remembered by every replica on the database. */
export interface DeliveryLog {
  /**
   * True for the first caller with `key` within `ttlMs` of it, on whichever replica; false for
   * every later one until the key expires. Atomic: of callers at once, exactly one gets true.
   */
  firstTime(key: string, ttlMs: number, now: Date): Promise<boolean>;
}

/** The {@link DeliveryLog} over the bot's database (either engine). */
export function deliveryLogOver(sql: Sql): DeliveryLog {
  return {
    async firstTime(key, ttlMs, now) {
      // a new key is inserted; an expired one is renewed; a live one is left alone (0 rows changed)
      const changed = await sql.run(
        `INSERT INTO seen_deliveries (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_deliveries.expires_at <= ?`,
        [key, now.getTime() + ttlMs, now.getTime()],
      );
      return changed === 1;
    },
  };
}
