import { randomBytes } from "node:crypto";
import type { Sql } from "../db/sql.js";

/** Who may share a kept answer: the user it was shown to, in the channel where it was asked (null where the platform names none). */
export interface ShareOwnerRecord {
  readonly user: string;
  readonly channel: string | null;
}

/** A kept answer: the reply as stored (JSON), who may share it, and whether it was shared. */
export interface StoredShare {
  readonly reply: unknown;
  readonly owner: ShareOwnerRecord;
  readonly shared: boolean;
}

/** Answers kept for their Share button, on the database every replica shares: a click on any replica finds them. */
export interface ShareStore {
  /** Keeps `reply` (stored as JSON) until `expiresAt`; resolves with its new short random key. */
  put(reply: unknown, owner: ShareOwnerRecord, expiresAt: Date): Promise<string>;
  /** The answer kept under `key`, or null when there is none or it expired by `now`. */
  get(key: string, now: Date): Promise<StoredShare | null>;
  /** Marks the answer shared; true only for the first caller, however many click at once, on whichever replica. */
  markShared(key: string, now: Date): Promise<boolean>;
}

interface ShareRow {
  reply: string;
  owner_user: string;
  owner_channel: string | null;
  shared: boolean | number;
}

/** A short random key: fits a Discord custom_id or a Slack button value. */
const newKey = (): string => randomBytes(6).toString("base64url");

/** The {@link ShareStore} over the bot's database (either engine). */
export function shareStoreOver(sql: Sql): ShareStore {
  return {
    async put(reply, owner, expiresAt) {
      const json = JSON.stringify(reply);
      for (;;) {
        const key = newKey();
        const inserted = await sql.run(
          "INSERT INTO shares (key, reply, owner_user, owner_channel, shared, expires_at) VALUES (?, ?, ?, ?, FALSE, ?) ON CONFLICT (key) DO NOTHING",
          [key, json, owner.user, owner.channel, expiresAt.getTime()],
        );
        if (inserted === 1) return key;
      }
    },
    async get(key, now) {
      const row = await sql.get<ShareRow>("SELECT reply, owner_user, owner_channel, shared FROM shares WHERE key = ? AND expires_at > ?", [key, now.getTime()]);
      return row ? { reply: JSON.parse(row.reply) as unknown, owner: { user: row.owner_user, channel: row.owner_channel }, shared: Boolean(row.shared) } : null;
    },
    async markShared(key, now) {
      return (await sql.run("UPDATE shares SET shared = TRUE WHERE key = ? AND shared = FALSE AND expires_at > ?", [key, now.getTime()])) === 1;
    },
  };
}
