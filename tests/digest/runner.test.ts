import { afterEach, describe, expect, it } from "vitest";
import { createDigestRunner, digestIdempotencyKey } from "../../src/digest/runner.js";
import { addArticle, captureLogger, openDigestStore, NEW_ARTICLE_ID, NEW_ARTICLE_TITLE, recordingDeliver, replyText } from "./helpers.js";
import { digestWorld, type DigestWorld } from "./runner-setup.js";

let world: DigestWorld;
afterEach(() => world?.cleanup());

const at = (iso: string): Date => new Date(iso);

describe("digest runner", () => {
  it("catches up at start: a process started after today's time sends the missed digest once", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "Europe/Berlin", "daily", "2026-03-19T06:00:00Z");
    // The process was down at 08:00 (07:00Z) and starts at 15:00Z.
    const first = await world.runner.tick(at("2026-03-20T15:00:00Z"));
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]).toMatchObject({ localDate: "2026-03-20", attempts: 1 });
    await world.runner.tick(at("2026-03-20T15:01:00Z"));
    await world.runner.tick(at("2026-03-20T22:59:00Z"));
    expect(world.posts).toHaveLength(1);
  });

  it("is not due before the local time", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "America/New_York", "daily", "2026-03-05T00:00:00Z");
    expect((await world.runner.tick(at("2026-03-07T12:59:00Z"))).sent).toHaveLength(0);
    expect((await world.runner.tick(at("2026-03-07T13:00:00Z"))).sent).toHaveLength(1);
    expect((await world.runner.tick(at("2026-03-09T11:59:00Z"))).sent).toHaveLength(0);
    expect((await world.runner.tick(at("2026-03-09T12:00:00Z"))).sent).toHaveLength(1);
  });

  it("ticking twice at the same instant posts one digest", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const instant = at("2026-03-20T08:00:00Z");
    const [a, b] = await Promise.all([world.runner.tick(instant), world.runner.tick(instant)]);
    await world.runner.tick(instant);
    expect(a.sent.length + b.sent.length).toBe(1);
    expect(world.posts).toHaveLength(1);
  });

  it("two connections to one database never both post", async () => {
    world = await digestWorld();
    for (let i = 0; i < 10; i++) await world.subscribe(`C${i}`, "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const second = await openDigestStore(world.dbPath);
    const other = recordingDeliver();
    const otherRunner = createDigestRunner({ store: second, knowledge: () => world.holder.current(), deliver: other.deliver, log: captureLogger().log });
    const instant = at("2026-03-20T09:00:00Z");
    await Promise.all([world.runner.tick(instant), otherRunner.tick(instant), world.runner.tick(instant), otherRunner.tick(instant)]);
    await second.close();
    const channels = [...world.posts, ...other.posts].map((p) => p.channel).sort();
    expect(channels).toEqual(Array.from({ length: 10 }, (_, i) => `C${i}`).sort());
  });

  it("crash between claim and post: the run is taken over after the lease, delivered once, attempts counted", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const sub = (await world.store.findSubscription("slack", "C1"))!;
    // A process claimed the run at 08:00, began its first attempt, and died before posting.
    const dead = await world.store.claimRun(sub.id, "2026-03-20", at("2026-03-20T08:00:00Z"), 5 * 60_000, "dead-process");
    if (!dead.claimed) throw new Error("expected a claim");
    await world.store.beginAttempt(dead.run.id, "dead-process", at("2026-03-20T08:00:00Z"));

    // Within the lease another tick leaves it alone.
    await world.runner.tick(at("2026-03-20T08:04:00Z"));
    expect(world.posts).toHaveLength(0);
    expect(await world.store.findRun(sub.id, "2026-03-20")).toMatchObject({ state: "claimed", attempts: 1 });

    // After the lease it is taken over and posted once.
    const report = await world.runner.tick(at("2026-03-20T08:05:00Z"));
    expect(report.sent).toHaveLength(1);
    await world.runner.tick(at("2026-03-20T08:30:00Z"));
    expect(world.posts).toHaveLength(1);
    expect(await world.store.findRun(sub.id, "2026-03-20")).toMatchObject({ state: "sent", attempts: 2, messageId: "m1" });
    expect(world.logs().some((l) => l.msg === "digest claim expired; taking the run over" && l.subscription === sub.id)).toBe(true);
  });

  it("stopping between attempts gives the claim up: another process takes the run over at once and posts it", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    let calls = 0;
    const stopping = world.runnerWith(async () => {
      calls++;
      stopping.stop(); // a shutdown arrives while the first attempt fails
      throw new Error("503");
    });
    const first = await stopping.tick(at("2026-03-20T08:00:00Z"));
    expect(calls).toBe(1);
    expect(first.failed).toEqual([]);
    expect(world.sleeps).toEqual([]);
    const sub = (await world.store.findSubscription("slack", "C1"))!;
    expect(await world.store.findRun(sub.id, "2026-03-20")).toMatchObject({ state: "claimed", attempts: 1 });
    expect(await stopping.releaseClaims(at("2026-03-20T08:00:01Z"))).toBe(1);
    expect((await stopping.tick(at("2026-03-20T08:00:02Z"))).sent).toEqual([]);

    const report = await world.runner.tick(at("2026-03-20T08:00:02Z"));
    expect(report.sent).toEqual([expect.objectContaining({ attempts: 2 })]);
    expect(world.posts).toHaveLength(1);
    expect(await stopping.releaseClaims(at("2026-03-20T08:00:03Z"))).toBe(0);
  });

  it("a failing deliver is retried with backoff, then marked failed with the error and logged", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "changes", "2026-03-19T00:00:00Z");
    addArticle(world.seedsDir);
    world.holder.reload();
    let calls = 0;
    const failing = world.runnerWith(async () => {
      calls++;
      throw new Error("channel_not_found");
    });
    const report = await failing.tick(at("2026-03-20T08:00:00Z"));
    expect(calls).toBe(4);
    expect(world.sleeps).toEqual([2_000, 10_000, 30_000]);
    expect(report.failed).toEqual([expect.objectContaining({ localDate: "2026-03-20", attempts: 4, error: "channel_not_found" })]);
    const sub = (await world.store.findSubscription("slack", "C1"))!;
    expect(await world.store.findRun(sub.id, "2026-03-20")).toMatchObject({ state: "failed", attempts: 4, error: "channel_not_found", messageId: null });
    expect(world.logs().find((l) => l.msg === "digest delivery failed for good; marked failed")).toMatchObject({ level: 50, channel: "C1", error: "channel_not_found" });

    // A failed day is not retried; the news is not lost: the next day's digest still carries it.
    await failing.tick(at("2026-03-20T09:00:00Z"));
    expect(calls).toBe(4);
    const next = await world.runner.tick(at("2026-03-21T08:00:00Z"));
    expect(next.sent).toHaveLength(1);
    expect(replyText(next.sent[0]!.reply)).toContain(NEW_ARTICLE_TITLE);
  });

  it("a deliver that fails then succeeds is sent, with its attempts counted", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    let calls = 0;
    const keys: (string | undefined)[] = [];
    const retried: (boolean | undefined)[] = [];
    const flaky = world.runnerWith(async (_platform, _channel, _reply, options) => {
      keys.push(options?.idempotencyKey);
      retried.push(options?.mayHavePosted);
      if (++calls < 3) throw new Error("503");
      return { messageId: "ok" };
    });
    const report = await flaky.tick(at("2026-03-20T08:00:00Z"));
    expect(report.sent).toEqual([expect.objectContaining({ attempts: 3, messageId: "ok" })]);
    expect(world.sleeps).toEqual([2_000, 10_000]);
    // every attempt of the run carries one idempotency key, naming the run, the subscription and the date
    const sub = (await world.store.findSubscription("slack", "C1"))!;
    const run = (await world.store.findRun(sub.id, "2026-03-20"))!;
    expect(keys).toEqual([digestIdempotencyKey(run.id, sub.id, "2026-03-20"), keys[0], keys[0]]);
    expect(keys[0]).toMatch(new RegExp(`:${sub.id}:2026-03-20$`));
    // a failed attempt may have reached the platform: the next ones look for its post first
    expect(retried).toEqual([false, true, true]);
    await flaky.tick(at("2026-03-21T08:00:00Z"));
    expect(keys).toHaveLength(4);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("posts with the workspace the subscription was made in", async () => {
    world = await digestWorld();
    await world.store.upsertSubscription({ platform: "slack", channel: "C2", time: "08:00", timeZone: "UTC", mode: "daily", subscriber: "U1", workspace: "T0002" }, [], at("2026-03-19T00:00:00Z"));
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const seen: Record<string, string | undefined> = {};
    const runner = world.runnerWith(async (_platform, channel, _reply, options) => {
      seen[channel] = options?.workspace;
      return { messageId: `m-${channel}` };
    });
    expect((await runner.tick(at("2026-03-20T08:00:00Z"))).sent).toHaveLength(2);
    expect(seen).toEqual({ C1: undefined, C2: "T0002" });
  });

  it("changes mode: silent when nothing changed; names a new article once it appears in the seeds", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "Europe/Berlin", "changes", "2026-03-19T06:00:00Z");
    const quiet = await world.runner.tick(at("2026-03-20T07:00:00Z"));
    expect(quiet.sent).toHaveLength(0);
    expect(quiet.skipped).toHaveLength(1);

    addArticle(world.seedsDir);
    expect(world.holder.reload()).toEqual({ ok: true, added: [NEW_ARTICLE_ID] });
    // Today's digest time has passed and the day is settled: the news waits for tomorrow.
    expect((await world.runner.tick(at("2026-03-20T12:00:00Z"))).sent).toHaveLength(0);

    const news = await world.runner.tick(at("2026-03-21T07:00:00Z"));
    expect(news.sent).toHaveLength(1);
    const reply = news.sent[0]!.reply;
    expect(reply.text).toBe("1 new source since 2026-03-19.");
    expect(reply.groups[0]!.heading).toMatch(/^Status as of /);
    expect(reply.groups[1]!.heading).toBe(`New: ${NEW_ARTICLE_TITLE} (Example Wire, 2026-04-06)`);
    expect(reply.groups[1]!.quotes[0]!.text).toContain("Microsoft filed a lawsuit against Amazon and OpenAI");
    expect(reply.groups[1]!.quotes[0]!.citation.document).toBe(NEW_ARTICLE_ID);

    // Nothing new since: silence again.
    expect((await world.runner.tick(at("2026-03-22T07:00:00Z"))).sent).toHaveLength(0);
    expect(world.posts).toHaveLength(1);
  });

  it("daily mode: a quiet day says so, dated by the last digest, with the current status", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const first = await world.runner.tick(at("2026-03-20T08:00:00Z"));
    expect(first.sent[0]!.reply.text).toBe("No new developments since 2026-03-19.");
    const second = await world.runner.tick(at("2026-03-21T08:00:00Z"));
    const reply = second.sent[0]!.reply;
    expect(reply.text).toBe("No new developments since 2026-03-20.");
    expect(reply.groups).toHaveLength(1);
    expect(reply.groups[0]!.heading).toBe(`Status as of ${world.holder.current().status().asOf}`);
    expect(reply.groups[0]!.quotes.length).toBeGreaterThan(0);
    expect(reply.ephemeral).toBe(false);
  });

  it("unsubscribing stops delivery", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    await world.runner.tick(at("2026-03-20T08:00:00Z"));
    expect(await world.service.unsubscribe("slack", "C1")).toBe(1);
    await world.runner.tick(at("2026-03-21T08:00:00Z"));
    expect(world.posts).toHaveLength(1);
  });

  it("subscribing after today's time starts with tomorrow's digest", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-20T09:00:00Z");
    expect((await world.runner.tick(at("2026-03-20T09:01:00Z"))).sent).toHaveLength(0);
    expect((await world.runner.tick(at("2026-03-21T08:00:00Z"))).sent).toHaveLength(1);
  });

  it("leaves subscriptions of platforms it does not serve alone", async () => {
    world = await digestWorld();
    await world.service.subscribe({ platform: "discord", channel: "D1", time: "08:00", timeZone: "UTC", mode: "daily", subscriber: null, now: at("2026-03-19T00:00:00Z") });
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const slackOnly = createDigestRunner({ store: world.store, knowledge: () => world.holder.current(), deliver: recordingDeliver().deliver, platforms: ["slack"], log: captureLogger().log });
    const report = await slackOnly.tick(at("2026-03-20T08:00:00Z"));
    expect(report.sent.map((s) => s.subscription.platform)).toEqual(["slack"]);
    const discord = (await world.store.findSubscription("discord", "D1"))!;
    expect(await world.store.findRun(discord.id, "2026-03-20")).toBeNull();
  });

  it("survives a restart: a reopened database knows what was sent and told", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "changes", "2026-03-19T00:00:00Z");
    addArticle(world.seedsDir);
    world.holder.reload();
    await world.runner.tick(at("2026-03-20T08:00:00Z"));
    expect(world.posts).toHaveLength(1);

    const reopened = await openDigestStore(world.dbPath);
    const recorded = recordingDeliver();
    const runner = createDigestRunner({ store: reopened, knowledge: () => world.holder.current(), deliver: recorded.deliver, log: captureLogger().log });
    await runner.tick(at("2026-03-20T08:10:00Z"));
    await runner.tick(at("2026-03-21T08:10:00Z"));
    expect(recorded.posts).toHaveLength(0);
    const sub = (await reopened.findSubscription("slack", "C1"))!;
    expect((await reopened.toldDocuments(sub.id)).has(NEW_ARTICLE_ID)).toBe(true);
    await reopened.close();
  });
});
