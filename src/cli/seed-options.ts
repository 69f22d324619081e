import { existsSync } from "node:fs";
import type { Config } from "../config.js";
import { openStore, type Store } from "../db/open-store.js";
import { NO_STORED, readStored, type StoredSnapshot } from "../sources/article-store.js";
import type { SeedOptions } from "../sources/seeds.js";

/** The database settings the CLI reads. */
export type CliDatabase = Pick<Config, "DATABASE_PATH" | "DATABASE_URL">;

/** Whether the configured database is there already: PostgreSQL is taken to be; an SQLite file must exist. */
export function databaseExists(config: CliDatabase): boolean {
  return config.DATABASE_URL !== undefined || config.DATABASE_PATH === ":memory:" || existsSync(config.DATABASE_PATH);
}

/** Opens the configured database, runs `work` on it and closes it. */
export async function withStore<T>(config: CliDatabase, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The articles stored in the configured database; none, and no file created, when the SQLite file does not exist. */
export async function cliStored(config: CliDatabase): Promise<StoredSnapshot> {
  if (!databaseExists(config) || (config.DATABASE_URL === undefined && config.DATABASE_PATH === ":memory:")) return NO_STORED;
  return withStore(config, (store) => readStored(store.articles));
}

/**
 * How the CLI reads seeds: `MAX_ARTICLE_BYTES` from the configuration, the articles stored in the
 * database after the folder's; each skipped article is one warning line on stderr.
 */
export function cliSeedOptions(config: Pick<Config, "MAX_ARTICLE_BYTES">, stored: StoredSnapshot): SeedOptions {
  return {
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    onSkipped: (file, reason) => process.stderr.write(`warning: skipped ${file}: ${reason}\n`),
    stored: () => stored,
  };
}
