import { conversationStoreOver } from "../store/conversation-sql.js";
import type { ConversationStore } from "../store/conversation.js";
import { openPostgres } from "./postgres.js";
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
  readonly conversations: ConversationStore;
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
function storesOver(sql: Sql): Pick<Store, "conversations" | "sql"> {
  return { sql, conversations: conversationStoreOver(sql) };
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
    return {
      engine: "postgres",
      location: db.location,
      schemaVersion: db.schemaVersion,
      ...storesOver(db.sql),
      check: async () => void (await db.sql.get("SELECT 1")),
      close: db.close,
    };
  }
  const path = settings.DATABASE_PATH;
  const { db, schemaVersion, checkFile } = openDatabase(path);
  return {
    engine: "sqlite",
    location: path,
    schemaVersion,
    ...storesOver(sqliteSql(db, checkFile)),
    check: async () => checkFile(),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
