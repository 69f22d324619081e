import { afterEach, describe, expect, it } from "vitest";
import { createDispatcher } from "../../commands/dispatch.js";
import type { Invocation } from "../../commands/types.js";
import { DigestInputError } from "../../src/digest/service.js";
import { addArticle, replyText } from "./helpers.js";
import { digestWorld, type DigestWorld } from "./runner-setup.js";

let world: DigestWorld;
afterEach(() => world?.cleanup());

const at = (iso: string): Date => new Date(iso);

describe("digest service", () => {
  it("lists the next run in local time with how long until it", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "america/new_york", "daily", "2026-03-09T07:00:00Z");
    const [sub] = await world.service.list("slack", "C1", at("2026-03-09T07:00:00Z"));
    expect(sub).toMatchObject({ timeZone: "America/New_York", time: "08:00", nextRun: "2026-03-09T12:00:00.000Z" });
    expect(sub!.nextRunLocal).toBe("2026-03-09 08:00 America/New_York (in 5 h)");
    expect(await world.service.list("slack", "other", at("2026-03-09T07:00:00Z"))).toEqual([]);
  });

  it("shows a run whose time has passed but has not run yet as due now", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-09T07:00:00Z");
    expect((await world.service.list("slack", "C1", at("2026-03-10T09:00:00Z")))[0]!.nextRunLocal).toBe("2026-03-10 08:00 UTC (due now)");
  });

  it("validates time, zone and mode", async () => {
    world = await digestWorld();
    const base = { platform: "slack", channel: "C1", time: "08:00", timeZone: "UTC", mode: "daily" as const, subscriber: null };
    await expect(world.service.subscribe({ ...base, time: "25:00" })).rejects.toThrow(DigestInputError);
    await expect(world.service.subscribe({ ...base, timeZone: "Mars/Base" })).rejects.toThrow(DigestInputError);
    await expect(world.service.subscribe({ ...base, mode: "hourly" as never })).rejects.toThrow(DigestInputError);
    expect(await world.store.listSubscriptions()).toEqual([]);
    expect(await world.service.subscribe({ ...base, time: "8:05" })).toMatchObject({ time: "08:05" });
  });

  it("preview is exactly what the tick posts, and records nothing", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "changes", "2026-03-19T00:00:00Z");
    expect(await world.service.preview("slack", "C1", at("2026-03-20T08:00:00Z"))).toBeNull();
    addArticle(world.seedsDir);
    world.holder.reload();
    const sub = (await world.store.findSubscription("slack", "C1"))!;
    const toldBefore = await world.store.toldDocuments(sub.id);
    const preview = await world.service.preview("slack", "C1", at("2026-03-20T08:00:00Z"));
    expect(preview).not.toBeNull();
    expect(await world.store.runs()).toEqual([]);
    expect(await world.store.toldDocuments(sub.id)).toEqual(toldBefore);
    const report = await world.runner.tick(at("2026-03-20T08:00:00Z"));
    expect(report.sent[0]!.reply).toEqual(preview);
    expect(await world.service.preview("slack", "nope", at("2026-03-20T08:00:00Z"))).toBeNull();
  });

  it("digest text never pings anyone", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    addArticle(world.seedsDir);
    world.holder.reload();
    const reply = (await world.service.preview("slack", "C1", at("2026-03-20T08:00:00Z")))!;
    expect(replyText(reply)).not.toMatch(/@(everyone|here|channel)|<[@!#]/);
  });
});

describe("digest commands over the service", () => {
  const invocation = (canManageChannel = true): Invocation => ({
    platform: "slack",
    user: { id: "U9", name: "ops" },
    channel: { id: "C7" },
    canManageChannel,
    now: new Date("2026-03-09T07:00:00Z"),
  });

  it("subscribe, list, preview and unsubscribe work through the dispatcher", async () => {
    world = await digestWorld();
    const dispatcher = createDispatcher({ knowledge: () => world.holder.current(), digests: world.service });
    const subscribed = await dispatcher.runText("digest subscribe 08:00 America/New_York daily", invocation());
    expect(subscribed.title).toBe("Digest subscribed");
    expect(subscribed.text).toContain("2026-03-09 08:00 America/New_York (in 5 h)");
    expect(await world.store.findSubscription("slack", "C7")).toMatchObject({ subscriber: "U9", mode: "daily", createdAt: "2026-03-09T07:00:00.000Z" });

    const listed = await dispatcher.runText("digest list", invocation());
    expect(listed.text).toContain("08:00 America/New_York, mode daily");

    const preview = await dispatcher.runText("digest preview", invocation());
    expect(preview.title).toBe("Dispute digest for 2026-03-09");
    expect(preview.ephemeral).toBe(true);

    const refused = await dispatcher.runText("digest unsubscribe", invocation(false));
    expect(refused.title).toBe("Not allowed");
    expect((await dispatcher.runText("digest unsubscribe", invocation())).title).toBe("Digest stopped");
    expect(await world.store.listSubscriptions()).toEqual([]);
  });

  it("rejects a bad time or zone without writing", async () => {
    world = await digestWorld();
    const dispatcher = createDispatcher({ knowledge: () => world.holder.current(), digests: world.service });
    expect((await dispatcher.runText("digest subscribe 25:00 UTC", invocation())).title).toBe("Bad time");
    expect((await dispatcher.runText("digest subscribe 08:00 Mars/Base", invocation())).title).toBe("Unknown time zone");
    expect(await world.store.listSubscriptions()).toEqual([]);
  });
});
