import { describe, expect, it } from "vitest";
import { FetchError } from "../../../src/sources/web/errors.js";
import { canonicalUrl } from "../../../src/sources/web/url.js";

describe("canonicalUrl", () => {
  it("drops tracking parameters, the fragment and the default port, and lower-cases the host", () => {
    expect(
      canonicalUrl(
        "HTTPS://News.Example.COM:443/Tech/Story-123?utm_source=twitter&utm_medium=social&id=7&fbclid=abc&gclid=x&mc_cid=1&mc_eid=2&ref=home&page=2#comments",
      ),
    ).toBe("https://news.example.com/Tech/Story-123?id=7&page=2");
  });

  it("keeps a non-default port and drops an empty query", () => {
    expect(canonicalUrl("http://example.com:8080/a?utm_campaign=z")).toBe("http://example.com:8080/a");
    expect(canonicalUrl("http://example.com:80/a?")).toBe("http://example.com/a");
    expect(canonicalUrl("https://example.com./a#top")).toBe("https://example.com/a");
  });

  it("drops credentials and leaves other URLs as they are", () => {
    expect(canonicalUrl("https://user:pw@example.com/a")).toBe("https://example.com/a");
    expect(canonicalUrl("https://example.com/a/b/")).toBe("https://example.com/a/b/");
  });

  it("gives every tracking variant of one link the same URL", () => {
    const variants = [
      "https://www.reuters.com/technology/microsoft-openai-amazon/",
      "https://WWW.reuters.com/technology/microsoft-openai-amazon/?utm_source=rss&utm_medium=feed",
      "https://www.reuters.com:443/technology/microsoft-openai-amazon/?fbclid=IwAR0x#main",
      "https://www.reuters.com/technology/microsoft-openai-amazon/?mc_cid=abc&mc_eid=def",
    ];
    expect(new Set(variants.map((v) => canonicalUrl(v))).size).toBe(1);
  });

  it("refuses what is not an http(s) URL", () => {
    expect(() => canonicalUrl("mailto:a@example.com")).toThrow(FetchError);
    expect(() => canonicalUrl("/relative/path")).toThrow(FetchError);
  });
});
