import { buildCorpus } from "../knowledge/corpus.js";
import type { SourceDocument, Topic } from "../knowledge/types.js";
import { documentIdOf, storedSeeds, type ArticleStore, type StoredArticle } from "./article-store.js";
import { aboutTheStory } from "./web/relevance.js";
import { nearDuplicate } from "./web/duplicate.js";
import { extractArticle, type ExtractedArticle } from "./web/extract.js";
import { FetchError, SourceParseError } from "./web/errors.js";
import { parseFeed } from "./web/feed.js";
import { safeFetch } from "./web/fetch.js";
import { canonicalUrl } from "./web/url.js";

/** What adding and polling need: the store, the articles already served, the topic, and fetch settings. */
export interface LivingSourcesContext {
  readonly store: ArticleStore;
  /** The documents served now (seeds folder and stored), to spot syndicated copies. */
  readonly documents: () => readonly SourceDocument[];
  readonly topic: Topic;
  /** `FETCH_ALLOW_HOSTS`: hosts that may be fetched although they resolve to refused addresses. */
  readonly allowHosts?: string | undefined;
  readonly now?: () => Date;
  /** Counts each article added, refused or failed (the bot's metrics). */
  readonly metrics?: SourceMetrics;
}

/**
 * How adding one article (by URL or from a feed) ended: `added` stored; `refused` declined by the
 * bot's rules (already served, a syndicated copy, not about the story, not a web address, a refused
 * address); `failed` the page could not be fetched or read.
 */
export type SourceResult = "added" | "refused" | "failed";

/** Where adding articles is counted. */
export interface SourceMetrics {
  source(result: SourceResult): void;
}

/** An added article as the CLI and chat report it. */
export interface AddedArticle {
  readonly document: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly url: string;
  readonly paragraphs: number;
}

/** The result of adding one URL. */
export type AddResult = { readonly added: AddedArticle } | { readonly duplicate: { readonly document: string; readonly url: string } };

/** Adding or following failed for a reason the user can act on; the message is one line. */
export class SourceError extends Error {
  override name = "SourceError";
  /** A failure that may pass (a timeout, a network error, a server error): a feed entry is tried again next poll. */
  readonly transient: boolean;
  /** The bot's rules refused the address (not a web address, a refused network address); nothing was read. */
  readonly refused: boolean;
  constructor(message: string, options: { readonly transient?: boolean; readonly refused?: boolean } = {}) {
    super(message);
    this.transient = options.transient ?? false;
    this.refused = options.refused ?? false;
  }
}

/** Whether a failure may pass by itself. */
function isTransient(error: unknown): boolean {
  if (error instanceof SourceError) return error.transient;
  return error instanceof FetchError && (error.code === "timeout" || error.code === "network" || (error.code === "http-status" && (error.status ?? 0) >= 500));
}

/** Whether a failure is the bot's rules refusing the address, rather than the page failing. */
function isRefused(error: unknown): boolean {
  if (error instanceof SourceError) return error.refused;
  return error instanceof FetchError && (error.code === "bad-url" || error.code === "blocked-address");
}

/** Runs one article's addition and counts how it ended: stored, refused (a duplicate, off the story, a refused address) or failed. */
async function counted<R extends object>(ctx: LivingSourcesContext, addition: () => Promise<R>): Promise<R> {
  try {
    const result = await addition();
    ctx.metrics?.source("added" in result ? "added" : "refused");
    return result;
  } catch (error) {
    ctx.metrics?.source(isRefused(error) ? "refused" : "failed");
    throw error;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError || error instanceof SourceParseError || error instanceof SourceError) return error.message;
  throw error;
}

function describe(article: StoredArticle): AddedArticle {
  const corpus = buildCorpus(storedSeeds([article]), { story: "", parties: [], terms: [], suggestions: [] });
  return {
    document: article.document,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published: article.published,
    url: article.url,
    paragraphs: corpus.documents[0]?.passages.length ?? 0,
  };
}

/** A served article that is the same text as `text` (a syndicated copy), if any. */
async function copyOf(text: string, ctx: LivingSourcesContext): Promise<{ document: string; url: string } | null> {
  for (const d of ctx.documents()) if (nearDuplicate(d.raw, text)) return { document: d.id, url: d.meta.url ?? d.id };
  for (const a of await ctx.store.list()) if (nearDuplicate(a.text, text)) return { document: a.document, url: a.url };
  return null;
}

/** A page's article, read: the canonical URL asked for, and the extraction. */
interface Fetched {
  readonly asked: string;
  readonly article: ExtractedArticle;
}

function canonicalOrRefuse(url: string): string {
  try {
    return canonicalUrl(url);
  } catch {
    throw new SourceError(`“${url.slice(0, 200)}” is not an http or https URL`, { refused: true });
  }
}

/** Fetches a page and reads its article. @throws SourceError with a one-line reason */
async function fetchArticle(url: string, ctx: LivingSourcesContext): Promise<Fetched> {
  const asked = canonicalOrRefuse(url);
  try {
    const page = await safeFetch(url, { accept: "html", allowHosts: ctx.allowHosts });
    if (page.kind !== "ok") throw new SourceError(`${url} answered “not modified” to a first request`);
    return { asked, article: extractArticle(page.body, page.url) };
  } catch (error) {
    throw new SourceError(reasonOf(error), { transient: isTransient(error), refused: isRefused(error) });
  }
}

