import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../commands/dispatch.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import type { Invocation } from "../../commands/types.js";
import { createHttpServer } from "../../src/http/http-server.js";
import { METRICS_PATH, metricsRoute } from "../../src/http/metrics-route.js";
import { COMMAND_DURATION_BUCKETS, createBotMetrics } from "../../src/metrics/bot-metrics.js";
import { seedKnowledge } from "../support/knowledge.js";
import { isAbstention } from "../../src/reply/reply.js";
import { growth, key, scrape } from "./scrape.js";

const metrics = createBotMetrics();
const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: [metricsRoute(metrics)] });
let url = "";
beforeAll(async () => {
  url = `http://127.0.0.1:${await server.start()}${METRICS_PATH}`;
});
afterAll(() => server.stop());

const knowledge = seedKnowledge();
let broken = false;
/** Every command takes 7 ms on this clock: it moves 7 ms each time it is read after a start. */
let ticks = 0;
const clock = (): number => (ticks++ % 2 === 0 ? 1000 : 1007);
const dispatcher = createDispatcher({
  knowledge: () => {
    if (broken) throw new Error("the index went away");
    return knowledge;
  },
  rateLimiter: createRateLimiter(2),
  metrics,
  clock,
});

let users = 0;
/** A new user each time (so the rate limit of 2 a minute stays out of the way), unless one is named. */
const from = (platform: Invocation["platform"], user = `U-${platform}-${users++}`): Invocation => ({
  platform,
  user: { id: user, name: "Ada" },
  channel: { id: "C-SECRET-CHANNEL" },
  canManageChannel: true,
  now: new Date(Date.UTC(2026, 2, 20)),
});

describe("command metrics at GET /metrics", () => {
  it("counts every command once by platform, command and outcome, and times each", async () => {
    const before = await scrape(url, metrics.contentType);

    expect((await dispatcher.runText("ask Which AWS chips will OpenAI use?", from("slack"))).kind).toBe("answer");
    expect((await dispatcher.runText("ask How much is Amazon investing in OpenAI?", from("slack"))).kind).toBe("answer");
    expect(isAbstention(await dispatcher.runText("ask What is the capital of France?", from("slack")))).toBe(true);
    expect((await dispatcher.runText("ask", from("slack"))).title).toBe("Usage");
    expect((await dispatcher.runText("frobnicate the thing", from("slack"))).text).toMatch(/I don't know/);
    expect((await dispatcher.runText("digest list", from("slack"))).title).toBe("Digests are not available");
    expect((await dispatcher.runText("sources remove web_123", from("slack"))).kind).toBe("error");
    for (let i = 0; i < 3; i++) await dispatcher.runText("status", from("discord", "U-FAST"));
    expect((await dispatcher.run({ name: "positions", options: {} }, from("discord"))).kind).toBe("answer");
    expect((await dispatcher.findSources("   ", from("discord"))).title).toBe("Nothing to look up");
    expect((await dispatcher.findSources("Amazon is investing $50 billion in OpenAI", from("discord"))).kind).toBe("answer");
    expect((await dispatcher.runText("", from("console"))).title).toMatch(/help/i);
    broken = true;
    expect((await dispatcher.runText("status", from("cli"))).title).toBe("Something went wrong");
    broken = false;

    const after = await scrape(url, metrics.contentType);
    expect(after.types.get("dispute_commands_total")).toBe("counter");
    expect(growth(before, after, "dispute_commands_total")).toEqual({
      [key({ platform: "slack", command: "ask", outcome: "answered" })]: 2,
      [key({ platform: "slack", command: "ask", outcome: "abstained" })]: 1,
      [key({ platform: "slack", command: "ask", outcome: "refused" })]: 1,
      [key({ platform: "slack", command: "unknown", outcome: "refused" })]: 1,
      [key({ platform: "slack", command: "digest list", outcome: "refused" })]: 1,
      [key({ platform: "slack", command: "sources", outcome: "refused" })]: 1,
      [key({ platform: "discord", command: "status", outcome: "answered" })]: 2,
      [key({ platform: "discord", command: "status", outcome: "refused" })]: 1,
      [key({ platform: "discord", command: "positions", outcome: "answered" })]: 1,
      [key({ platform: "discord", command: "cite", outcome: "refused" })]: 1,
      [key({ platform: "discord", command: "cite", outcome: "answered" })]: 1,
      [key({ platform: "console", command: "help", outcome: "answered" })]: 1,
      [key({ platform: "cli", command: "status", outcome: "error" })]: 1,
    });

    // the histogram counts each command once, at 7 ms: above the 5 ms bucket, within the 10 ms one
    const name = "dispute_command_duration_seconds";
    expect(after.types.get(name)).toBe("histogram");
    expect(growth(before, after, `${name}_count`)).toEqual({
      [key({ platform: "slack", command: "ask" })]: 4,
      [key({ platform: "slack", command: "unknown" })]: 1,
      [key({ platform: "slack", command: "digest list" })]: 1,
      [key({ platform: "slack", command: "sources" })]: 1,
      [key({ platform: "discord", command: "status" })]: 3,
      [key({ platform: "discord", command: "positions" })]: 1,
      [key({ platform: "discord", command: "cite" })]: 2,
      [key({ platform: "console", command: "help" })]: 1,
      [key({ platform: "cli", command: "status" })]: 1,
    });
    const ask = { platform: "slack", command: "ask" };
    expect(after.value(`${name}_sum`, ask) - before.value(`${name}_sum`, ask)).toBeCloseTo(4 * 0.007, 9);
    expect(after.value(`${name}_bucket`, { ...ask, le: "0.005" })).toBe(0);
    expect(after.value(`${name}_bucket`, { ...ask, le: "0.01" })).toBe(after.value(`${name}_count`, ask));
    expect(after.value(`${name}_bucket`, { ...ask, le: "+Inf" })).toBe(after.value(`${name}_count`, ask));
    const buckets = after.series(`${name}_bucket`).filter((s) => s.labels.platform === "slack" && s.labels.command === "ask");
    expect(buckets.map((s) => s.labels.le)).toEqual([...COMMAND_DURATION_BUCKETS.map(String), "+Inf"]);
  });

  it("puts no user, channel or typed text in any label", async () => {
    await dispatcher.runText("ask Is there a lawsuit yet?", from("slack", "U-PRIVATE-USER"));
    await dispatcher.runText("frobnicate-secretword", from("slack", "U-PRIVATE-USER"));
    const text = await (await fetch(url)).text();
    for (const secret of ["U-PRIVATE-USER", "C-SECRET-CHANNEL", "lawsuit", "frobnicate", "secretword", "Ada"]) expect(text).not.toContain(secret);
  });

  it("serves Node's process metrics from the bot's own registry", async () => {
    const other = createBotMetrics();
    other.command({ platform: "slack", command: "ask", outcome: "answered", seconds: 0.002 });
    const exposition = await scrape(url, metrics.contentType);
    expect(exposition.types.get("process_cpu_user_seconds_total")).toBe("counter");
    expect(exposition.series("nodejs_heap_size_used_bytes")).toHaveLength(1);
    // a second set of metrics counts on its own
    const alone = (await other.text()).split("\n").filter((l) => l.startsWith("dispute_commands_total{"));
    expect(alone).toEqual(['dispute_commands_total{platform="slack",command="ask",outcome="answered"} 1']);
  });

  it("answers HEAD with the content type and no body", async () => {
    const res = await fetch(url, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(metrics.contentType);
    expect(await res.text()).toBe("");
  });
});
