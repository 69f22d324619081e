import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDispatcher } from "../../support/knowledge.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { rawRequest } from "./fakes/raw-requests.js";
import { FORM, postSigned, signature, slashCommandBody } from "./fakes/signed-requests.js";

const MB = 1024 * 1024;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function signedHeaders(body: string, contentType: string, timestamp = nowSeconds()): Record<string, string> {
  return { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature(body, timestamp) };
}

describe("Slack adapter: hostile requests to /slack/events", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher());
  });
  afterAll(async () => {
    await h.stop();
  });

  it("refuses a declared oversized body with 413 before reading it", async () => {
    const sent = await rawRequest(h.eventsUrl, {
      headers: { "content-type": FORM, "content-length": String(600 * MB), "x-slack-signature": "v0=00", "x-slack-request-timestamp": String(nowSeconds()) },
      chunks: ["a=1"],
      leaveOpen: true,
    });
    expect(sent.status).toBe(413);
  });

  it("refuses a chunked body with 413 once it passes 1 MB, while it is still streaming", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const sent = await rawRequest(h.eventsUrl, {
      headers: { "content-type": FORM, "transfer-encoding": "chunked", "x-slack-signature": "v0=00", "x-slack-request-timestamp": String(nowSeconds()) },
      chunks: Array.from({ length: 64 }, () => chunk),
      leaveOpen: true,
    });
    expect(sent.status).toBe(413);
    expect(h.logs.join("")).toMatch(/refused a malformed or unsigned request/);
  });

  it("still accepts a signed request just under the limit", async () => {
    const id = randomUUID();
    const body = `${slashCommandBody("status", h.fake.responseUrl(id))}&pad=${"x".repeat(MB - 2000)}`;
    const sent = await postSigned(h.eventsUrl, body, FORM);
    expect(sent.status).toBe(200);
    await h.fake.waitForResponses(1, id);
  });

  it.each([
    ["payload=null", FORM],
    ["payload=1", FORM],
    ["payload=%5B%5D", FORM],
    ["payload=%7B", FORM],
    ["null", "application/json"],
    ["[]", "application/json"],
    ["\"text\"", "application/json"],
  ])("answers a signed body %s (%s) with 400 and keeps running", async (body, contentType) => {
    const sent = await rawRequest(h.eventsUrl, { headers: signedHeaders(body, contentType), chunks: [body] });
    expect(sent.status).toBe(400);
    const answer = await h.ask("status");
    expect(answer.body.response_type).toBe("ephemeral");
  });

  it.each([
    ["10 minutes ahead", 10 * 60],
    ["a year ahead", 365 * 24 * 3600],
    ["6 minutes behind", -6 * 60],
  ])("rejects a signed request whose timestamp is %s with 401", async (_label, offset) => {
    const sent = await h.command("status", { timestamp: nowSeconds() + offset });
    expect(sent.status).toBe(401);
  });

  it("accepts a signed request whose timestamp is 4 minutes ahead or behind", async () => {
    for (const offset of [4 * 60, -4 * 60]) {
      const sent = await h.command("status", { timestamp: nowSeconds() + offset });
      expect(sent.status).toBe(200);
      await h.fake.waitForResponses(1, sent.id);
    }
  });

  it("still answers Slack's unsigned ssl_check", async () => {
    const body = "ssl_check=1&token=x";
    const sent = await rawRequest(h.eventsUrl, { headers: { "content-type": FORM }, chunks: [body] });
    expect(sent.status).toBe(200);
  });
});