/** Stores a read article unless the same canonical URL or a near-identical text is already served. */
async function storeArticle({ asked, article }: Fetched, ctx: LivingSourcesContext, via: { addedVia: "url" } | { addedVia: "feed"; feed: string }): Promise<AddResult> {
  const canonical = article.meta.url ?? asked;
  const same = (await ctx.store.byUrl(canonical)) ?? (await ctx.store.byUrl(asked));
  if (same) return { duplicate: { document: same.document, url: same.url } };
  const copy = await copyOf(article.text, ctx);
  if (copy) return { duplicate: copy };
  const stored = await ctx.store.add(
    {
      url: canonical,
      title: article.meta.title,
      outlet: article.meta.outlet,
      author: article.meta.author,
      published: article.meta.published,
      text: article.text,
      addedVia: via.addedVia,
      feed: via.addedVia === "feed" ? via.feed : null,
    },
    ctx.now?.(),
  );
  return stored ? { added: describe(stored) } : { duplicate: { document: documentIdOf(canonical), url: canonical } };
}

/**
 * Fetches a page, reads its article and stores it, unless the same canonical URL or a
 * near-identical text (a syndicated copy) is already served.
 * @throws SourceError with a one-line reason when the page cannot be fetched or holds no article
 */
export function addArticle(url: string, ctx: LivingSourcesContext): Promise<AddResult> {
  return counted(ctx, async (): Promise<AddResult> => {
    const known = await ctx.store.byUrl(canonicalOrRefuse(url));
    if (known) return { duplicate: { document: known.document, url: known.url } };
    return storeArticle(await fetchArticle(url, ctx), ctx, { addedVia: "url" });
  });
}

/**
 * Follows a feed: fetches and reads it once (so a broken feed is refused now), then stores it.
 * @throws SourceError with a one-line reason when the feed cannot be fetched or read
 */
export async function followFeed(url: string, ctx: LivingSourcesContext): Promise<{ feed: string; title: string | null }> {
  const feedUrl = canonicalOrRefuse(url);
  try {
    const page = await safeFetch(url, { accept: "feed", allowHosts: ctx.allowHosts });
    if (page.kind !== "ok") throw new SourceError(`${url} answered “not modified” to a first request`);
    const feed = parseFeed(page.body, page.contentType, page.url);
    const followed = await ctx.store.follow(feedUrl, feed.title ?? null, ctx.now?.());
    return { feed: followed.url, title: followed.title };
  } catch (error) {
    throw new SourceError(reasonOf(error));
  }
}

/** What one poll of every followed feed did. */
export interface PollResult {
  readonly added: AddedArticle[];
  readonly skipped: { url: string; reason: string }[];
}

/**
 * Polls every followed feed (conditional requests) and adds each new entry about the story; an
 * entry not about it, already served, or that cannot be read is recorded as skipped with the
 * reason. A feed that cannot be fetched is skipped with its reason and polled again next time.
 */
export async function pollFeeds(ctx: LivingSourcesContext): Promise<PollResult> {
  const added: AddedArticle[] = [];
  const skipped: { url: string; reason: string }[] = [];
  for (const followed of await ctx.store.feeds()) {
    let entries: readonly { url: string }[];
    try {
      const page = await safeFetch(followed.url, { accept: "feed", allowHosts: ctx.allowHosts, etag: followed.etag, lastModified: followed.lastModified });
      await ctx.store.polled(followed.url, { etag: page.etag, lastModified: page.lastModified }, ctx.now?.());
      if (page.kind !== "ok") continue;
      entries = parseFeed(page.body, page.contentType, page.url).entries;
    } catch (error) {
      skipped.push({ url: followed.url, reason: reasonOf(error) });
      continue;
    }
    for (const entry of entries) {
      if (await ctx.store.seen(followed.url, entry.url)) continue;
      const record = (state: "added" | "skipped", reason: string | null): Promise<void> => ctx.store.recordEntry(followed.url, entry.url, state, reason, ctx.now?.());
      try {
        const result = await counted(ctx, () => addOnTopic(entry.url, ctx, followed.url));
        if ("added" in result) {
          added.push(result.added);
          await record("added", null);
        } else {
          skipped.push({ url: entry.url, reason: result.skipped });
          await record("skipped", result.skipped);
        }
      } catch (error) {
        const reason = reasonOf(error);
        skipped.push({ url: entry.url, reason });
        // a timeout or a server error is tried again at the next poll; other failures are final
        if (!isTransient(error)) await record("skipped", reason);
      }
    }
  }
  return { added, skipped };
}

/** Adds a feed entry when it is about the story. */
async function addOnTopic(url: string, ctx: LivingSourcesContext, feed: string): Promise<{ added: AddedArticle } | { skipped: string }> {
  const known = await ctx.store.byUrl(canonicalOrRefuse(url));
  if (known) return { skipped: `already served as ${known.document}` };
  const fetched = await fetchArticle(url, ctx);
  const relevance = aboutTheStory(fetched.article.text, ctx.topic);
  if (!relevance.relevant) return { skipped: `not about the story: ${relevance.reason}` };
  const result = await storeArticle(fetched, ctx, { addedVia: "feed", feed });
  return "added" in result ? result : { skipped: `already served as ${result.duplicate.document}` };
}

/**
 * Adding and removing articles for the chat command: the real store and fetcher behind the
 * commands' `SourcesService`; `changed` runs after every addition or removal (to reload the index).
 */
export function createSourcesService(context: () => LivingSourcesContext, changed: () => Promise<void>): {
  add(url: string): Promise<AddResult>;
  remove(documentOrUrl: string): Promise<StoredArticle | null>;
} {
  return {
    async add(url) {
      const result = await addArticle(url, context());
      if ("added" in result) await changed();
      return result;
    },
    async remove(documentOrUrl) {
      const removed = await context().store.remove(documentOrUrl);
      if (removed) await changed();
      return removed;
    },
  };
}
