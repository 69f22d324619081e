import pg from "pg";
import { DatabaseError, reasonOf } from "./errors.js";
import { migratePostgres } from "./pg-migrations.js";
import type { Sql, SqlValue } from "./sql.js";

const INT8 = 20;
const NUMERIC = 1700;

/** Counts, sums and epoch milliseconds come back as numbers (they stay far below 2^53 here). */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`: the URL as it may be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

/** `?` placeholders, numbered for PostgreSQL (`$1`, `$2`, …); the statements hold no `?` of their own. */
const numbered = new Map<string, string>();
function toPg(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

const rowsOf = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlValue[] = []): Promise<pg.QueryResult> =>
  client.query<T & pg.QueryResultRow>(toPg(sql), params as SqlValue[]);

function over(client: pg.Pool | pg.PoolClient, transaction: Sql["transaction"]): Sql {
  return {
    engine: "postgres",
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await rowsOf<T>(client, sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await rowsOf<T>(client, sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await rowsOf(client, sql, params)).rowCount ?? 0,
    transaction,
    async lock(key) {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
    },
  };
}

/** An open PostgreSQL database: statements over a connection pool. */
export interface OpenPostgres {
  readonly sql: Sql;
  readonly schemaVersion: number;
  /** The URL without its password. */
  readonly location: string;
  /** Ends every connection of the pool. */
  close(): Promise<void>;
}

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** Most connections held at once (default 10). */
  readonly maxConnections?: number;
  /** Told about errors of idle connections (the server went away); the next statement reconnects. */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * Connects to the PostgreSQL database at `url` and applies pending migrations (under an advisory
 * lock, so replicas starting together take turns).
 * @throws DatabaseError naming the URL (without password) and the reason
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenPostgres> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types, connectionTimeoutMillis: 10_000 });
  pool.on("error", (error) => options.onIdleError?.(error));
  const transaction = async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const tx = over(client, (inner) => inner(tx));
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  const sql = over(pool, transaction);
  let schemaVersion: number;
  try {
    schemaVersion = await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`cannot use the database ${location}: ${reasonOf(error)}`);
  }
  let closed: Promise<void> | null = null;
  return { sql, schemaVersion, location, close: () => (closed ??= pool.end()) };
}
