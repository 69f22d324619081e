import { publicationDate, type PublicationDate } from "./dates.js";
import type { DomDocument } from "./dom.js";

/** What a page's markup says about its article; each field null when the page does not say. */
export interface PageMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly date: PublicationDate | null;
  /** The canonical URL as the page states it (resolved, not yet cleaned). */
  readonly url: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Folds white space, removes stray tags and trims; empty becomes null. */
function clean(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const text = value
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  return text === "" ? null : text;
}

const isUrl = (text: string): boolean => /^https?:\/\//i.test(text);

/** Every object in the JSON-LD blocks, `@graph` and arrays flattened. */
function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (value["@graph"] !== undefined) visit(value["@graph"]);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = (script.textContent ?? "").replace(/^\s*<!--|-->\s*$/g, "").trim();
    try {
      visit(JSON.parse(raw) as Json);
    } catch {
      try {
        visit(JSON.parse(raw.replace(/,\s*([}\]])/g, "$1").replace(/[\u0000-\u001f]+/g, " ")) as Json);
      } catch {
        // an unreadable block says nothing
      }
    }
  }
  return nodes;
}

function types(node: JsonObject): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** A name from a string, an object with `name`, or a list of those (joined with ", "). */
function names(value: Json | undefined): string | null {
  if (typeof value === "string") return isUrl(value) ? null : clean(value);
  if (Array.isArray(value)) {
    const all = value.map((v) => names(v)).filter((n): n is string => n !== null);
    return all.length > 0 ? [...new Set(all)].join(", ") : null;
  }
  if (isObject(value)) return names(value["name"]);
  return null;
}

function urlOf(value: Json | undefined): string | null {
  if (typeof value === "string") return value;
  if (isObject(value)) return urlOf(value["@id"] ?? value["url"]);
  return null;
}

function str(value: Json | undefined): string | null {
  return typeof value === "string" ? clean(value) : null;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}" i]`) ??
      doc.querySelector(`meta[name="${key}" i]`) ??
      doc.querySelector(`meta[itemprop="${key}" i]`);
    const value = clean(el?.getAttribute("content"));
    if (value !== null) return value;
  }
  return null;
}

function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** "By Jane Doe" → "Jane Doe"; URLs (profile links) are not names. */
function authorName(value: string | null): string | null {
  if (value === null || isUrl(value)) return null;
  return clean(value.replace(/^by\s+/i, ""));
}

/**
 * Reads the article metadata a page states: JSON-LD (`NewsArticle`, `Article` and the other article
 * types: `headline`, `datePublished`, `author`, `publisher.name`, `url`), then Open Graph
 * (`og:title`, `og:site_name`, `article:published_time`, `og:url`), `<meta name="author">`,
 * `<time datetime>` and `<link rel="canonical">`. The first source that has a field wins, in that order,
 * except the URL, where `<link rel="canonical">` comes first.
 */
export function readPageMeta(doc: DomDocument, pageUrl: string): PageMeta {
  const article = jsonLdNodes(doc).find((n) => types(n).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const publisher = article?.["publisher"];

  const title = str(article?.["headline"]) ?? str(article?.["name"]) ?? meta(doc, "og:title", "twitter:title");
  const outlet =
    names(publisher) ?? meta(doc, "og:site_name", "application-name") ?? null;
  const author =
    names(article?.["author"]) ??
    authorName(meta(doc, "author")) ??
    authorName(meta(doc, "article:author")) ??
    authorName(clean(doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"]')?.textContent));

  const timeEl =
    doc.querySelector('time[itemprop="datePublished"][datetime]') ??
    doc.querySelector("article time[datetime]") ??
    doc.querySelector("time[datetime]");
  const date =
    publicationDate(str(article?.["datePublished"])) ??
    publicationDate(meta(doc, "article:published_time", "datePublished", "og:article:published_time")) ??
    publicationDate(timeEl?.getAttribute("datetime")) ??
    publicationDate(str(article?.["dateCreated"]));

  const url =
    resolveUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute("href"), pageUrl) ??
    resolveUrl(meta(doc, "og:url"), pageUrl) ??
    resolveUrl(urlOf(article?.["url"]) ?? urlOf(article?.["mainEntityOfPage"]), pageUrl);

  return { title, outlet, author, date, url };
}
