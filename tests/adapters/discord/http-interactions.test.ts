import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../../../commands/dispatch.js";
import { createRateLimiter } from "../../../commands/rate-limit.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { INTERACTIONS_PATH } from "../../../src/adapters/discord/interactions-route.js";
import { createHttpServer, type HttpServer } from "../../../src/http/http-server.js";
import { notice } from "../../../src/reply/reply.js";
import { captureLogger } from "../../digest/helpers.js";
import { seedKnowledge } from "../../support/knowledge.js";
import { startSlackHarness } from "../slack/fakes/harness.js";
import { rawRequest } from "../slack/fakes/raw-requests.js";
import { startFakeDiscord, type FakeDiscord, type SeenMessage } from "./fake-discord.js";
import { ALICE, autocomplete, BOB, buttonClick, FAKE_IDS, findSourcesCommand, slashCommand } from "./fake-payloads.js";
import { expectAliceAmazonAnswer, expectChoicesWithinLimits, shareButton } from "./expectations.js";
import { flattenMessage } from "./flatten.js";
import { recordingDispatcher } from "./recording-dispatcher.js";
import { interactionKeys, interactOverHttp, postInteraction, type InteractionKeys } from "./signed-interactions.js";

const EPHEMERAL = 64;
const MB = 1024 * 1024;

/** The adapter in HTTP mode behind the bot's own HTTP server, against a loopback Discord. */
async function startHttpBot(dispatcher: Dispatcher, options: { gateway?: boolean } = {}) {
  const fake = await startFakeDiscord();
  const keys = interactionKeys();
  const captured = captureLogger();
  const adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, publicKey: keys.publicKeyHex, ...options, dispatcher, log: captured.log });
  const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: adapter.routes });
  const port = await server.start();
  await adapter.start();
  return { fake, keys, adapter, server, url: `http://127.0.0.1:${port}${INTERACTIONS_PATH}`, logs: captured.lines };
}

