import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notice } from "../../src/reply/reply.js";
import { createDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { ChatAdapter } from "../../src/adapters/types.js";
import { createLogger } from "../../src/log.js";
import { seedDispatcher } from "../support/knowledge.js";
import { interact, startFakeDiscord, type FakeDiscord } from "./discord/fake-discord.js";
import { FAKE_IDS, slashCommand } from "./discord/fake-payloads.js";
import { flattenMessage as flattenDiscord } from "./discord/flatten.js";
import { FAKE_BOT_TOKEN } from "./slack/fakes/fake-slack.js";
import { flattenMessage as flattenSlack } from "./slack/fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./slack/fakes/harness.js";
import { SIGNING_SECRET } from "./slack/fakes/signed-requests.js";

/** pino's numeric levels. */
const WARN = 40;
const ERROR = 50;

type Line = Record<string, unknown> & { level: number; msg: string };

const parse = (raw: readonly string[]): Line[] => raw.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((l) => JSON.parse(l) as Line);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
async function eventually<T>(check: () => T | undefined, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

describe("Slack adapter when Slack fails or hangs", () => {
  let h: SlackHarness;
  const lines = (): Line[] => parse(h.logs);
  const errorsAbout = (msg: string): Line[] => lines().filter((l) => l.level === ERROR && l.msg === msg);

  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher(), {
      outgoing: {
        webApi: { timeoutMs: 1_000, retries: 2, minDelayMs: 50, maxDelayMs: 100 },
        responseUrl: { attempts: 3, timeoutMs: 1_000, baseDelayMs: 50, maxDelayMs: 100, maxRetryAfterMs: 5_000 },
      },
    });
  });
  afterEach(() => h.fake.clearFailures());
  afterAll(async () => {
    await h.stop();
  });

  it("retries a response URL answering 500 twice, then gives up with an error line, and keeps answering", async () => {
    const before = errorsAbout("could not answer a slash command").length;
    h.fake.failResponses(undefined, { status: 500 }, 3);
    const sent = await h.command("ask How much did Amazon commit to invest in OpenAI?");
    expect(sent.status).toBe(200);
    const line = await eventually(() => errorsAbout("could not answer a slash command")[before], 10_000, "the error line");
    expect(h.fake.responseAttempts.filter((a) => a.id === sent.id).map((a) => a.outcome)).toEqual([500, 500, 500]);
    expect(line).toMatchObject({ platform: "slack", user: "U0001", command: "ask", err: { name: "ResponseUrlError", status: 500, code: "http_status" } });
    expect(lines().filter((l) => l.level === WARN && l.msg === "posting to a response URL failed; retrying")).toHaveLength(2);

    const later = await h.ask("ask Is there a lawsuit yet?");
    expect(flattenSlack(later.body)).toMatch(/¶\d+/);
  });

  it("does not retry a response URL that answers 404 (expired)", async () => {
    const before = errorsAbout("could not answer a slash command").length;
    const id = "expired";
    h.fake.failResponses(id, { status: 404 });
    await h.command("status", { fields: { response_url: h.fake.responseUrl(id) } });
    const line = await eventually(() => errorsAbout("could not answer a slash command")[before], 10_000, "the error line");
    expect(line.err).toMatchObject({ status: 404, code: "http_status" });
    await pause(200);
    expect(h.fake.responseAttempts.filter((a) => a.id === id).map((a) => a.outcome)).toEqual([404]);
  });

  it("waits out a 429's Retry-After on a response URL, then answers", async () => {
    h.fake.failResponses(undefined, { status: 429, retryAfter: 1 }, 1);
    const started = Date.now();
    const answer = await h.ask("status");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.fake.responseAttempts.filter((a) => a.id === answer.id).map((a) => a.outcome)).toEqual([429, 200]);
    expect(flattenSlack(answer.body)).toContain("2026");
  });

  it("gives up on a response URL that stays rate limited after its attempts", async () => {
    const before = errorsAbout("could not answer a slash command").length;
    const id = "rate-limited";
    h.fake.failResponses(id, { status: 429, retryAfter: 1 });
    await h.command("sources", { fields: { response_url: h.fake.responseUrl(id) } });
    await eventually(() => errorsAbout("could not answer a slash command")[before], 10_000, "the error line");
    expect(h.fake.responseAttempts.filter((a) => a.id === id).map((a) => a.outcome)).toEqual([429, 429, 429]);
  });

  it("gives up on a response URL that never answers, while other commands are answered meanwhile", async () => {
    const before = errorsAbout("could not answer a slash command").length;
    const id = "hanging";
    h.fake.failResponses(id, "hang");
    await h.command("ask Is there a lawsuit yet?", { fields: { response_url: h.fake.responseUrl(id) } });
    const other = await h.ask("ask Who is piloting Frontier?");
    expect(flattenSlack(other.body)).toMatch(/¶\d+/);
    const line = await eventually(() => errorsAbout("could not answer a slash command")[before], 10_000, "the error line");
    expect(line.err).toMatchObject({ name: "ResponseUrlError", code: "timeout" });
    expect(h.fake.responseAttempts.filter((a) => a.id === id).map((a) => a.outcome)).toEqual(["hang", "hang", "hang"]);
  });

  it("retries chat.postMessage through a 500, and gives up with an error line when it persists", async () => {
    h.fake.failApi("chat.postMessage", { status: 500 }, 1);
    const posts = (): number => h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").length;
    const first = posts();
    await expect(h.adapter.deliver("C0001", notice("Daily digest", "Nothing new."))).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(posts() - first).toBe(2);

    h.fake.failApi("chat.postMessage", { status: 500 });
    const second = posts();
    await expect(h.adapter.deliver("C0001", notice("Daily digest", "Nothing new."))).rejects.toThrow(/C0001/);
    expect(posts() - second).toBe(3);
    expect(errorsAbout("could not deliver a reply").at(-1)).toMatchObject({ channel: "C0001", err: { status: 500 } });
  });

  it("honours Retry-After on chat.postMessage and keeps answering commands while it waits", async () => {
    h.fake.failApi("chat.postMessage", { status: 429, retryAfter: 1 }, 1);
    const started = Date.now();
    const delivery = h.adapter.deliver("C0001", notice("Daily digest", "Nothing new."));
    const answer = await h.ask("status");
    expect(flattenSlack(answer.body)).toContain("2026");
    await expect(delivery).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("gives up on chat.postMessage that stays rate limited", async () => {
    h.fake.failApi("chat.postMessage", { status: 429, retryAfter: 1 });
    const before = errorsAbout("could not deliver a reply").length;
    await expect(h.adapter.deliver("C0001", notice("Daily digest", "Nothing new."))).rejects.toThrow(/C0001/);
    expect(errorsAbout("could not deliver a reply")).toHaveLength(before + 1);
  });

  it("gives up on chat.postMessage that never answers", async () => {
    h.fake.failApi("chat.postMessage", "hang");
    const posts = (): number => h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").length;
    const first = posts();
    await expect(h.adapter.deliver("C0001", notice("Daily digest", "Nothing new."))).rejects.toThrow(/C0001/);
    expect(posts() - first).toBe(3);
  });

  it("never logs the bot token, the signing secret or a response URL", () => {
    const all = h.logs.join("");
    expect(all).not.toContain(FAKE_BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain("/respond/");
  });
});

describe("Discord adapter when Discord fails or hangs", () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const raw: string[] = [];
  const lines = (): Line[] => parse(raw);
  const errorsAbout = (msg: string): Line[] => lines().filter((l) => l.level === ERROR && l.msg === msg);
  const tokens: string[] = [];
  const ask = (question: string) => {
    const payload = slashCommand({ name: "ask", options: { question } });
    tokens.push(payload.token);
    return payload;
  };
  const callbackOf = (token: string): RegExp => new RegExp(`/interactions/\\d+/${token}/callback$`);
  const requestsFor = (token: string, method: string): number => fake.requests.filter((r) => r.interactionToken === token && r.method === method).length;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw.push(chunk.toString("utf8"));
        done();
      },
    });
    adapter = createDiscordAdapter({
      token: fake.token,
      apiUrl: fake.apiUrl,
      dispatcher: seedDispatcher(),
      log: createLogger("debug", sink),
      rest: { timeoutMs: 1_000, retries: 1, rateLimitRetries: 1, maxRateLimitWaitMs: 5_000 },
    });
    await adapter.start();
  });
  afterEach(() => fake.clearFailures());
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  it("gives up on an interaction whose callbacks answer 500, with error lines, and answers the next one", async () => {
    const before = errorsAbout("could not send the error reply").length;
    const failing = ask("How much did Amazon commit to invest in OpenAI?");
    fake.failWith("POST", callbackOf(failing.token), { status: 500 });
    interact(fake, failing);
    await eventually(() => errorsAbout("could not send the error reply")[before], 10_000, "the error line");
    // the defer and the error reply, each tried twice (retries: 1)
    expect(requestsFor(failing.token, "POST")).toBe(4);
    expect(lines().find((l) => l.level === ERROR && l.msg === "interaction failed" && (l.err as { status?: number }).status === 500)).toMatchObject({ platform: "discord", command: "ask" });

    const answer = await interact(fake, ask("Is there a lawsuit yet?")).answer();
    expect(flattenDiscord(answer.message)).toMatch(/¶\d+/);
  });

  it("waits out a 429's Retry-After on the defer, then answers", async () => {
    const payload = ask("Who is piloting Frontier?");
    fake.failWith("POST", callbackOf(payload.token), { status: 429, retryAfter: 1 }, 1);
    const started = Date.now();
    const answer = await interact(fake, payload).answer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requestsFor(payload.token, "POST")).toBe(2);
    expect(flattenDiscord(answer.message)).toMatch(/¶\d+/);
  });

  it("gives up when the defer stays rate limited", async () => {
    const before = errorsAbout("could not send the error reply").length;
    const payload = ask("When was the deal announced?");
    fake.failWith("POST", callbackOf(payload.token), { status: 429, retryAfter: 1 });
    interact(fake, payload);
    const line = await eventually(() => errorsAbout("could not send the error reply")[before], 10_000, "the error line");
    expect(line.err).toMatchObject({ name: expect.stringMatching(/^RateLimitError/), retryAfterMs: expect.any(Number) });
    // each of the defer and the error reply: one 429 waited out, the second one gives up
    expect(requestsFor(payload.token, "POST")).toBe(4);
  });

  it("gives up on an edit that never answers, while other interactions are answered meanwhile", async () => {
    const before = errorsAbout("could not send the error reply").length;
    const payload = ask("Where does the SRE run?");
    fake.failWith("PATCH", new RegExp(`/webhooks/\\d+/${payload.token}/messages/@original$`), "hang");
    const exchange = interact(fake, payload);
    await exchange.firstCallback();
    const other = await interact(fake, ask("How many GW of Trainium?")).answer();
    expect(flattenDiscord(other.message)).toMatch(/¶\d+/);
    await eventually(() => errorsAbout("could not send the error reply")[before], 10_000, "the error line");
    // the answer and the error reply, each tried twice
    expect(requestsFor(payload.token, "PATCH")).toBe(4);
    expect(lines().find((l) => l.level === ERROR && l.msg === "interaction failed" && JSON.stringify(l.err).includes("Abort"))).toBeDefined();
  });

  it("delivers through one 500, and gives up with an error line when it persists", async () => {
    const route = new RegExp(`/channels/${FAKE_IDS.channel}/messages$`);
    fake.failWith("POST", route, { status: 500 }, 1);
    await expect(adapter.deliver(FAKE_IDS.channel, notice("Daily digest", "Nothing new."))).resolves.toMatchObject({ messageId: expect.any(String) });
    fake.failWith("POST", route, { status: 500 });
    await expect(adapter.deliver(FAKE_IDS.channel, notice("Daily digest", "Nothing new."))).rejects.toThrow(FAKE_IDS.channel);
    expect(errorsAbout("could not deliver a reply").at(-1)).toMatchObject({ channel: FAKE_IDS.channel, err: { status: 500 } });
  });

  it("never logs the bot token or an interaction token", () => {
    const all = raw.join("");
    expect(all).not.toContain(fake.token);
    for (const token of tokens) expect(all).not.toContain(token);
    expect(fake.unknownRoutes).toEqual([]);
  });
});
