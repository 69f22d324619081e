import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../../src/db/open-store.js";

/** A store on a new SQLite file in a temp folder (the folder is `dir`); close it after the test. */
export async function tempSqliteStore(prefix = "dispute-store-"): Promise<{ store: Store; dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, "bot.db");
  return { store: await openStore({ DATABASE_PATH: path }), dir, path };
}
