import { parseFeed as parseAnyFeed } from "feedsmith";
import { publicationDate } from "./dates.js";
import { SourceParseError } from "./errors.js";
import { canonicalUrl } from "./url.js";

/** One article a feed lists. */
export interface FeedEntry {
  /** The article's canonical URL (see `canonicalUrl`). */
  readonly url: string;
  readonly title: string | null;
  /** The publication date, YYYY-MM-DD (see `publicationDate`), or null. */
  readonly published: string | null;
}

/** A feed's title and the articles it lists, in feed order. */
export interface ParsedFeed {
  readonly format: "rss" | "atom" | "json" | "rdf";
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
}

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Loose) : null;

/** Text of a feed field: a string, or Atom's `{ value }`; tags removed, white space folded. */
function text(value: unknown): string | null {
  const raw = typeof value === "string" ? value : asObject(value)?.["value"];
  if (typeof raw !== "string") return null;
  const folded = raw
    .replace(/<[^>]*>/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  return folded === "" ? null : folded;
}

function firstString(...values: unknown[]): string | null {
  for (const v of values) {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    if (Array.isArray(v)) {
      const s = firstString(...(v as unknown[]));
      if (s !== null) return s;
    }
  }
  return null;
}

/** An http(s) URL resolved against the feed's URL and made canonical, or null. */
function articleUrl(href: string | null, base: string | undefined): string | null {
  if (href === null) return null;
  try {
    return canonicalUrl(new URL(href, base));
  } catch {
    return null;
  }
}

function entryLink(format: ParsedFeed["format"], item: Loose): string | null {
  switch (format) {
    case "atom": {
      const links = Array.isArray(item["links"]) ? (item["links"] as unknown[]).map(asObject).filter((l) => l !== null) : [];
      const alternate = links.find((l) => l["rel"] === undefined || l["rel"] === "alternate") ?? links[0];
      return firstString(alternate?.["href"]);
    }
    case "json":
      return firstString(item["url"], item["external_url"]);
    case "rdf":
      return firstString(item["link"], asObject(item["rdf"])?.["about"]);
    case "rss": {
      const guid = asObject(item["guid"]);
      const guidUrl = guid && guid["isPermaLink"] !== false ? firstString(guid["value"]) : null;
      return firstString(item["link"], guidUrl !== null && /^https?:\/\//i.test(guidUrl) ? guidUrl : null);
    }
  }
}

function entryDate(format: ParsedFeed["format"], item: Loose): string | null {
  const dc = asObject(item["dc"]);
  switch (format) {
    case "atom":
      return firstString(item["published"], item["updated"], dc?.["dates"], dc?.["date"]);
    case "json":
      return firstString(item["date_published"], item["date_modified"]);
    case "rdf":
    case "rss":
      return firstString(item["pubDate"], dc?.["dates"], dc?.["date"], item["published"], item["updated"]);
  }
}

/**
 * Reads an RSS (0.9x, 2.0), RSS 1.0 (RDF), Atom or JSON Feed document (parsed by `feedsmith`) into its
 * title and entries: each entry's article URL (resolved against `feedUrl` when relative, then made
 * canonical; entries without an http(s) link are left out, as are repeats of a URL), title and
 * publication date.
 *
 * @param body the feed document
 * @param contentType the response's Content-Type (an HTML page is refused as not a feed)
 * @param feedUrl the feed's URL, to resolve relative links
 * @throws SourceParseError `bad-feed` when the body is not a feed
 */
export function parseFeed(body: string, contentType: string, feedUrl?: string): ParsedFeed {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") {
    throw new SourceParseError("bad-feed", `a ${type} page is not a feed`);
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseAnyFeed(body.replace(/^\uFEFF/, "")) as { format: string; feed: unknown };
  } catch (error) {
    throw new SourceParseError("bad-feed", `not an RSS, Atom or JSON feed (${(error as Error).message})`);
  }
  const format = parsed.format as ParsedFeed["format"];
  const feed = asObject(parsed.feed) ?? {};
  const items = (format === "atom" ? feed["entries"] : feed["items"]) as unknown;
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  for (const raw of Array.isArray(items) ? items : []) {
    const item = asObject(raw);
    if (!item) continue;
    const url = articleUrl(entryLink(format, item), feedUrl);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    entries.push({ url, title: text(item["title"]), published: publicationDate(entryDate(format, item))?.published ?? null });
  }
  return { format, title: text(feed["title"]), entries };
}
