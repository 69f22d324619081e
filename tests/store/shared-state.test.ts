import type { Installation } from "@slack/oauth";
import { describe, expect, it } from "vitest";
import { createSharedRateLimiter } from "../../commands/rate-limit.js";
import { THREAD_QUESTION_RETENTION_MS } from "../../src/store/prune.js";
import { ENGINES, useEngine } from "../support/engines.js";

const t0 = new Date("2026-03-01T10:00:00Z");
const at = (ms: number): Date => new Date(t0.getTime() + ms);

function installation(team: string | undefined, enterprise?: string, org = false): Installation<"v2", boolean> {
  return {
    team: team === undefined ? undefined : { id: team, name: `team ${team}` },
    enterprise: enterprise === undefined ? undefined : { id: enterprise, name: `org ${enterprise}` },
    isEnterpriseInstall: org,
    user: { id: "U1", token: undefined, scopes: undefined },
    bot: { id: "B1", userId: "UB1", token: `xoxb-${team ?? enterprise}`, scopes: ["commands", "chat:write"] },
    tokenType: "bot",
    authVersion: "v2",
  } as Installation<"v2", boolean>;
}

describe.each(ENGINES)("shared state on %s", (engine) => {
  const harness = useEngine(engine);

  it("answers firstTime true once per key until it expires, across two stores at once", async () => {
    const [a, b] = [await harness.open(), await harness.open()];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).deliveries.firstTime("slack:trigger:T1", 60_000, t0)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.deliveries.firstTime("slack:trigger:T2", 60_000, t0)).toBe(true);
    expect(await b.deliveries.firstTime("slack:trigger:T1", 60_000, at(59_999))).toBe(false);
    expect(await b.deliveries.firstTime("slack:trigger:T1", 60_000, at(60_000))).toBe(true);
    expect(await a.deliveries.firstTime("slack:trigger:T1", 60_000, at(60_001))).toBe(false);
  });

  it("counts a user's requests across two stores: the limit holds however they are spread", async () => {
    const [a, b] = [await harness.open(), await harness.open()];
    const limiters = [createSharedRateLimiter(a.rateHits, 3, 60_000), createSharedRateLimiter(b.rateHits, 3, 60_000)];
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => limiters[i % 2]!.take("slack:U1", t0.getTime())));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(await limiters[0]!.take("slack:U2", t0.getTime())).toEqual({ ok: true });
    expect(await limiters[1]!.take("slack:U1", t0.getTime() + 45_000)).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(await limiters[1]!.take("slack:U1", t0.getTime() + 60_000)).toEqual({ ok: true });
  });

  it("stores, replaces, fetches and deletes Slack installations by team, and organisation-wide ones by enterprise", async () => {
    const [a, b] = [(await harness.open()).slackInstallations, (await harness.open()).slackInstallations];
    await a.storeInstallation(installation("T1"));
    await a.storeInstallation({ ...installation("T1"), bot: { ...installation("T1").bot!, token: "xoxb-new" } });
    await a.storeInstallation(installation(undefined, "E1", true));
    await a.storeInstallation(installation("T2", "E1"));
    expect((await b.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe("xoxb-new");
    expect((await b.fetchInstallation({ teamId: undefined, enterpriseId: "E1", isEnterpriseInstall: true })).enterprise?.id).toBe("E1");
    expect((await b.fetchInstallation({ teamId: "T2", enterpriseId: "E1", isEnterpriseInstall: false })).team?.id).toBe("T2");
    await expect(b.fetchInstallation({ teamId: "T3", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/T3/);
    await b.deleteInstallation!({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(a.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no Slack installation/);
    await expect(a.storeInstallation(installation(undefined))).rejects.toThrow(/cannot be stored/);
  });

  it("prunes what expired — shares, delivery keys, old rate hits and thread questions — and keeps the rest", async () => {
    const store = await harness.open();
    const thread = { platform: "slack", channel: "C1", thread: "1.0" };
    await store.shares.put({ title: "old" }, { user: "U1", channel: "C1" }, at(1_000));
    const live = await store.shares.put({ title: "live" }, { user: "U1", channel: "C1" }, at(2 * THREAD_QUESTION_RETENTION_MS));
    await store.deliveries.firstTime("old", 1_000, t0);
    await store.deliveries.firstTime("live", 2 * THREAD_QUESTION_RETENTION_MS, t0);
    await store.rateHits.take("slack:U1", t0.getTime(), 10, 60_000);
    await store.conversations.rememberQuestion(thread, "an old question", t0);
    await store.conversations.rememberQuestion({ ...thread, thread: "2.0" }, "a recent one", at(THREAD_QUESTION_RETENTION_MS));
    const deleted = await store.prune(at(THREAD_QUESTION_RETENTION_MS + 1));
    expect(deleted).toBe(4);
    expect((await store.shares.get(live, at(THREAD_QUESTION_RETENTION_MS + 1)))?.reply).toEqual({ title: "live" });
    expect(await store.conversations.lastQuestion({ ...thread, thread: "2.0" }, at(THREAD_QUESTION_RETENTION_MS + 1), 60_000)).toBe("a recent one");
    expect(await store.sql.all("SELECT key FROM seen_deliveries")).toEqual([{ key: "live" }]);
    expect(await store.sql.all("SELECT key FROM rate_hits")).toEqual([]);
    expect(await store.prune(at(THREAD_QUESTION_RETENTION_MS + 2))).toBe(0);
  });
});
