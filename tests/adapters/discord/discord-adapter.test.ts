import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../../../commands/dispatch.js";
import { createRateLimiter } from "../../../commands/rate-limit.js";
import { notice } from "../../../src/reply/reply.js";
import type { DigestService, ScheduledSubscription } from "../../../src/digest/service.js";
import { createDiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { ChatAdapter } from "../../../src/adapters/types.js";
import { createLogger } from "../../../src/log.js";
import { seedKnowledge } from "../../support/knowledge.js";
import { interact, startFakeDiscord, type FakeDiscord, type SeenMessage } from "./fake-discord.js";
import { ALICE, autocomplete, BOB, buttonClick, FAKE_IDS, findSourcesCommand, slashCommand } from "./fake-payloads.js";
import { expectAliceAmazonAnswer, expectChoicesWithinLimits, shareButton } from "./expectations.js";
import { flattenMessage } from "./flatten.js";
import { recordingDispatcher } from "./recording-dispatcher.js";

const EPHEMERAL = 64;

function memoryLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger("debug", sink) };
}

function stubDigests(): DigestService & { subscribed: unknown[] } {
  const subscribed: unknown[] = [];
  return {
    subscribed,
    async subscribe({ platform, channel, time, timeZone, mode, subscriber, workspace }) {
      subscribed.push({ platform, channel, time, timeZone, mode, subscriber, workspace });
      const sub: ScheduledSubscription = { id: 1, platform, channel, time, timeZone, mode, subscriber, workspace: workspace ?? null, createdAt: "2026-03-20T00:00:00Z", nextRun: "2026-03-21T07:00:00Z", nextRunLocal: "2026-03-21 08:00 Europe/Berlin" };
      return sub;
    },
    unsubscribe: async () => 0,
    list: async () => [],
    listAll: async () => [],
    preview: async () => null,
  };
}


