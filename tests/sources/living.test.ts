import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempSqliteStore } from "../support/stores.js";
import { followFeed, pollFeeds } from "../../src/sources/living.js";
import { seedKnowledge } from "../support/knowledge.js";

const ARTICLE = `<!doctype html><html><head><title>Microsoft and OpenAI resume talks</title>
<meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2026-12-02T09:00:00Z"></head>
<body><article><h1>Microsoft and OpenAI resume talks</h1>
<p>Microsoft and OpenAI resumed talks on Tuesday about the Amazon partnership, a day after Microsoft sued Amazon and OpenAI over Frontier.</p>
<p>The Azure exclusivity clause and stateless API calls remain at the centre of the talks between Microsoft, OpenAI and Amazon.</p>
</article></body></html>`;

let server: Server;
let host = "";
let articleFailures = 1;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://${host}/</link><description>d</description>
<item><title>Talks</title><link>http://${host}/talks.html</link></item></channel></rss>`);
      return;
    }
    if (articleFailures > 0) {
      articleFailures--;
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("busy");
      return;
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(ARTICLE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("feed polling", () => {
  it("tries an entry again after a server error, and adds it once it can be read", async () => {
    const { store: opened } = await tempSqliteStore("dispute-living-");
    const store = opened.articles;
    const k = seedKnowledge();
    const ctx = { store, documents: () => k.corpus.documents, topic: k.corpus.topic, allowHosts: host };
    await followFeed(`http://${host}/feed.xml`, ctx);
    const first = await pollFeeds(ctx);
    expect(first.added).toEqual([]);
    expect(first.skipped).toEqual([{ url: expect.stringContaining("talks"), reason: expect.stringMatching(/503/) }]);
    const second = await pollFeeds(ctx);
    expect(second.added.map((a) => a.title)).toEqual(["Microsoft and OpenAI resume talks"]);
    expect((await pollFeeds(ctx)).added).toEqual([]);
    await opened.close();
  });
});
