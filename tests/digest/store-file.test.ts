import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, rmSync, writeSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/digest/store.js";
import { openDigestStore, tempDir } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function temp(): string {
  const t = tempDir("digest-store-file-");
  cleanups.push(t.cleanup);
  return t.dir;
}

const SUB = { platform: "slack", channel: "C1", time: "08:00", timeZone: "UTC", mode: "changes" as const, subscriber: "U1" };

async function openError(path: string): Promise<DatabaseError> {
  try {
    await (await openDigestStore(path)).close();
  } catch (error) {
    return error as DatabaseError;
  }
  throw new Error(`opening ${path} did not fail`);
}

describe("an unusable database path", () => {
  it("names the path and the reason for a directory", async () => {
    const path = join(temp(), "a-folder.db");
    mkdirSync(path);
    const error = await openError(path);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toContain(path);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("names the path and the reason for a file of random bytes", async () => {
    const path = join(temp(), "random.db");
    writeFileSync(path, randomBytes(8192));
    const error = await openError(path);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a database|NOTADB/i);
  });

  it.skipIf(process.getuid?.() === 0)("names the path for a read-only folder", async () => {
    const dir = join(temp(), "read-only");
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    cleanups.unshift(() => chmodSync(dir, 0o700));
    const error = await openError(join(dir, "bot.db"));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toContain(join(dir, "bot.db"));
  });

  it("refuses a database with corrupted pages (quick_check)", async () => {
    const path = join(temp(), "corrupt.db");
    const store = await openDigestStore(path);
    for (let i = 0; i < 400; i++) await store.upsertSubscription({ ...SUB, channel: `C${i}-${"x".repeat(100)}` }, [`doc-${i}`], new Date("2026-03-01T00:00:00Z"));
    await store.close();
    const db = new Database(path);
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    const fd = openSync(path, "r+");
    const pages = fstatSync(fd).size / pageSize;
    expect(pages).toBeGreaterThan(6);
    for (let page = 3; page < pages; page += 2) writeSync(fd, randomBytes(pageSize / 2), 0, pageSize / 2, page * pageSize + 100);
    closeSync(fd);
    const error = await openError(path);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/corrupt|malformed/i);
  });
});

describe("a database deleted while running", () => {
  it("refuses later writes with an error naming the file, instead of losing them", async () => {
    const path = join(temp(), "bot.db");
    const store = await openDigestStore(path);
    cleanups.push(() => void store.close());
    await store.upsertSubscription(SUB, [], new Date("2026-03-01T00:00:00Z"));
    await store.check();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    await expect(store.check()).rejects.toThrow(DatabaseError);
    await expect(store.upsertSubscription({ ...SUB, channel: "C2" }, [], new Date("2026-03-01T00:00:00Z"))).rejects.toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} was deleted`));
    await expect(store.removeSubscription("slack", "C1")).rejects.toThrow(/was deleted/);
  });
});
