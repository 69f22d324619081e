import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthRoutes } from "../../../src/http/http-server.js";
import { seedDispatcher } from "../../support/knowledge.js";
import { FAKE_BOT_TOKEN } from "./fakes/fake-slack.js";
import { flattenMessage } from "./fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "./fakes/signed-requests.js";

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("Slack adapter: /dispute over HTTP", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher(), { routes: healthRoutes(() => ({ ok: true, passages: 42 }), () => ({ index: "not loaded" })) });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("checks the bot token with auth.test when it starts", () => {
    expect(h.fake.apiCalls.filter((c) => c.method === "auth.test")).toHaveLength(1);
    expect(h.adapter.isUp()).toBe(true);
    expect(h.adapter.mode).toBe("http");
  });

  it("acknowledges at once with an empty body and answers at the response URL, ephemeral, with a quote and its citation", async () => {
    const sent = await h.command("ask How much did Amazon commit to invest in OpenAI?");
    expect(sent.status).toBe(200);
    expect(sent.text).toBe("");
    const [answer] = await h.fake.waitForResponses(1, sent.id);
    const body = answer?.body ?? {};
    expect(body.response_type).toBe("ephemeral");
    expect(body.unfurl_links).toBe(false);
    expect(body.unfurl_media).toBe(false);
    expect(body).not.toHaveProperty("link_names");
    const blocks = body.blocks as { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
    expect(blocks.some((b) => b.type === "section" && b.text?.text.startsWith("> ") && b.text.text.includes("$50 billion"))).toBe(true);
    expect(blocks.some((b) => b.type === "context" && /¶\d+/.test(b.elements?.[0]?.text ?? ""))).toBe(true);
    expect(flattenMessage(body)).toContain("[Share in channel]");
  });

  it("answers an unknown subcommand with help", async () => {
    expect(flattenMessage((await h.ask("frobnicate")).body)).toMatch(/ask <question>/);
  });

  it("rejects a forged signature with 401 and answers nothing", async () => {
    const sent = await h.command("ask Is there a lawsuit yet?", { signature: "v0=0000000000000000000000000000000000000000000000000000000000000000" });
    expect(sent.status).toBe(401);
    const wrongSecret = await h.command("ask Is there a lawsuit yet?", { secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);
    await pause(300);
    expect(h.fake.responses.filter((r) => r.id === sent.id || r.id === wrongSecret.id)).toHaveLength(0);
    expect(h.fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
  });

  it("rejects a request whose timestamp is more than 5 minutes old", async () => {
    const sent = await h.command("ask Is there a lawsuit yet?", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(sent.status).toBe(401);
    await pause(200);
    expect(h.fake.responses.filter((r) => r.id === sent.id)).toHaveLength(0);
  });

  it("never sends mentions back unescaped, whether typed raw or as Slack escapes them", async () => {
    const answer = await h.ask("cite <!channel> and <@U123> and <!here|here> say &lt;!everyone&gt; Amazon invested $50 billion & more");
    const json = JSON.stringify(answer.body);
    for (const raw of ["<!channel>", "<@U123>", "<!here", "<!everyone>"]) expect(json).not.toContain(raw);
    expect(json).toContain("&lt;!everyone&gt;");
    expect(flattenMessage(answer.body)).toContain("@channel and @U123 and here say <!everyone> Amazon invested $50 billion & more");
  });

  it("gives a retried delivery (X-Slack-Retry-Num) no second answer", async () => {
    const first = await h.command("status");
    await h.fake.waitForResponses(1, first.id);
    const retry = await postSigned(h.eventsUrl, first.body, FORM, { retryNum: 1 });
    expect(retry.status).toBe(200);
    const retryAlone = await h.command("status", { retryNum: 2 });
    expect(retryAlone.status).toBe(200);
    await pause(400);
    expect(h.fake.responses.filter((r) => r.id === first.id)).toHaveLength(1);
    expect(h.fake.responses.filter((r) => r.id === retryAlone.id)).toHaveLength(0);
  });

  it("answers a repeated delivery of the same command (same trigger_id) once", async () => {
    const first = await h.command("sources");
    const again = await postSigned(h.eventsUrl, first.body, FORM);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    await h.fake.waitForResponses(1, first.id);
    await pause(400);
    expect(h.fake.responses.filter((r) => r.id === first.id)).toHaveLength(1);
  });

  it("acknowledges and answers 100 slash commands sent 10 at a time", async () => {
    const before = h.fake.responses.length;
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const sent = await Promise.all(
        Array.from({ length: 10 }, (_, i) => h.command(i % 2 === 0 ? "ask Is there a lawsuit yet?" : "positions openai", { fields: { user_id: `ULOAD${batch}x${i}` } })),
      );
      expect(sent.map((s) => s.status)).toEqual(Array(10).fill(200));
      ids.push(...sent.map((s) => s.id));
    }
    await h.fake.waitForResponses(before + 100, undefined, 60_000);
    for (const id of ids) expect(h.fake.responses.filter((r) => r.id === id)).toHaveLength(1);
  });

  it("answers GET /healthz with 200 and the health JSON", async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ ok: true, passages: 42 });
  });

  it("answers GET /readyz on the same port with 503 naming what is not ready", async () => {
    const response = await fetch(`${h.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, checks: { index: "not loaded" } });
  });

  it("logs with context objects and never logs the token or signing secret", () => {
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === "slash command answered" && l.platform === "slack" && l.user === "U0001" && typeof l.ms === "number")).toBe(true);
    const all = h.logs.join("");
    expect(all).not.toContain(FAKE_BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain("/respond/");
  });
});

describe("Slack adapter: stopping", () => {
  it("finishes answers in flight, then stops listening", async () => {
    const h = await startSlackHarness(seedDispatcher());
    const sent = await h.command("timeline");
    expect(sent.status).toBe(200);
    await h.adapter.stop();
    expect(h.adapter.isUp()).toBe(false);
    expect(h.fake.responses.filter((r) => r.id === sent.id)).toHaveLength(1);
    await expect(postSigned(h.eventsUrl, slashCommandBody("status", h.fake.responseUrl("late")), FORM)).rejects.toThrow();
    await h.fake.close();
  });

  it("refuses to start when Slack rejects the bot token", async () => {
    await expect(startSlackHarness(seedDispatcher(), { botToken: "xoxb-wrong" })).rejects.toThrow(/did not accept the bot token/);
  });

  it("says it could not reach Slack, naming the URL, when the Web API does not answer", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const apiUrl = `http://127.0.0.1:${closed}/api/`;
    const failure = startSlackHarness(seedDispatcher(), { apiUrl, outgoing: { webApi: { retries: 0 } } });
    await expect(failure).rejects.toThrow(`could not reach Slack at ${apiUrl}: `);
    await expect(failure).rejects.toThrow(/ECONNREFUSED/);
    await expect(failure).rejects.not.toThrow(/did not accept the bot token/);
  });
});
