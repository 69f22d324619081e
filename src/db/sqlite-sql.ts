import type Database from "better-sqlite3";
import type { Sql, SqlValue } from "./sql.js";

type Bound = string | number | null;
const bind = (params: readonly SqlValue[]): Bound[] => params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));

/** Who holds a database file in this process: the transaction in progress settles `held` when it ends. */
interface Gate {
  held: Promise<void> | null;
}

/** One gate per database file for every connection of this process. */
const gates = new Map<string, Gate>();

/**
 * {@link Sql} over one better-sqlite3 connection. Statements run synchronously; a transaction holds
 * the file until its work settles, so statements of other callers in this process (on this
 * connection or another one to the same `file`) wait for it instead of joining it or blocking the
 * thread on SQLite's busy timeout. Other processes wait on SQLite's locks as usual.
 * `beforeWrite` runs before every write (the file-identity check).
 */
export function sqliteSql(db: Database.Database, file: string | null, beforeWrite: () => void = () => undefined): Sql {
  const gate: Gate = file === null ? { held: null } : (gates.get(file) ?? gates.set(file, { held: null }).get(file)!);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  /** The prepared statement, after the write check when it writes. */
  const checked = (sql: string): Database.Statement => {
    const statement = prepare(sql);
    if (!statement.readonly) beforeWrite();
    return statement;
  };
  const all = <T>(sql: string, params: readonly SqlValue[] = []): T[] => checked(sql).all(...bind(params)) as T[];
  const get = <T>(sql: string, params: readonly SqlValue[] = []): T | undefined => checked(sql).get(...bind(params)) as T | undefined;
  const write = (sql: string, params: readonly SqlValue[] = []): number => {
    const statement = checked(sql);
    return statement.reader ? statement.all(...bind(params)).length : statement.run(...bind(params)).changes;
  };

  /** What a transaction's work runs on: the connection it already holds. */
  const inside: Sql = {
    engine: "sqlite",
    all: async (sql, params) => all(sql, params),
    get: async (sql, params) => get(sql, params),
    run: async (sql, params) => write(sql, params),
    transaction: (work) => work(inside),
    lock: async () => undefined,
  };

  return {
    engine: "sqlite",
    // each waits in its own loop: between the last check and the statement nothing else may run
    async all(sql, params) {
      while (gate.held) await gate.held;
      return all(sql, params);
    },
    async get(sql, params) {
      while (gate.held) await gate.held;
      return get(sql, params);
    },
    async run(sql, params) {
      while (gate.held) await gate.held;
      return write(sql, params);
    },
    async transaction(work) {
      while (gate.held) await gate.held;
      let release = (): void => undefined;
      gate.held = new Promise((resolve) => (release = resolve));
      try {
        beforeWrite();
        db.exec("BEGIN IMMEDIATE");
        const result = await work(inside);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        gate.held = null;
        release();
      }
    },
    lock: async () => undefined,
  };
}