describe("Discord adapter against a loopback Discord", () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const { lines, log } = memoryLog();
  const digests = stubDigests();
  const dispatcher = recordingDispatcher(createDispatcher({ knowledge: seedKnowledge, digests, rateLimiter: createRateLimiter(1000), log }));
  const calls = dispatcher.calls;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, guildId: FAKE_IDS.guild, registerOnStart: true, dispatcher, log });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  it("connects with the Guilds and message intents, uncompressed JSON, and registers the commands in the guild", async () => {
    expect(adapter.isUp()).toBe(true);
    expect(adapter.platform).toBe("discord");
    // Guilds (1), Guild Messages (1 << 9) and Direct Messages (1 << 12): no privileged intent
    expect(fake.identifies[0]).toMatchObject({ token: fake.token, intents: 1 | (1 << 9) | (1 << 12) });
    expect(fake.identifies[0]!.compress).toBeFalsy();
    expect(fake.gatewayConnections[0]).toBe("/?v=10&encoding=json");
    const gateway = fake.requests.find((r) => r.path === "/v10/gateway/bot");
    expect(gateway?.authorization).toBe(`Bot ${fake.token}`);
    const put = await fake.waitForRequest((r) => r.method === "PUT");
    expect(put.path).toBe(`/v10/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands`);
  });

  it("defers /dispute ask ephemerally, then edits in cited quotes with mentions off and a Share button", async () => {
    const exchange = interact(fake, slashCommand({ name: "ask", options: { question: "How much did Amazon commit to invest in OpenAI?" } }));
    const first = await exchange.firstCallback();
    expect(first.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const answer = await exchange.answer();
    expect(answer.via).toBe("edit");
    expect(answer.request.path).toBe(`/v10/webhooks/${FAKE_IDS.application}/${exchange.token}/messages/@original`);
    expectAliceAmazonAnswer(answer.message, calls.at(-1));
  });

  it("answers autocomplete with at most 25 choices within Discord's limits", async () => {
    for (const [request, focused] of [
      [{ name: "ask", options: { question: "amazon" } }, "question"],
      [{ name: "cite", options: { claim: "micro" } }, "claim"],
      [{ name: "digest", subcommand: "subscribe", options: { time: "08:00", timezone: "europe/be" } }, "timezone"],
    ] as const) {
      const answer = await interact(fake, autocomplete(request, focused)).answer();
      expect(answer.callbackType).toBe(8);
      expectChoicesWithinLimits(answer.message.choices);
      if (focused === "timezone") expect(answer.message.choices!.map((c) => c.value)).toContain("Europe/Berlin");
    }
  });

  it("runs Find sources on the target message and answers ephemerally with citations", async () => {
    const exchange = interact(fake, findSourcesCommand("Microsoft says they will sue if Amazon and OpenAI breach the contract"));
    expect((await exchange.firstCallback()).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const answer = await exchange.answer();
    expect(flattenMessage(answer.message)).toMatch(/¶\d+/);
    expect(calls.at(-1)?.message).toBe("Microsoft says they will sue if Amazon and OpenAI breach the contract");
  });

  it("shares an answer visibly, naming the sharer as plain text", async () => {
    const asked = await interact(fake, slashCommand({ name: "positions", options: { party: "OpenAI" } })).answer();
    const customId = shareButton(asked.message)!;
    expect(customId.length).toBeLessThanOrEqual(100);
    const shared = await interact(fake, buttonClick(customId, ALICE)).answer();
    expect(shared.via).toBe("callback");
    expect(shared.callbackType).toBe(4);
    expect((shared.message.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shared.message.content).toBe("Shared by Alice");
    expect(shared.message.content).not.toMatch(/<@/);
    expect(shared.message.allowed_mentions).toEqual({ parse: [] });
    expect(shared.message.components ?? []).toEqual([]);
    expect(flattenMessage(shared.message)).toContain("backdoor access");

    const again = await interact(fake, buttonClick(customId, ALICE)).answer();
    expect(again.message.flags).toBe(EPHEMERAL);
    expect(flattenMessage(again.message)).toMatch(/already shared/i);
    expect(flattenMessage(again.message)).not.toContain("backdoor access");
  });

  it("shares an answer only for the user who asked, in the channel where it was asked", async () => {
    const asked = await interact(fake, slashCommand({ name: "positions", options: { party: "OpenAI" } }, ALICE)).answer();
    const customId = shareButton(asked.message)!;
    for (const [member, channel] of [[BOB, FAKE_IDS.channel], [BOB, "300000000000000099"], [ALICE, "300000000000000099"]] as const) {
      const replayed = await interact(fake, buttonClick(customId, member, channel)).answer();
      expect(replayed.message.flags).toBe(EPHEMERAL);
      expect(flattenMessage(replayed.message)).toMatch(/only the person who asked/i);
      expect(flattenMessage(replayed.message)).not.toContain("backdoor access");
    }
    const shared = await interact(fake, buttonClick(customId, ALICE)).answer();
    expect((shared.message.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(flattenMessage(shared.message)).toContain("backdoor access");

    const again = await interact(fake, buttonClick(customId, ALICE)).answer();
    expect(again.message.flags).toBe(EPHEMERAL);
    expect(flattenMessage(again.message)).toMatch(/already shared/i);
    expect(flattenMessage(again.message)).not.toContain("backdoor access");
  });

  it("says politely when a shared answer has expired", async () => {
    const answer = await interact(fake, buttonClick("dispute:share:gone", BOB)).answer();
    expect(answer.callbackType).toBe(4);
    expect(answer.message.flags).toBe(EPHEMERAL);
    expect(flattenMessage(answer.message)).toMatch(/expired.*ask again/is);
  });

  it("passes Manage Channels through: a member without it may not subscribe a digest", async () => {
    const refused = await interact(fake, slashCommand({ name: "digest", subcommand: "subscribe", options: { time: "08:00", timezone: "Europe/Berlin" } }, BOB)).answer();
    expect(calls.at(-1)?.request).toEqual({ name: "digest", subcommand: "subscribe", options: { time: "08:00", timezone: "Europe/Berlin" } });
    expect(calls.at(-1)?.invocation.canManageChannel).toBe(false);
    expect(calls.at(-1)?.invocation.user.name).toBe("Bob");
    expect(flattenMessage(refused.message)).toMatch(/not allowed/i);
    expect(digests.subscribed).toEqual([]);

    const allowed = await interact(fake, slashCommand({ name: "digest", subcommand: "subscribe", options: { time: "08:00", timezone: "Europe/Berlin", mode: "daily" } }, ALICE)).answer();
    expect(calls.at(-1)?.invocation.canManageChannel).toBe(true);
    expect(flattenMessage(allowed.message)).toMatch(/digest subscribed/i);
    expect(digests.subscribed).toEqual([{ platform: "discord", channel: FAKE_IDS.channel, time: "08:00", timeZone: "Europe/Berlin", mode: "daily", subscriber: ALICE.id, workspace: FAKE_IDS.guild }]);
  });

  it("never pings for a question containing @everyone", async () => {
    const answer = await interact(fake, slashCommand({ name: "ask", options: { question: "@everyone is there a lawsuit @here?" } })).answer();
    expect(answer.message.allowed_mentions).toEqual({ parse: [] });
    const raw = JSON.stringify(answer.message);
    expect(raw).not.toMatch(/@(everyone|here)/);
    expect(raw).toContain("@\u200beveryone");
    expect(flattenMessage(answer.message)).toContain("@everyone is there a lawsuit @here?");
  });

  it("turns a failing command into an ephemeral error reply and a log line", async () => {
    dispatcher.failNextRun(`dispatcher exploded near ${fake.token}`);
    const answer = await interact(fake, slashCommand({ name: "status" })).answer();
    expect(flattenMessage(answer.message)).toMatch(/something went wrong/i);
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "interaction failed");
    expect(line).toMatchObject({ platform: "discord", user: ALICE.id, command: "status" });
  });

  it("still answers when editing the reply fails once", async () => {
    fake.failNext("PATCH", /\/messages\/@original$/);
    const exchange = interact(fake, slashCommand({ name: "sources" }));
    await exchange.firstCallback();
    const edits = () => fake.requests.filter((r) => r.interactionToken === exchange.token && r.method === "PATCH");
    await fake.waitForRequest((r) => r.interactionToken === exchange.token && r.method === "PATCH" && edits().length === 2);
    expect(flattenMessage(edits()[1]!.body as SeenMessage)).toMatch(/something went wrong/i);
  });

  it("delivers a reply to a channel and returns the message id", async () => {
    const delivery = await adapter.deliver(FAKE_IDS.channel, { ...notice("Daily digest", "Nothing new @everyone."), ephemeral: false, actions: ["share"] });
    const post = fake.requests.find((r) => r.method === "POST" && r.path === `/v10/channels/${FAKE_IDS.channel}/messages`)!;
    expect(post.authorization).toBe(`Bot ${fake.token}`);
    const body = post.body as SeenMessage;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.components).toEqual([]);
    expect(flattenMessage(body)).toContain("Daily digest");
    expect(delivery.messageId).toMatch(/^\d+$/);
  });

  it("gives a delivery with an idempotency key a nonce, so a repeated post returns the first message", async () => {
    const digest = notice("Daily digest", "Nothing new.");
    const first = await adapter.deliver(FAKE_IDS.channel, digest, { idempotencyKey: "digest:1:1:2026-03-20" });
    const again = await adapter.deliver(FAKE_IDS.channel, digest, { idempotencyKey: "digest:1:1:2026-03-20" });
    expect(again.messageId).toBe(first.messageId);
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === `/v10/channels/${FAKE_IDS.channel}/messages`).slice(-2);
    for (const post of posts) expect(post.body).toMatchObject({ nonce: expect.stringMatching(/^[0-9a-f]{25}$/), enforce_nonce: true });
    expect(fake.channelMessages.filter((m) => m.id === first.messageId)).toHaveLength(1);
  });

  it("logs with context objects and never logs the token", () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.find((l) => l.msg === "interaction answered" && l.command === "ask")).toMatchObject({ platform: "discord", user: ALICE.id, ms: expect.any(Number) });
    expect(lines.join("\n")).not.toContain(fake.token);
    expect(fake.unknownRoutes).toEqual([]);
  });
});