describe("Discord interactions over HTTP", () => {
  let fake: FakeDiscord;
  let keys: InteractionKeys;
  let adapter: DiscordAdapter;
  let server: HttpServer;
  let url: string;
  let logs: () => Record<string, unknown>[];
  const dispatcher = recordingDispatcher(createDispatcher({ knowledge: seedKnowledge, rateLimiter: createRateLimiter(1000) }));
  const calls = dispatcher.calls;
  const interact = (raw: { token: string; payload: unknown }) => interactOverHttp(fake, url, keys, raw);

  beforeAll(async () => {
    ({ fake, keys, adapter, server, url, logs } = await startHttpBot(dispatcher));
  });

  afterAll(async () => {
    await adapter.stop();
    await server.stop();
    await fake.close();
  });

  it("starts without a gateway connection, checking the token over REST", () => {
    expect(adapter.mode).toBe("http");
    expect(adapter.isUp()).toBe(true);
    expect(fake.gatewayConnections).toEqual([]);
    expect(fake.identifies).toEqual([]);
    expect(fake.requests.some((r) => r.path === "/v10/gateway/bot")).toBe(false);
    expect(fake.requests.find((r) => r.path === "/v10/applications/@me")?.authorization).toBe(`Bot ${fake.token}`);
  });

  it("answers a signed PING with a PONG", async () => {
    const response = await postInteraction(url, keys, { id: "1", type: 1, application_id: FAKE_IDS.application, token: "ping-token", version: 1 });
    expect(response).toEqual({ status: 200, body: { type: 1 } });
  });

  it("defers /dispute ask ephemerally in the HTTP response, then edits in a cited answer through the webhook", async () => {
    const raw = slashCommand({ name: "ask", options: { question: "How much did Amazon commit to invest in OpenAI?" } });
    const exchange = interact(raw);
    expect(await exchange.response).toEqual({ status: 200, body: { type: 5, data: { flags: EPHEMERAL } } });
    const answer = await exchange.answer();
    expect(answer.via).toBe("edit");
    if (answer.via !== "edit") return;
    expect(answer.request.path).toBe(`/v10/webhooks/${FAKE_IDS.application}/${raw.token}/messages/@original`);
    expect(answer.request.authorization).toBeUndefined();
    expectAliceAmazonAnswer(answer.message, calls.at(-1));
  });

  it("answers autocomplete in the HTTP response, within Discord's limits", async () => {
    for (const [request, focused] of [
      [{ name: "ask", options: { question: "amazon" } }, "question"],
      [{ name: "digest", subcommand: "subscribe", options: { time: "08:00", timezone: "europe/be" } }, "timezone"],
    ] as const) {
      const { status, body } = await interact(autocomplete(request, focused)).response;
      expect(status).toBe(200);
      expect(body?.type).toBe(8);
      expectChoicesWithinLimits(body?.data?.choices);
      if (focused === "timezone") expect(body!.data!.choices!.map((c) => c.value)).toContain("Europe/Berlin");
    }
  });

  it("runs Find sources on the target message", async () => {
    const exchange = interact(findSourcesCommand("Microsoft says they will sue if Amazon and OpenAI breach the contract"));
    expect((await exchange.response).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(flattenMessage((await exchange.answer()).message)).toMatch(/¶\d+/);
    expect(calls.at(-1)?.message).toBe("Microsoft says they will sue if Amazon and OpenAI breach the contract");
  });

  it("shares an answer visibly for the asker, and refuses anyone else", async () => {
    const asked = await interact(slashCommand({ name: "positions", options: { party: "OpenAI" } }, ALICE)).answer();
    const customId = shareButton(asked.message)!;
    const refused = await interact(buttonClick(customId, BOB)).answer();
    expect(refused).toMatchObject({ via: "response", callbackType: 4 });
    expect(refused.message.flags).toBe(EPHEMERAL);
    expect(flattenMessage(refused.message)).toMatch(/only the person who asked/i);
    const shared = await interact(buttonClick(customId, ALICE)).answer();
    expect(shared).toMatchObject({ via: "response", callbackType: 4 });
    expect((shared.message.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shared.message.content).toBe("Shared by Alice");
    expect(shared.message.allowed_mentions).toEqual({ parse: [] });
    expect(flattenMessage(shared.message)).toContain("backdoor access");
    const expired = await interact(buttonClick("dispute:share:gone", ALICE)).answer();
    expect(flattenMessage(expired.message)).toMatch(/expired.*ask again/is);
  });

  it("refuses a forged, tampered, stale or unsigned request with 401, before any work", async () => {
    const before = calls.length;
    const payload = slashCommand({ name: "status" }).payload;
    const body = JSON.stringify(payload);
    const now = String(Math.floor(Date.now() / 1000));
    const forger = interactionKeys();
    const refused = [
      await postInteraction(url, keys, body, { signature: forger.sign(now, body), timestamp: now }),
      await postInteraction(url, keys, body.replace('"status"', '"sources"'), { signature: keys.sign(now, body), timestamp: now }),
      await postInteraction(url, keys, body, { signature: "zz" }),
      await postInteraction(url, keys, body, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) }),
      await postInteraction(url, keys, body, { omit: ["x-signature-ed25519"] }),
      await postInteraction(url, keys, body, { omit: ["x-signature-timestamp"] }),
      await postInteraction(url, keys, body, { omit: ["x-signature-ed25519", "x-signature-timestamp"] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(calls.length).toBe(before);
    expect(logs().filter((l) => l.msg === "refused an interaction request" && l.status === 401).length).toBeGreaterThanOrEqual(7);
  });

  it("refuses an oversized body with 413, declared or streamed", async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const declared = await rawRequest(url, {
      headers: { "content-type": "application/json", "content-length": String(2 * MB), "x-signature-ed25519": "00", "x-signature-timestamp": now },
      chunks: ["{"],
      leaveOpen: true,
    });
    expect(declared.status).toBe(413);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const streamed = await rawRequest(url, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked", "x-signature-ed25519": "00", "x-signature-timestamp": now },
      chunks: Array.from({ length: 32 }, () => chunk),
      leaveOpen: true,
    });
    expect(streamed.status).toBe(413);
  });

  it("refuses a signed body that is not a JSON interaction with 400", async () => {
    expect((await postInteraction(url, keys, "type=2&not=json")).status).toBe(400);
    expect((await postInteraction(url, keys, "[1,2]")).status).toBe(400);
    expect((await postInteraction(url, keys, { type: 2 })).status).toBe(400);
  });

  it("answers only POST at the endpoint", async () => {
    expect((await fetch(url)).status).toBe(405);
  });

  it("turns a failing command into an ephemeral error edit", async () => {
    dispatcher.failNextRun("dispatcher exploded");
    const answer = await interact(slashCommand({ name: "status" })).answer();
    expect(answer.via).toBe("edit");
    expect(flattenMessage(answer.message)).toMatch(/something went wrong/i);
  });

  it("still answers when editing the reply fails once", async () => {
    fake.failNext("PATCH", /\/messages\/@original$/);
    const raw = slashCommand({ name: "sources" });
    await interact(raw).response;
    const edits = () => fake.requests.filter((r) => r.interactionToken === raw.token && r.method === "PATCH");
    await fake.waitForRequest((r) => r.interactionToken === raw.token && r.method === "PATCH" && edits().length === 2);
    expect(flattenMessage(edits()[1]!.body as SeenMessage)).toMatch(/something went wrong/i);
  });

  it("delivers digests over REST, posting once per idempotency key", async () => {
    const digest = { ...notice("Daily digest", "Nothing new @everyone."), ephemeral: false };
    const postsBefore = fake.channelMessages.length;
    const first = await adapter.deliver(FAKE_IDS.channel, digest, { idempotencyKey: "digest:7:3:2026-03-20" });
    const again = await adapter.deliver(FAKE_IDS.channel, digest, { idempotencyKey: "digest:7:3:2026-03-20" });
    const other = await adapter.deliver(FAKE_IDS.channel, digest, { idempotencyKey: "digest:8:3:2026-03-21" });
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(fake.channelMessages.length - postsBefore).toBe(2);
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === `/v10/channels/${FAKE_IDS.channel}/messages`).map((r) => r.body as SeenMessage & { nonce?: string; enforce_nonce?: boolean });
    expect(posts).toHaveLength(3);
    expect(posts[0]!.nonce).toBe(posts[1]!.nonce);
    expect(posts[0]!.nonce).not.toBe(posts[2]!.nonce);
    for (const post of posts) {
      expect(post.nonce!.length).toBeLessThanOrEqual(25);
      expect(post.enforce_nonce).toBe(true);
      expect(post.allowed_mentions).toEqual({ parse: [] });
    }
    const plain = await adapter.deliver(FAKE_IDS.channel, digest);
    expect(plain.messageId).not.toBe(first.messageId);
  });

  it("logs with context and never logs the bot token or an interaction token", () => {
    const all = JSON.stringify(logs());
    expect(all).not.toContain(fake.token);
    expect(all).not.toMatch(/itok-\d+/);
    expect(logs().find((l) => l.msg === "interaction answered" && l.command === "ask")).toMatchObject({ platform: "discord", user: ALICE.id, ms: expect.any(Number) });
    expect(fake.unknownRoutes).toEqual([]);
  });
});

