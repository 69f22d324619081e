import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceParseError } from "../../../src/sources/web/errors.js";
import { parseFeed } from "../../../src/sources/web/feed.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function badFeed(run: () => unknown): SourceParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceParseError);
    expect((error as SourceParseError).code).toBe("bad-feed");
    return error as SourceParseError;
  }
  throw new Error("expected a bad-feed error");
}

describe("parseFeed", () => {
  it("reads RSS 2.0: link or permalink guid, canonical URLs, dates, one entry per URL", () => {
    const feed = parseFeed(fixture("rss.xml"), "application/rss+xml; charset=utf-8");
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("The Daily Ledger – Technology");
    expect(feed.entries).toEqual([
      {
        url: "https://www.dailyledger.example/tech/2026/03/18/microsoft-weighs-legal-action",
        title: "Microsoft weighs legal action over OpenAI’s $50bn Amazon deal",
        published: "2026-03-19",
      },
      {
        url: "https://www.dailyledger.example/tech/2026/03/20/amazon-memo",
        title: "Amazon tells staff OpenAI deal is business as usual",
        published: "2026-03-20",
      },
    ]);
  });

  it("reads Atom: the alternate link resolved against the feed URL, published or else updated", () => {
    const feed = parseFeed(fixture("atom.xml"), "application/atom+xml", "https://cloudnotes.example/feed.atom");
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("Cloud Notes");
    expect(feed.entries).toEqual([
      { url: "https://cloudnotes.example/2026/03/20/plumbing/", title: "Why the Microsoft–OpenAI fight is about plumbing", published: "2026-03-20" },
      { url: "https://cloudnotes.example/2026/03/22/only-updated/", title: "Only updated", published: "2026-03-22" },
    ]);
  });

  it("leaves out Atom entries whose relative link has nothing to resolve against", () => {
    const feed = parseFeed(fixture("atom.xml"), "application/atom+xml");
    expect(feed.entries.map((e) => e.url)).toEqual(["https://cloudnotes.example/2026/03/22/only-updated/"]);
  });

  it("reads JSON Feed: url or external_url, untitled items with a null title", () => {
    const feed = parseFeed(fixture("feed.json"), "application/feed+json");
    expect(feed.format).toBe("json");
    expect(feed.title).toBe("Wire Desk");
    expect(feed.entries).toEqual([
      { url: "https://wire.example/news/amazon-memo", title: 'Amazon staff told OpenAI deal is "business as usual"', published: "2026-03-23" },
      { url: "https://other.example/story", title: null, published: null },
    ]);
  });

  it("reads RSS 1.0 (RDF)", () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>RDF news</title><link>https://r.example/</link></channel><item rdf:about="https://r.example/1"><title>R1</title><link>https://r.example/1?utm_source=rdf</link><dc:date>2026-03-19</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf, "application/rdf+xml")).toEqual({
      format: "rdf",
      title: "RDF news",
      entries: [{ url: "https://r.example/1", title: "R1", published: "2026-03-19" }],
    });
  });

  it("refuses HTML pages, other XML and garbage", () => {
    expect(badFeed(() => parseFeed("<html><body>hi</body></html>", "text/html")).message).toMatch(/not a feed/);
    badFeed(() => parseFeed("<html><body>hi</body></html>", "application/xml"));
    badFeed(() => parseFeed("<note><to>you</to></note>", "text/xml"));
    badFeed(() => parseFeed("{ not json", "application/json"));
    badFeed(() => parseFeed("", "application/rss+xml"));
  });

  it("ignores a byte-order mark", () => {
    expect(parseFeed(`\uFEFF${fixture("rss.xml")}`, "text/xml").entries).toHaveLength(2);
  });
});