describe("Discord adapter lifecycle", () => {
  it("finishes in-flight work on stop, declines new work meanwhile, then disconnects", async () => {
    const fake = await startFakeDiscord();
    const { log } = memoryLog();
    const base = createDispatcher({ knowledge: seedKnowledge, rateLimiter: createRateLimiter(1000) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const dispatcher: Dispatcher = {
      ...base,
      async run(request, invocation) {
        await gate;
        return base.run(request, invocation);
      },
    };
    const adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, dispatcher, log });
    try {
      await adapter.start();
      const slow = interact(fake, slashCommand({ name: "status" }));
      await slow.firstCallback();
      const stopping = adapter.stop();
      expect(adapter.isUp()).toBe(false);
      const late = await interact(fake, slashCommand({ name: "status" })).answer();
      expect(late.message.flags).toBe(EPHEMERAL);
      expect(flattenMessage(late.message)).toMatch(/restarting/i);
      release();
      await stopping;
      expect(flattenMessage((await slow.answer()).message)).toContain("2026-03-19");
      expect(fake.openSessions()).toBe(0);
    } finally {
      release();
      await adapter.stop();
      await fake.close();
    }
  });

  it("rejects start with a bad token without logging it", async () => {
    const fake = await startFakeDiscord();
    const { lines, log } = memoryLog();
    const adapter = createDiscordAdapter({ token: "wrong-token-value", apiUrl: fake.apiUrl, dispatcher: createDispatcher({ knowledge: seedKnowledge }), log });
    try {
      await expect(adapter.start()).rejects.toThrow();
      expect(adapter.isUp()).toBe(false);
      expect(lines.join("\n")).not.toContain("wrong-token-value");
      await expect(adapter.deliver(FAKE_IDS.channel, notice("x", "y"))).rejects.toThrow(/not connected/);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
