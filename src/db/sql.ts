/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | boolean | null;

/** Which database engine runs the statements. */
export type Engine = "sqlite" | "postgres";

/**
 * Statements on the bot's database, the same for every engine: `?` placeholders, plain SQL that
 * SQLite and PostgreSQL both read (`ON CONFLICT … DO NOTHING`, `RETURNING`, `TRUE`/`FALSE`).
 * Integers come back as numbers, booleans as booleans or 0/1 (read them with `Boolean`).
 */
export interface Sql {
  readonly engine: Engine;
  /** Every row the statement returns. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row the statement returns, if any. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a write; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `work` in one write transaction, committed when it resolves and rolled back when it
   * throws (SQLite: `BEGIN IMMEDIATE`, so one writer at a time; PostgreSQL: one pooled connection).
   * A transaction started inside `work` joins the outer one.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction holds `key`, and holds it until this one
   * ends (PostgreSQL: a transaction-level advisory lock; SQLite: its write lock already does this).
   */
  lock(key: string): Promise<void>;
}

/** Inserts `rows` (each the values of `columns`) in statements of at most `chunk` rows; `suffix` follows each VALUES list. */
export async function insertRows(sql: Sql, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], suffix = "", chunk = 200): Promise<number> {
  let changed = 0;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    changed += await sql.run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${part.map(() => tuple).join(", ")} ${suffix}`, part.flat());
  }
  return changed;
}
