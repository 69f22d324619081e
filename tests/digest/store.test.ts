import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/db/migrations.js";
import { openDigestStore, tempDir } from "./helpers.js";

const input = { platform: "slack", channel: "C1", time: "08:00", timeZone: "Europe/Berlin", mode: "changes" as const, subscriber: "U1" };
const now = new Date("2026-03-20T10:00:00Z");
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dbPath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, "nested", "folder", "digest.db");
}

describe("digest store", () => {
  it("creates the folder, uses WAL and a busy timeout, and records the schema version", async () => {
    const path = dbPath();
    const store = await openDigestStore(path);
    expect(existsSync(path)).toBe(true);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["subscriptions", "digest_runs", "delivered_documents"]));
    expect(tables.map((t) => t.name)).not.toContain("delivered_passages");
    raw.close();
  });

  it("works in memory", async () => {
    const store = await openDigestStore(":memory:");
    expect((await store.upsertSubscription(input, [], now)).created).toBe(true);
    await store.close();
  });

  it("keeps one subscription per platform and channel; subscribing again updates it and keeps its history", async () => {
    const store = await openDigestStore(dbPath());
    const first = await store.upsertSubscription(input, ["a", "b"], now);
    const again = await store.upsertSubscription({ ...input, time: "09:15", mode: "daily", subscriber: "U2" }, ["a", "b", "c"], new Date("2026-03-21T10:00:00Z"));
    expect(again.created).toBe(false);
    expect(again.subscription).toMatchObject({ id: first.subscription.id, time: "09:15", mode: "daily", subscriber: "U2", createdAt: now.toISOString() });
    expect(await store.listSubscriptions()).toHaveLength(1);
    // The baseline is taken once: "c" arrived after subscribing, so it is still news.
    expect([...(await store.toldDocuments(first.subscription.id))].sort()).toEqual(["a", "b"]);
    await store.close();
  });

  it("rejects a malformed time at the database level too", async () => {
    const store = await openDigestStore(dbPath());
    await expect(store.upsertSubscription({ ...input, time: "8am" }, [], now)).rejects.toThrow(/CHECK/);
    await store.close();
  });

  it("claims a (subscription, local date) once; an expired claim is taken over", async () => {
    const store = await openDigestStore(dbPath());
    const { subscription } = await store.upsertSubscription(input, [], now);
    const lease = 5 * 60_000;
    const a = await store.claimRun(subscription.id, "2026-03-20", now, lease, "A");
    expect(a).toMatchObject({ claimed: true, takenOver: false });
    expect((await store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + lease - 1), lease, "B")).claimed).toBe(false);
    const c = await store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + lease), lease, "C");
    expect(c).toMatchObject({ claimed: true, takenOver: true });
    // The old owner lost its claim: it can neither count attempts nor mark the run.
    const runId = c.run.id;
    expect(await store.beginAttempt(runId, "A", now)).toBeNull();
    expect(await store.markSent(runId, "A", now, "m-A", { documents: [] })).toBe(false);
    expect(await store.beginAttempt(runId, "C", now)).toBe(1);
    expect(await store.markSent(runId, "C", now, "m-C", { documents: ["x"] })).toBe(true);
    expect(await store.findRun(subscription.id, "2026-03-20")).toMatchObject({ state: "sent", messageId: "m-C", attempts: 1 });
    // A sent run is never claimed again, however old.
    expect((await store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + 10 * lease), lease, "D")).claimed).toBe(false);
    expect((await store.toldDocuments(subscription.id)).has("x")).toBe(true);
    expect(await store.lastSentDate(subscription.id)).toBe("2026-03-20");
    await store.close();
  });

  it("survives reopening with nothing lost, and does not re-run migrations", async () => {
    const path = dbPath();
    const store = await openDigestStore(path);
    const { subscription } = await store.upsertSubscription(input, ["a"], now);
    const claim = await store.claimRun(subscription.id, "2026-03-20", now, 60_000, "T");
    if (!claim.claimed) throw new Error("not claimed");
    await store.beginAttempt(claim.run.id, "T", now);
    await store.markSent(claim.run.id, "T", now, "m1", { documents: ["b"] });
    await store.close();

    const reopened = await openDigestStore(path);
    expect(reopened.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await reopened.listSubscriptions()).toEqual([subscription]);
    expect([...(await reopened.toldDocuments(subscription.id))].sort()).toEqual(["a", "b"]);
    expect(await reopened.runs(subscription.id)).toEqual([expect.objectContaining({ localDate: "2026-03-20", state: "sent", messageId: "m1", attempts: 1 })]);
    await reopened.close();
  });

  it("refuses a database from a newer schema", async () => {
    const path = dbPath();
    await (await openDigestStore(path)).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(openDigestStore(path)).rejects.toThrow(/newer/);
  });
});

describe("digest schema migrations", () => {
  it("drops the unread delivered_passages table from a version 1 database and keeps its subscriptions", async () => {
    const path = dbPath();
    mkdirSync(join(path, ".."), { recursive: true });
    const old = new Database(path);
    old.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
    old.pragma("user_version = 1");
    old.prepare("INSERT INTO subscriptions (platform, channel, time, time_zone, mode, subscriber, created_at, updated_at) VALUES ('slack', 'C1', '08:00', 'UTC', 'daily', NULL, 'x', 'x')").run();
    old.close();
    const store = await openDigestStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await store.findSubscription("slack", "C1")).toMatchObject({ time: "08:00", mode: "daily" });
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'delivered_passages'").all()).toEqual([]);
    raw.close();
  });
});
