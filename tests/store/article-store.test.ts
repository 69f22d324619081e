import { describe, expect, it } from "vitest";
import { SUIT_ARTICLE } from "../support/articles.js";
import { documentIdOf, readStored, type ArticleStore } from "../../src/sources/article-store.js";
import { ENGINES, useEngine } from "../support/engines.js";

const article = SUIT_ARTICLE;
const FEED = "https://news.example.test/feed.xml";

describe.each(ENGINES)("article store on %s", (engine) => {
  const harness = useEngine(engine);
  const articles = async (): Promise<ArticleStore> => (await harness.open()).articles;

  it("stores an article once per canonical URL, finds, lists and removes it by document or URL", async () => {
    const store = await articles();
    const empty = await store.version();
    const added = await store.add(article, new Date("2026-12-01T10:00:00Z"));
    expect(added).toEqual({ ...article, document: documentIdOf(article.url), addedAt: "2026-12-01T10:00:00.000Z" });
    expect(await store.add(article)).toBeNull();
    expect(await store.byUrl(article.url)).toEqual(added);
    expect(await store.byUrl("https://elsewhere.example.test/")).toBeNull();
    const second = await store.add({ ...article, url: "https://news.example.test/second", addedVia: "feed", feed: FEED }, new Date("2026-12-02T10:00:00Z"));
    expect((await store.list()).map((a) => a.document)).toEqual([added!.document, second!.document]);
    const withTwo = await store.version();
    expect(withTwo).not.toBe(empty);
    expect((await readStored(store)).seeds.map((s) => s.id)).toEqual([added!.document, second!.document]);
    expect((await store.remove(article.url))?.document).toBe(added!.document);
    expect((await store.remove(second!.document))?.url).toBe("https://news.example.test/second");
    expect(await store.remove(added!.document)).toBeNull();
    expect(await store.list()).toEqual([]);
    expect(await store.version()).toBe(empty);
  });

  it("sees an article another connection added: the version changes", async () => {
    const [a, b] = [await articles(), await articles()];
    const before = await b.version();
    await a.add(article);
    expect(await b.version()).not.toBe(before);
    expect((await b.list()).map((x) => x.url)).toEqual([article.url]);
  });

  it("follows feeds, records polls and the fate of each entry", async () => {
    const store = await articles();
    expect(await store.follow(FEED, null, new Date("2026-12-01T00:00:00Z"))).toEqual({ url: FEED, title: null, etag: null, lastModified: null, followedAt: "2026-12-01T00:00:00.000Z", polledAt: null });
    expect((await store.follow(FEED, "Example feed")).title).toBe("Example feed");
    expect((await store.follow(FEED, null)).title).toBe("Example feed");
    await store.polled(FEED, { etag: '"v1"', lastModified: "Tue, 01 Dec 2026 00:00:00 GMT" }, new Date("2026-12-02T00:00:00Z"));
    expect(await store.feeds()).toEqual([
      { url: FEED, title: "Example feed", etag: '"v1"', lastModified: "Tue, 01 Dec 2026 00:00:00 GMT", followedAt: "2026-12-01T00:00:00.000Z", polledAt: "2026-12-02T00:00:00.000Z" },
    ]);
    expect(await store.seen(FEED, "https://news.example.test/a")).toBe(false);
    await store.recordEntry(FEED, "https://news.example.test/a", "skipped", "not about the story");
    await store.recordEntry(FEED, "https://news.example.test/a", "added", null);
    expect(await store.seen(FEED, "https://news.example.test/a")).toBe(true);
    expect(await store.seen("https://other.example.test/feed", "https://news.example.test/a")).toBe(false);
  });
});
