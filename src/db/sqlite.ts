import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DatabaseError, reasonOf } from "./errors.js";
import { migrate } from "./migrations.js";

export { DatabaseError };

/** How long a process may wait for another one's write lock. */
export const BUSY_TIMEOUT_MS = 5_000;

const sleepSync = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

/** Switching to WAL needs a moment of exclusive access; retry while another process holds the file. */
function enableWal(db: Database.Database): void {
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= 50) throw error;
      sleepSync(20 + Math.floor(Math.random() * 30));
    }
  }
}

/** The file's identity, to notice it being deleted or replaced; null when it does not exist. */
function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** An open database and a check that its file is still the one opened. */
export interface OpenDatabase {
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /** @throws DatabaseError when the file was deleted or replaced since it was opened */
  checkFile(): void;
}

/**
 * Opens (creating it and its folder if needed) the bot's SQLite database at `path` (`:memory:`
 * allowed): WAL journal, a busy timeout, foreign keys, an integrity check (`PRAGMA quick_check`),
 * and pending migrations applied.
 * @throws DatabaseError naming the path and the reason when the database cannot be opened or is corrupt
 */
export function openDatabase(path: string): OpenDatabase {
  let db: Database.Database | undefined;
  let schemaVersion: number;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const integrity = db.pragma("quick_check", { simple: true });
    if (integrity !== "ok") throw new DatabaseError(`database ${path} is corrupt (quick_check: ${String(integrity).slice(0, 200)})`);
    if (path !== ":memory:") enableWal(db);
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    schemaVersion = migrate(db);
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`cannot use the database ${path}: ${reasonOf(error)}`);
  }
  const identity = path === ":memory:" ? null : fileIdentity(path);
  const checkFile = (): void => {
    if (identity === null) return;
    const now = fileIdentity(path);
    if (now === identity) return;
    throw new DatabaseError(
      now === null
        ? `the database file ${path} was deleted while the bot was running; nothing more is written to it; restart the bot to recreate it`
        : `the database file ${path} was replaced while the bot was running; nothing more is written to it; restart the bot to use the new file`,
    );
  };
  return { db, schemaVersion, checkFile };
}
