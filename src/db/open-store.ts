import { digestStoreOver } from "../digest/store-sql.js";
import type { DigestStore } from "../digest/store.js";
import { articleStoreOver } from "../sources/article-store-sql.js";
import type { ArticleStore } from "../sources/article-store.js";
import type { InstallationStore } from "@slack/oauth";
import { conversationStoreOver } from "../store/conversation-sql.js";
import type { ConversationStore } from "../store/conversation.js";
import { deliveryLogOver, type DeliveryLog } from "../store/deliveries.js";
import { pruneExpired } from "../store/prune.js";
import { rateHitStoreOver, type RateHitStore } from "../store/rate-hits.js";
import { shareStoreOver, type ShareStore } from "../store/shares.js";
import { slackInstallationStoreOver } from "../store/slack-installations.js";
import { DatabaseError, reasonOf } from "./errors.js";
import { openPostgres } from "./postgres.js";
import { realpathSync } from "node:fs";
import { openDatabase } from "./sqlite.js";
import { sqliteSql } from "./sqlite-sql.js";
import type { Engine, Sql } from "./sql.js";

/** Where the bot's shared state lives: PostgreSQL at `DATABASE_URL` when set, else the SQLite file at `DATABASE_PATH`. */
export interface StoreSettings {
  readonly DATABASE_URL?: string | undefined;
  readonly DATABASE_PATH: string;
}

/** Every piece of shared state, on one database; every method is asynchronous. */
export interface Store {
  readonly engine: Engine;
  /** The SQLite path, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The schema version of the open database (`PRAGMA user_version`, or the newest row of `schema_migrations`). */
  readonly schemaVersion: number;
  /** Digest subscriptions, the run log (claims, leases, takeovers) and what each channel was told. */
  readonly digests: DigestStore;
  /** Articles added by URL or from feeds, and the feeds followed. */
  readonly articles: ArticleStore;
  /** Threads' last questions, answers kept for feedback, and votes. */
  readonly conversations: ConversationStore;
  /** Answers kept for their Share button. */
  readonly shares: ShareStore;
  /** Requests counted against each user's rate limit. */
  readonly rateHits: RateHitStore;
  /** Deliveries already taken (Slack retries), for de-duplication. */
  readonly deliveries: DeliveryLog;
  /** Slack workspaces that installed the app (multi-workspace OAuth). */
  readonly slackInstallations: InstallationStore;
  /** Deletes expired shares, delivery keys, rate-limit hits and old thread questions; returns rows deleted. */
  prune(now: Date): Promise<number>;
  /** The statements under the stores, for what builds on them. */
  readonly sql: Sql;
  /**
   * Checks that the database is still the one opened and reachable: the SQLite file was not deleted
   * or replaced; PostgreSQL answers.
   * @throws DatabaseError naming the database
   */
  check(): Promise<void>;
  /** Closes the database (ends the connection pool). */
  close(): Promise<void>;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Told about errors of idle PostgreSQL connections. */
  readonly onIdleError?: (error: Error) => void;
  /** Most PostgreSQL connections held at once (default 10). */
  readonly maxConnections?: number;
}

/** The stores over one database's statements. */
function storesOver(sql: Sql, check: () => Promise<void>): Omit<Store, "engine" | "location" | "schemaVersion" | "close"> {
  return {
    sql,
    check,
    digests: digestStoreOver(sql, check),
    articles: articleStoreOver(sql),
    conversations: conversationStoreOver(sql),
    shares: shareStoreOver(sql),
    rateHits: rateHitStoreOver(sql),
    deliveries: deliveryLogOver(sql),
    slackInstallations: slackInstallationStoreOver(sql),
    prune: (now) => pruneExpired(sql, now),
  };
}

/**
 * Opens the bot's database: PostgreSQL when `DATABASE_URL` is set (nothing is written to
 * `DATABASE_PATH` then), otherwise the SQLite file at `DATABASE_PATH` (created if needed; WAL, a
 * busy timeout, an integrity check, the file's identity). Pending migrations are applied.
 * @throws DatabaseError naming the database and the reason when it cannot be used
 */
export async function openStore(settings: StoreSettings, options: OpenStoreOptions = {}): Promise<Store> {
  if (settings.DATABASE_URL) {
    const db = await openPostgres(settings.DATABASE_URL, options);
    const answers = async (): Promise<void> => {
      try {
        await db.sql.get("SELECT 1");
      } catch (error) {
        throw new DatabaseError(`the database ${db.location} does not answer: ${reasonOf(error)}`);
      }
    };
    return {
      engine: "postgres",
      location: db.location,
      schemaVersion: db.schemaVersion,
      ...storesOver(db.sql, answers),
      close: db.close,
    };
  }
  return openSqliteStore(settings.DATABASE_PATH);
}

/**
 * A store in this process's memory (SQLite `:memory:`): for a part used without the bot's shared
 * store (a test, a single adapter), whose state then lives and dies with the process.
 */
export function openMemoryStore(): Store {
  return openSqliteStore(":memory:");
}

function openSqliteStore(path: string): Store {
  const { db, schemaVersion, checkFile } = openDatabase(path);
  return {
    engine: "sqlite",
    location: path,
    schemaVersion,
    ...storesOver(sqliteSql(db, path === ":memory:" ? null : realpathSync(path), checkFile), async () => checkFile()),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
