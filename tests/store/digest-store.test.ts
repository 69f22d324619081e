import { describe, expect, it } from "vitest";
import type { DigestStore } from "../../src/digest/store.js";
import { ENGINES, useEngine } from "../support/engines.js";

const input = { platform: "slack", channel: "C1", time: "08:00", timeZone: "Europe/Berlin", mode: "changes" as const, subscriber: "U1" };
const now = new Date("2026-03-20T10:00:00Z");
const LEASE = 5 * 60_000;
const later = (ms: number): Date => new Date(now.getTime() + ms);

describe.each(ENGINES)("digest store on %s", (engine) => {
  const harness = useEngine(engine);
  const digests = async (): Promise<DigestStore> => (await harness.open()).digests;

  it("keeps one subscription per platform and channel; subscribing again updates it and keeps its baseline", async () => {
    const store = await digests();
    const first = await store.upsertSubscription(input, ["a", "b"], now);
    expect(first.created).toBe(true);
    const again = await store.upsertSubscription({ ...input, time: "09:15", mode: "daily", subscriber: "U2" }, ["a", "b", "c"], later(86_400_000));
    expect(again).toEqual({ created: false, subscription: { ...input, id: first.subscription.id, time: "09:15", mode: "daily", subscriber: "U2", workspace: null, createdAt: now.toISOString() } });
    await store.upsertSubscription({ ...input, platform: "discord" }, [], now);
    expect((await store.listSubscriptions()).map((s) => `${s.platform}:${s.channel}`)).toEqual(["discord:C1", "slack:C1"]);
    expect(await store.listSubscriptions({ platform: "slack" })).toEqual([again.subscription]);
    expect(await store.listSubscriptions({ channel: "nope" })).toEqual([]);
    expect(await store.findSubscription("slack", "C1")).toEqual(again.subscription);
    expect(await store.findSubscription("slack", "C2")).toBeNull();
    expect([...(await store.toldDocuments(first.subscription.id))].sort()).toEqual(["a", "b"]);
  });

  it("records the channel's workspace, and keeps it when an update does not know it", async () => {
    const store = await digests();
    const made = await store.upsertSubscription({ ...input, workspace: "T0002" }, [], now);
    expect(made.subscription.workspace).toBe("T0002");
    const fromCli = await store.upsertSubscription({ ...input, time: "07:00", subscriber: "cli" }, [], later(1000));
    expect(fromCli.subscription).toMatchObject({ time: "07:00", workspace: "T0002" });
    const moved = await store.upsertSubscription({ ...input, workspace: "T0003" }, [], later(2000));
    expect((await store.findSubscription("slack", "C1"))?.workspace).toBe("T0003");
    expect(moved.subscription.workspace).toBe("T0003");
  });

  it("refuses a malformed time in the database too", async () => {
    const store = await digests();
    await expect(store.upsertSubscription({ ...input, time: "8am" }, [], now)).rejects.toThrow(/check/i);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it("claims a run once, takes over an expired claim, and lets only the current token count, mark or release it", async () => {
    const store = await digests();
    const { subscription } = await store.upsertSubscription(input, [], now);
    const a = await store.claimRun(subscription.id, "2026-03-20", now, LEASE, "A");
    expect(a).toMatchObject({ claimed: true, takenOver: false, token: "A", run: { state: "claimed", attempts: 0, localDate: "2026-03-20" } });
    expect((await store.claimRun(subscription.id, "2026-03-20", later(LEASE - 1), LEASE, "B")).claimed).toBe(false);
    const c = await store.claimRun(subscription.id, "2026-03-20", later(LEASE), LEASE, "C");
    expect(c).toMatchObject({ claimed: true, takenOver: true });
    const runId = c.run.id;
    expect(await store.beginAttempt(runId, "A", now)).toBeNull();
    expect(await store.markSent(runId, "A", now, "m-A", { documents: [] })).toBe(false);
    expect(await store.markFailed(runId, "A", now, "x")).toBe(false);
    expect(await store.releaseClaim(runId, "A", now)).toBe(false);
    expect(await store.beginAttempt(runId, "C", later(LEASE))).toBe(1);
    expect(await store.beginAttempt(runId, "C", later(LEASE + 1))).toBe(2);
    expect(await store.lastSentDate(subscription.id)).toBeNull();
    expect(await store.markSent(runId, "C", later(LEASE + 2), "m-C", { documents: ["x", "y"] })).toBe(true);
    expect(await store.findRun(subscription.id, "2026-03-20")).toMatchObject({ state: "sent", messageId: "m-C", attempts: 2, error: null });
    expect((await store.claimRun(subscription.id, "2026-03-20", later(100 * LEASE), LEASE, "D")).claimed).toBe(false);
    expect([...(await store.toldDocuments(subscription.id))].sort()).toEqual(["x", "y"]);
    expect(await store.lastSentDate(subscription.id)).toBe("2026-03-20");
    expect(await store.findRun(subscription.id, "2026-03-21")).toBeNull();
  });

  it("records failed and skipped runs, and skips a day only when it has no run", async () => {
    const store = await digests();
    const { subscription } = await store.upsertSubscription(input, [], now);
    const failed = await store.claimRun(subscription.id, "2026-03-20", now, LEASE, "F");
    const skipped = await store.claimRun(subscription.id, "2026-03-21", now, LEASE, "S");
    if (!failed.claimed || !skipped.claimed) throw new Error("not claimed");
    expect(await store.markFailed(failed.run.id, "F", now, "x".repeat(2000))).toBe(true);
    expect(await store.markSkipped(skipped.run.id, "S", now, "nothing new")).toBe(true);
    await store.skipDay(subscription.id, "2026-03-21", now, "ignored: the day has a run");
    await store.skipDay(subscription.id, "2026-03-22", now, "subscribed late");
    const runs = await store.runs(subscription.id);
    expect(runs.map((r) => [r.localDate, r.state, r.note])).toEqual([
      ["2026-03-20", "failed", null],
      ["2026-03-21", "skipped", "nothing new"],
      ["2026-03-22", "skipped", "subscribed late"],
    ]);
    expect(runs[0]!.error).toHaveLength(1000);
    expect(await store.runs()).toEqual(runs);
    expect((await store.claimRun(subscription.id, "2026-03-22", later(10 * LEASE), LEASE, "Z")).claimed).toBe(false);
  });

  it("gives up a released claim to the next claimer at once", async () => {
    const store = await digests();
    const { subscription } = await store.upsertSubscription(input, [], now);
    const a = await store.claimRun(subscription.id, "2026-03-20", now, LEASE, "A");
    if (!a.claimed) throw new Error("not claimed");
    await store.beginAttempt(a.run.id, "A", now);
    expect(await store.releaseClaim(a.run.id, "A", later(1000))).toBe(true);
    const b = await store.claimRun(subscription.id, "2026-03-20", later(2000), LEASE, "B");
    expect(b).toMatchObject({ claimed: true, takenOver: true, run: { attempts: 1 } });
    expect(await store.releaseClaim(a.run.id, "A", later(3000))).toBe(false);
  });

  it("removes a subscription with its runs and delivery records", async () => {
    const store = await digests();
    const { subscription } = await store.upsertSubscription(input, ["a"], now);
    await store.skipDay(subscription.id, "2026-03-20", now, "test");
    expect(await store.removeSubscription("slack", "C1")).toBe(1);
    expect(await store.removeSubscription("slack", "C1")).toBe(0);
    expect(await store.runs()).toEqual([]);
    expect((await store.toldDocuments(subscription.id)).size).toBe(0);
  });

  it("lets exactly one of several connections claim a run, and one take over an expired claim", async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => digests()));
    const { subscription } = await stores[0]!.upsertSubscription(input, [], now);
    for (let day = 10; day < 20; day++) {
      const date = `2026-04-${day}`;
      const claims = await Promise.all(stores.flatMap((s, i) => [s.claimRun(subscription.id, date, now, LEASE, `T${i}a`), s.claimRun(subscription.id, date, now, LEASE, `T${i}b`)]));
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      const takeovers = await Promise.all(stores.map((s, i) => s.claimRun(subscription.id, date, later(LEASE), LEASE, `U${i}`)));
      expect(takeovers.filter((c) => c.claimed && c.takenOver)).toHaveLength(1);
    }
    expect(await stores[1]!.runs()).toHaveLength(10);
  });

  it("subscribes one channel once when several connections subscribe it at once", async () => {
    const stores = await Promise.all([1, 2, 3].map(() => digests()));
    const results = await Promise.all(stores.map((s, i) => s.upsertSubscription({ ...input, subscriber: `U${i}` }, ["a"], now)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await stores[0]!.listSubscriptions()).toHaveLength(1);
  });
});