describe("Discord over HTTP: lifecycle and modes", () => {
  it("finishes in-flight answers on stop and declines new interactions meanwhile", async () => {
    const base = createDispatcher({ knowledge: seedKnowledge, rateLimiter: createRateLimiter(1000) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bot = await startHttpBot({
      ...base,
      async run(request, invocation) {
        await gate;
        return base.run(request, invocation);
      },
    });
    try {
      const slow = interactOverHttp(bot.fake, bot.url, bot.keys, slashCommand({ name: "status" }));
      expect((await slow.response).body?.type).toBe(5);
      const stopping = bot.adapter.stop();
      expect(bot.adapter.isUp()).toBe(false);
      const late = await interactOverHttp(bot.fake, bot.url, bot.keys, slashCommand({ name: "status" })).answer();
      expect(late.message.flags).toBe(EPHEMERAL);
      expect(flattenMessage(late.message)).toMatch(/restarting/i);
      release();
      await stopping;
      expect(flattenMessage((await slow.answer()).message)).toContain("2026-03-19");
    } finally {
      release();
      await bot.adapter.stop();
      await bot.server.stop();
      await bot.fake.close();
    }
  });

  it("with a gateway too, connects to it and still serves HTTP interactions", async () => {
    const bot = await startHttpBot(createDispatcher({ knowledge: seedKnowledge, rateLimiter: createRateLimiter(1000) }), { gateway: true });
    try {
      expect(bot.adapter.mode).toBe("http+gateway");
      expect(bot.fake.identifies).toHaveLength(1);
      expect(bot.adapter.isUp()).toBe(true);
      const answer = await interactOverHttp(bot.fake, bot.url, bot.keys, slashCommand({ name: "status" })).answer();
      expect(flattenMessage(answer.message)).toContain("2026-03-19");
    } finally {
      await bot.adapter.stop();
      await bot.server.stop();
      await bot.fake.close();
    }
  });

  it("is served by Slack's HTTP receiver on its port, beside /slack/events", async () => {
    const fake = await startFakeDiscord();
    const keys = interactionKeys();
    const dispatcher = createDispatcher({ knowledge: seedKnowledge, rateLimiter: createRateLimiter(1000) });
    const adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, publicKey: keys.publicKeyHex, dispatcher, log: captureLogger().log });
    const slack = await startSlackHarness(dispatcher, { routes: adapter.routes });
    try {
      await adapter.start();
      const url = `${slack.baseUrl}${INTERACTIONS_PATH}`;
      expect((await postInteraction(url, keys, { id: "1", type: 1, application_id: FAKE_IDS.application, token: "ping", version: 1 })).body).toEqual({ type: 1 });
      expect((await postInteraction(url, interactionKeys(), { id: "1", type: 1, application_id: FAKE_IDS.application, token: "ping", version: 1 })).status).toBe(401);
      const answer = await interactOverHttp(fake, url, keys, slashCommand({ name: "status" })).answer();
      expect(flattenMessage(answer.message)).toContain("2026-03-19");
      expect(JSON.stringify((await slack.ask("status")).body)).toContain("2026-03-19");
    } finally {
      await adapter.stop();
      await slack.stop();
      await fake.close();
    }
  });

  it("rejects start with a bad token, naming nothing secret", async () => {
    const fake = await startFakeDiscord();
    const captured = captureLogger();
    const adapter = createDiscordAdapter({ token: "wrong-token-value", apiUrl: fake.apiUrl, publicKey: interactionKeys().publicKeyHex, dispatcher: createDispatcher({ knowledge: seedKnowledge }), log: captured.log });
    try {
      await expect(adapter.start()).rejects.toThrow();
      expect(adapter.isUp()).toBe(false);
      expect(JSON.stringify(captured.lines())).not.toContain("wrong-token-value");
      expect(fake.gatewayConnections).toEqual([]);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
