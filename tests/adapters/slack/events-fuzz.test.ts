import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDispatcher } from "../../support/knowledge.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { rawRequest } from "./fakes/raw-requests.js";
import { FORM, signature } from "./fakes/signed-requests.js";

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null");
const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  jsonValue,
  jsonValue.map((json) => `payload=${encodeURIComponent(json)}`),
  fc.dictionary(fc.constantFrom("ssl_check", "payload", "command", "text", "type", "token", "trigger_id"), printable, { maxKeys: 4 }).map((d) => new URLSearchParams(d).toString()),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);
const request = fc.record({
  method: fc.constantFrom("POST", "POST", "POST", "GET", "PUT"),
  path: fc.constantFrom("/slack/events", "/slack/events?x=1", "/slack/events/", "/healthz", "//", "/%zz"),
  contentType: fc.option(fc.oneof(fc.constantFrom(FORM, "application/json", `${FORM}; charset=utf-8`, "text/plain"), printable), { nil: undefined }),
  signed: fc.boolean(),
  timestampOffset: fc.oneof(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -1e9, max: 1e9 })),
  timestampText: fc.option(printable, { nil: undefined }),
  signatureText: fc.option(printable, { nil: undefined }),
  // only lengths over the limit: a body shorter than its declared length would just wait for the rest
  declaredLength: fc.option(fc.constantFrom(2 * 1024 * 1024, 600 * 1024 * 1024), { nil: undefined }),
  retry: fc.option(printable, { nil: undefined }),
  body,
});

describe("Slack adapter: fuzzed requests to /slack/events", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher());
  });
  afterAll(async () => {
    await h.stop();
  });

  it("answers any body and headers with a status below 500, keeps serving, and keeps memory bounded", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const raw = typeof r.body === "string" ? r.body : r.body.toString("latin1");
        const timestamp = r.timestampText ?? String(Math.floor(Date.now() / 1000) + r.timestampOffset);
        const headers: Record<string, string> = { "x-slack-request-timestamp": timestamp };
        if (r.contentType !== undefined) headers["content-type"] = r.contentType;
        headers["x-slack-signature"] = r.signed ? signature(typeof r.body === "string" ? r.body : r.body.toString("utf8"), Number(timestamp)) : (r.signatureText ?? "v0=00");
        if (r.retry !== undefined) headers["x-slack-retry-num"] = r.retry;
        const sendsBody = r.method !== "GET";
        if (sendsBody && r.declaredLength !== undefined && r.declaredLength > Buffer.byteLength(raw)) headers["content-length"] = String(r.declaredLength);
        const sent = await rawRequest(`${h.baseUrl}${r.path}`, {
          method: r.method,
          headers,
          chunks: sendsBody ? [typeof r.body === "string" ? r.body : r.body] : [],
          leaveOpen: headers["content-length"] !== undefined,
          timeoutMs: 8000,
        }).catch((error: Error) => ({ status: 0, error: error.message }));
        expect(sent.status, JSON.stringify({ r: { ...r, body: raw.slice(0, 100) }, sent })).toBeGreaterThan(0);
        expect(sent.status).toBeLessThan(500);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 40_000, seed: 20260319 },
    );
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect((await h.ask("status")).body.response_type).toBe("ephemeral");
    (globalThis as { gc?: () => void }).gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 90_000);
});
