import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach } from "vitest";
import { openStore, type Store, type StoreSettings } from "../../src/db/open-store.js";
import type { Engine } from "../../src/db/sql.js";
import { freshPostgresUrl } from "./postgres.js";

/** Both engines, for `describe.each`. */
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

/** The current test's database and the stores open on it. */
export interface EngineHarness {
  /** The settings naming the current test's database. */
  settings(): StoreSettings;
  /** Opens another store on the current test's database (closed after the test). */
  open(): Promise<Store>;
}

/**
 * Registers hooks giving each test an empty database of `engine`: a new SQLite file, or the test
 * file's PostgreSQL database (created once) emptied. Stores opened through the harness are closed after each test.
 */
export function useEngine(engine: Engine): EngineHarness {
  let postgresUrl: string | undefined;
  let current: StoreSettings | undefined;
  const open: Store[] = [];
  beforeAll(async () => {
    if (engine === "postgres") postgresUrl = await freshPostgresUrl();
  });
  beforeEach(async () => {
    if (engine === "sqlite") {
      current = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "dispute-store-")), "bot.db") };
      return;
    }
    current = { DATABASE_URL: postgresUrl!, DATABASE_PATH: join(tmpdir(), "dispute-unused", "never-written.db") };
    const store = await openStore(current);
    try {
      const tables = await store.sql.all<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
      if (tables.length > 0) await store.sql.run(`TRUNCATE ${tables.map((t) => t.tablename).join(", ")} RESTART IDENTITY CASCADE`);
    } finally {
      await store.close();
    }
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    settings: () => current!,
    async open() {
      const store = await openStore(current!);
      open.push(store);
      return store;
    },
  };
}
