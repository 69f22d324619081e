import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Topic } from "../../../src/knowledge/types.js";
import {
  aboutTheStory,
  canonicalUrl,
  extractArticle,
  FetchError,
  nearDuplicate,
  parseFeed,
  safeFetch,
  type FetchedBody,
} from "../../../src/sources/web/index.js";
import { startServer, type TestServer } from "./server.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const topic = JSON.parse(readFileSync(new URL("../../../seeds/topic.json", import.meta.url), "utf8")) as Topic;

/** The newsroom article's body, republished by another site with its own furniture. */
function syndicatedCopy(): string {
  const newsroom = fixture("newsroom.html");
  const body = newsroom.slice(newsroom.indexOf('<div class="story-body"'), newsroom.indexOf('<div class="article-tags">'));
  return `<!doctype html><html><head><title>Microsoft weighs legal action over OpenAI deal - Partner Wire</title>
<meta property="og:site_name" content="Partner Wire"><link rel="canonical" href="https://www.dailyledger.example/tech/2026/03/18/microsoft-weighs-legal-action"></head>
<body><div class="topbar"><a href="/">Partner Wire home</a></div><div class="cmp-consent">Partner Wire uses cookies. Accept?</div>
<div class="content"><h1>Microsoft weighs legal action over OpenAI deal</h1><p class="byline">By Staff</p>${body}
<p>This article first appeared in The Daily Ledger and is republished with permission.</p></div>
<div class="recirc"><h2>More from Partner Wire</h2><ul><li><a href="/x">Weather warning for the weekend</a></li></ul></div></body></html>`;
}

let server: TestServer;

beforeAll(async () => {
  const send = (type: string, body: string) => (_req: unknown, res: import("node:http").ServerResponse) => res.writeHead(200, { "content-type": type }).end(body);
  server = await startServer({
    "/tech/rss": (_req, res, base) =>
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<item><title>Microsoft weighs legal action</title><link>${base}/news/microsoft?utm_source=rss</link><pubDate>Thu, 19 Mar 2026 04:48:00 +1000</pubDate></item>
<item><title>Plumbing</title><link>${base}/blog/plumbing</link></item>
<item><title>Copy</title><link>${base}/wire/copy#x</link></item>
<item><title>Gone</title><link>${base}/news/gone</link></item>
<item><title>Paper</title><link>${base}/docs/filing.pdf</link></item>
</channel></rss>`,
      ),
    "/feed.atom": send("application/atom+xml", fixture("atom.xml")),
    "/feed.json": send("application/feed+json", fixture("feed.json")),
    "/news/microsoft": send("text/html; charset=utf-8", fixture("newsroom.html")),
    "/blog/plumbing": send("text/html; charset=UTF-8", fixture("blog.html")),
    "/wire/copy": send("text/html", syndicatedCopy()),
    "/docs/filing.pdf": send("application/pdf", "%PDF-1.4\n"),
    "/weather": send(
      "text/html",
      `<html><head><title>Weekend weather</title></head><body><article><p>${"Rain is expected across the region on Saturday, with sunshine returning on Sunday afternoon. ".repeat(5)}</p></article></body></html>`,
    ),
  });
});

afterAll(async () => {
  await server.close();
});

const options = () => ({ allowHosts: server.hostPort, timeoutMs: 5_000 });

describe("feeds to articles over a loopback server", () => {
  it("reads each kind of feed fetched with accept: feed", async () => {
    for (const [path, format, count] of [
      ["/tech/rss", "rss", 5],
      ["/feed.atom", "atom", 2],
      ["/feed.json", "json", 2],
    ] as const) {
      const fetched = (await safeFetch(`${server.base}${path}`, { accept: "feed", ...options() })) as FetchedBody;
      const feed = parseFeed(fetched.body, fetched.contentType, fetched.url);
      expect(feed.format).toBe(format);
      expect(feed.entries).toHaveLength(count);
    }
  });

  it("fetches the feed's articles, extracts them, keeps the relevant ones and spots the syndicated copy", async () => {
    const fetched = (await safeFetch(`${server.base}/tech/rss`, { accept: "feed", ...options() })) as FetchedBody;
    const feed = parseFeed(fetched.body, fetched.contentType, fetched.url);
    expect(feed.entries[0]).toEqual({ url: `${server.base}/news/microsoft`, title: "Microsoft weighs legal action", published: "2026-03-19" });

    const articles: { url: string; text: string; outlet: string | null; relevant: boolean }[] = [];
    const failures: string[] = [];
    for (const entry of feed.entries) {
      try {
        const page = (await safeFetch(entry.url, { accept: "html", ...options() })) as FetchedBody;
        const { text, meta } = extractArticle(page.body, page.url);
        articles.push({ url: meta.url!, text, outlet: meta.outlet, relevant: aboutTheStory(text, topic).relevant });
      } catch (error) {
        expect(error).toBeInstanceOf(FetchError);
        failures.push(`${new URL(entry.url).pathname} ${(error as FetchError).code}`);
      }
    }
    expect(failures).toEqual(["/news/gone http-status", "/docs/filing.pdf bad-content-type"]);
    expect(articles.map((a) => a.outlet)).toEqual(["The Daily Ledger", "Cloud Notes", "Partner Wire"]);
    expect(articles.every((a) => a.relevant)).toBe(true);
    expect(articles.every((a) => !/cookies|Partner Wire home|Weather warning|Share this|Leave a Reply/.test(a.text))).toBe(true);

    const [original, blog, copy] = articles;
    expect(nearDuplicate(original!.text, copy!.text)).toBe(true);
    expect(nearDuplicate(original!.text, blog!.text)).toBe(false);
    // The copy names the original as canonical, so both come to one URL.
    expect(copy!.url).toBe(canonicalUrl("https://www.dailyledger.example/tech/2026/03/18/microsoft-weighs-legal-action"));
  });

  it("finds an article on another subject not relevant", async () => {
    const page = (await safeFetch(`${server.base}/weather`, { accept: "html", ...options() })) as FetchedBody;
    const relevance = aboutTheStory(extractArticle(page.body, page.url).text, topic);
    expect(relevance.relevant).toBe(false);
    expect(relevance.score).toBe(0);
  });
});
