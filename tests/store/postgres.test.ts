import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/db/errors.js";
import { openStore, type Store } from "../../src/db/open-store.js";
import { PG_SCHEMA_VERSION } from "../../src/db/pg-migrations.js";
import { redactUrl } from "../../src/db/postgres.js";
import { copySeeds, tempDir } from "../digest/helpers.js";
import { runCliProcess } from "../digest/cli-process.js";
import { freshPostgresUrl } from "../support/postgres.js";

const open: Store[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  cleanups.splice(0).forEach((c) => c());
});

/** A DATABASE_PATH in a folder that does not exist: whatever writes to it creates the folder. */
function unusedPath(): string {
  return join(mkdtempSync(join(tmpdir(), "dispute-pg-unused-")), "never", "bot.db");
}

async function opened(url: string): Promise<Store> {
  const store = await openStore({ DATABASE_URL: url, DATABASE_PATH: unusedPath() });
  open.push(store);
  return store;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the PostgreSQL engine", () => {
  it("migrates a fresh database once, recording each step in schema_migrations, and writes nothing to DATABASE_PATH", async () => {
    const url = await freshPostgresUrl();
    const path = unusedPath();
    const store = await openStore({ DATABASE_URL: url, DATABASE_PATH: path });
    open.push(store);
    expect(store).toMatchObject({ engine: "postgres", schemaVersion: PG_SCHEMA_VERSION });
    expect(store.location).toBe(redactUrl(url));
    expect(store.location).not.toContain(new URL(url).password);
    const reopened = await opened(url);
    expect(reopened.schemaVersion).toBe(PG_SCHEMA_VERSION);
    expect((await query<{ version: number }>(url, "SELECT version FROM schema_migrations ORDER BY version")).map((r) => r.version)).toEqual(
      Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1),
    );
    const tables = (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).map((t) => t.tablename);
    expect(tables).toEqual(expect.arrayContaining(["subscriptions", "digest_runs", "delivered_documents", "articles", "feeds", "feed_entries", "shares", "seen_deliveries", "rate_hits", "thread_questions", "answers", "answer_votes", "slack_installations"]));
    expect(existsSync(join(path, ".."))).toBe(false);
  });

  it("refuses a database migrated by a newer bot, naming it without its password", async () => {
    const url = await freshPostgresUrl();
    await (await opened(url)).close();
    await query(url, `INSERT INTO schema_migrations (version, applied_at) VALUES (${PG_SCHEMA_VERSION + 1}, 'later')`);
    const error = await openStore({ DATABASE_URL: url, DATABASE_PATH: unusedPath() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/newer than this bot understands/);
    expect((error as Error).message).toContain(redactUrl(url));
    expect((error as Error).message).not.toContain(new URL(url).password);
  });

  it("says plainly when the server cannot be reached, without the password", async () => {
    const url = "postgres://bot:s3cret-value@127.0.0.1:1/none";
    const error = await openStore({ DATABASE_URL: url, DATABASE_PATH: unusedPath() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/^cannot use the database postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain("s3cret-value");
  });

  it("reports a database that went away on every check, naming it without its password", async () => {
    const url = await freshPostgresUrl();
    const store = await opened(url);
    await store.check();
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = "/postgres";
    await query(admin.toString(), `DROP DATABASE ${name} WITH (FORCE)`);
    const error = await store.digests.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(new RegExp(`^the database ${redactUrl(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not answer: .*${name}.*does not exist`));
    await expect(store.digests.listSubscriptions()).rejects.toThrow(/does not exist/);
  });

  it("lets processes opening a fresh database at once take turns migrating it; the CLI uses DATABASE_URL and leaves DATABASE_PATH alone", async () => {
    const url = await freshPostgresUrl();
    const t = tempDir("dispute-pg-cli-");
    cleanups.push(t.cleanup);
    const env = { DATABASE_URL: url, DATABASE_PATH: join(t.dir, "data", "bot.db"), SEEDS_DIR: copySeeds(t.dir), INDEX_CACHE_DIR: "off" };
    const results = await Promise.all(["a", "b", "c"].map((channel) => runCliProcess(["digest", "subscribe", "--channel", channel, "--time", "07:00"], env)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const listed = await runCliProcess(["digest", "list", "--json"], env);
    expect((JSON.parse(listed.stdout) as { subscriptions: { channel: string }[] }).subscriptions.map((s) => s.channel)).toEqual(["a", "b", "c"]);
    expect(existsSync(join(t.dir, "data"))).toBe(false);
    expect((await query<{ n: number }>(url, "SELECT COUNT(*)::int AS n FROM schema_migrations"))[0]!.n).toBe(PG_SCHEMA_VERSION);
  }, 90_000);
});
