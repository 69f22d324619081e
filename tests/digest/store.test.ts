import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/db/migrations.js";
import { openDigestStore } from "../../src/digest/store.js";
import { tempDir } from "./helpers.js";

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
  it("creates the folder, uses WAL and a busy timeout, and records the schema version", () => {
    const path = dbPath();
    const store = openDigestStore(path);
    expect(existsSync(path)).toBe(true);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["subscriptions", "digest_runs", "delivered_documents"]));
    expect(tables.map((t) => t.name)).not.toContain("delivered_passages");
    raw.close();
  });

  it("works in memory", () => {
    const store = openDigestStore(":memory:");
    expect(store.upsertSubscription(input, [], now).created).toBe(true);
    store.close();
  });

  it("keeps one subscription per platform and channel; subscribing again updates it and keeps its history", () => {
    const store = openDigestStore(dbPath());
    const first = store.upsertSubscription(input, ["a", "b"], now);
    const again = store.upsertSubscription({ ...input, time: "09:15", mode: "daily", subscriber: "U2" }, ["a", "b", "c"], new Date("2026-03-21T10:00:00Z"));
    expect(again.created).toBe(false);
    expect(again.subscription).toMatchObject({ id: first.subscription.id, time: "09:15", mode: "daily", subscriber: "U2", createdAt: now.toISOString() });
    expect(store.listSubscriptions()).toHaveLength(1);
    // The baseline is taken once: "c" arrived after subscribing, so it is still news.
    expect([...store.toldDocuments(first.subscription.id)].sort()).toEqual(["a", "b"]);
    store.close();
  });

  it("rejects a malformed time at the database level too", () => {
    const store = openDigestStore(dbPath());
    expect(() => store.upsertSubscription({ ...input, time: "8am" }, [], now)).toThrow(/CHECK/);
    store.close();
  });

  it("claims a (subscription, local date) once; an expired claim is taken over", () => {
    const store = openDigestStore(dbPath());
    const { subscription } = store.upsertSubscription(input, [], now);
    const lease = 5 * 60_000;
    const a = store.claimRun(subscription.id, "2026-03-20", now, lease, "A");
    expect(a).toMatchObject({ claimed: true, takenOver: false });
    expect(store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + lease - 1), lease, "B").claimed).toBe(false);
    const c = store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + lease), lease, "C");
    expect(c).toMatchObject({ claimed: true, takenOver: true });
    // The old owner lost its claim: it can neither count attempts nor mark the run.
    const runId = c.run.id;
    expect(store.beginAttempt(runId, "A", now)).toBeNull();
    expect(store.markSent(runId, "A", now, "m-A", { documents: [] })).toBe(false);
    expect(store.beginAttempt(runId, "C", now)).toBe(1);
    expect(store.markSent(runId, "C", now, "m-C", { documents: ["x"] })).toBe(true);
    expect(store.findRun(subscription.id, "2026-03-20")).toMatchObject({ state: "sent", messageId: "m-C", attempts: 1 });
    // A sent run is never claimed again, however old.
    expect(store.claimRun(subscription.id, "2026-03-20", new Date(now.getTime() + 10 * lease), lease, "D").claimed).toBe(false);
    expect(store.toldDocuments(subscription.id).has("x")).toBe(true);
    expect(store.lastSentDate(subscription.id)).toBe("2026-03-20");
    store.close();
  });

  it("survives reopening with nothing lost, and does not re-run migrations", () => {
    const path = dbPath();
    const store = openDigestStore(path);
    const { subscription } = store.upsertSubscription(input, ["a"], now);
    const claim = store.claimRun(subscription.id, "2026-03-20", now, 60_000, "T");
    if (!claim.claimed) throw new Error("not claimed");
    store.beginAttempt(claim.run.id, "T", now);
    store.markSent(claim.run.id, "T", now, "m1", { documents: ["b"] });
    store.close();

    const reopened = openDigestStore(path);
    expect(reopened.schemaVersion).toBe(SCHEMA_VERSION);
    expect(reopened.listSubscriptions()).toEqual([subscription]);
    expect([...reopened.toldDocuments(subscription.id)].sort()).toEqual(["a", "b"]);
    expect(reopened.runs(subscription.id)).toEqual([expect.objectContaining({ localDate: "2026-03-20", state: "sent", messageId: "m1", attempts: 1 })]);
    reopened.close();
  });

  it("refuses a database from a newer schema", () => {
    const path = dbPath();
    openDigestStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDigestStore(path)).toThrow(/newer/);
  });

  it("unsubscribing removes the runs and delivery records with it", () => {
    const path = dbPath();
    const store = openDigestStore(path);
    const { subscription } = store.upsertSubscription(input, ["a"], now);
    store.skipDay(subscription.id, "2026-03-20", now, "test");
    expect(store.removeSubscription("slack", "C1")).toBe(1);
    expect(store.removeSubscription("slack", "C1")).toBe(0);
    expect(store.runs()).toEqual([]);
    expect(store.toldDocuments(subscription.id).size).toBe(0);
    store.close();
  });
});

describe("digest schema migrations", () => {
  it("drops the unread delivered_passages table from a version 1 database and keeps its subscriptions", () => {
    const path = dbPath();
    mkdirSync(join(path, ".."), { recursive: true });
    const old = new Database(path);
    old.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
    old.pragma("user_version = 1");
    old.prepare("INSERT INTO subscriptions (platform, channel, time, time_zone, mode, subscriber, created_at, updated_at) VALUES ('slack', 'C1', '08:00', 'UTC', 'daily', NULL, 'x', 'x')").run();
    old.close();
    const store = openDigestStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.findSubscription("slack", "C1")).toMatchObject({ time: "08:00", mode: "daily" });
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'delivered_passages'").all()).toEqual([]);
    raw.close();
  });
});
