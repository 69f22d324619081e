import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDigestRunner } from "../../src/digest/runner.js";
import { createDigestService } from "../../src/digest/service.js";
import { openMemoryStore, openStore } from "../../src/db/open-store.js";
import { createHttpServer } from "../../src/http/http-server.js";
import { METRICS_PATH, metricsRoute } from "../../src/http/metrics-route.js";
import { createBotMetrics } from "../../src/metrics/bot-metrics.js";
import { addArticle, followFeed, pollFeeds, type LivingSourcesContext } from "../../src/sources/living.js";
import { startServer, type TestServer } from "../sources/web/server.js";
import { seedKnowledge } from "../support/knowledge.js";
import { growth, key, scrape } from "./scrape.js";

const page = (title: string, paragraphs: readonly string[]): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2026-12-01T09:00:00Z"></head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;

const SUIT = page("Microsoft sues Amazon and OpenAI", [
  "Microsoft filed a lawsuit against Amazon and OpenAI on Monday, saying the Frontier deal on AWS breaches its exclusive Azure contract with OpenAI.",
  "Amazon and OpenAI said the Stateful Runtime Environment on Bedrock does not break any agreement and that they would fight the suit.",
]);
const TALKS = page("Microsoft and OpenAI resume talks", [
  "Microsoft and OpenAI resumed talks on Tuesday about the Amazon partnership, a day after Microsoft sued Amazon and OpenAI over Frontier.",
  "The Azure exclusivity clause and stateless API calls remain at the centre of the talks between Microsoft, OpenAI and Amazon.",
]);
const PIZZA = page("The best pizza in Naples", [
  "Naples has more pizzerias per street than any other city, and the oldest of them still bake in wood-fired ovens built a century ago.",
  "A true Neapolitan pizza has a soft, blistered crust, San Marzano tomatoes, fresh mozzarella and a few leaves of basil, and nothing else.",
  "Queues form at lunchtime outside the famous places on Via dei Tribunali, where a margherita still costs only a few euros.",
]);

const html = (body: string) => (_req: unknown, res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
};

let web: TestServer;
const metrics = createBotMetrics();
const http = createHttpServer({ port: 0, host: "127.0.0.1", routes: [metricsRoute(metrics)] });
let url = "";
beforeAll(async () => {
  web = await startServer({
    "/suit.html": html(SUIT),
    "/talks.html": html(TALKS),
    "/pizza.html": html(PIZZA),
    "/busy.html": (_req, res) => void res.writeHead(503, { "content-type": "text/plain" }).end("busy"),
    "/feed.xml": (_req, res, base) =>
      void res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<link>${base}/</link><description>d</description>${["talks", "pizza", "busy"].map((p) => `<item><title>${p}</title><link>${base}/${p}.html</link></item>`).join("")}</channel></rss>`),
  });
  url = `http://127.0.0.1:${await http.start()}${METRICS_PATH}`;
});
afterAll(async () => {
  await http.stop();
  await web.close();
});

describe("digest, source and feedback metrics at GET /metrics", () => {
  it("start at zero for every state, result and vote", async () => {
    const fresh = createBotMetrics();
    const lines = (await fresh.text()).split("\n");
    for (const line of [
      'dispute_digests_total{state="sent"} 0',
      'dispute_digests_total{state="failed"} 0',
      'dispute_digests_total{state="skipped"} 0',
      'dispute_sources_total{result="added"} 0',
      'dispute_sources_total{result="refused"} 0',
      'dispute_sources_total{result="failed"} 0',
      'dispute_feedback_total{vote="up"} 0',
      'dispute_feedback_total{vote="down"} 0',
    ])
      expect(lines).toContain(line);
  });

  it("counts the digests the runner sent, failed and skipped", async () => {
    const db = openMemoryStore();
    const store = db.digests;
    const knowledge = seedKnowledge();
    const service = createDigestService({ store, knowledge: () => knowledge });
    const subscribe = (channel: string, mode: "daily" | "changes") =>
      service.subscribe({ platform: "slack", channel, time: "08:00", timeZone: "UTC", mode, subscriber: "U1", now: new Date("2026-03-19T00:00:00Z") });
    for (const channel of ["C-OK-1", "C-OK-2", "C-DOWN"]) await subscribe(channel, "daily");
    await subscribe("C-QUIET", "changes");
    const runner = createDigestRunner({
      store,
      knowledge: () => knowledge,
      deliver: async (_platform, channel) => {
        if (channel === "C-DOWN") throw new Error("channel_not_found");
        return { messageId: `m-${channel}` };
      },
      log: pino({ level: "silent" }),
      retryDelaysMs: [0],
      metrics,
    });
    const before = await scrape(url, metrics.contentType);
    const report = await runner.tick(new Date("2026-03-20T08:00:00Z"));
    await runner.tick(new Date("2026-03-20T08:01:00Z")); // nothing is due twice: no more counts
    const after = await scrape(url, metrics.contentType);
    await db.close();
    expect([report.sent.length, report.failed.length, report.skipped.length]).toEqual([2, 1, 1]);
    expect(after.types.get("dispute_digests_total")).toBe("counter");
    expect(growth(before, after, "dispute_digests_total")).toEqual({ [key({ state: "sent" })]: 2, [key({ state: "failed" })]: 1, [key({ state: "skipped" })]: 1 });
  });

  it("counts articles added, refused and failed, by URL and from feeds", async () => {
    const db = await openStore({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "dispute-metrics-")), "bot.db") });
    const store = db.articles;
    const knowledge = seedKnowledge();
    const ctx: LivingSourcesContext = { store, documents: () => knowledge.corpus.documents, topic: knowledge.corpus.topic, allowHosts: web.hostPort, metrics };
    const before = await scrape(url, metrics.contentType);

    expect(await addArticle(`${web.base}/suit.html`, ctx)).toHaveProperty("added");
    expect(await addArticle(`${web.base}/suit.html?utm_source=x`, ctx)).toHaveProperty("duplicate"); // refused: already served
    await expect(addArticle("ftp://example.test/suit", ctx)).rejects.toThrow(/not an http or https URL/); // refused
    await expect(addArticle(`${web.base}/talks.html`, { ...ctx, allowHosts: undefined })).rejects.toThrow(/loopback address; not fetched/); // refused
    await expect(addArticle(`${web.base}/missing.html`, ctx)).rejects.toThrow(/404/); // failed
    const between = await scrape(url, metrics.contentType);
    expect(growth(before, between, "dispute_sources_total")).toEqual({ [key({ result: "added" })]: 1, [key({ result: "refused" })]: 3, [key({ result: "failed" })]: 1 });

    await followFeed(`${web.base}/feed.xml`, ctx);
    const poll = await pollFeeds(ctx);
    expect(poll.added.map((a) => a.title)).toEqual(["Microsoft and OpenAI resume talks"]);
    expect(poll.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/not about the story/), expect.stringMatching(/503/)]);
    const after = await scrape(url, metrics.contentType);
    await db.close();
    expect(growth(between, after, "dispute_sources_total")).toEqual({ [key({ result: "added" })]: 1, [key({ result: "refused" })]: 1, [key({ result: "failed" })]: 1 });
  });

  it("counts feedback votes through metrics.feedback", async () => {
    const before = await scrape(url, metrics.contentType);
    metrics.feedback("up");
    metrics.feedback("up");
    metrics.feedback("down");
    const after = await scrape(url, metrics.contentType);
    expect(growth(before, after, "dispute_feedback_total")).toEqual({ [key({ vote: "up" })]: 2, [key({ vote: "down" })]: 1 });
  });
});
