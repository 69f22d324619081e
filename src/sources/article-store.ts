import { createHash } from "node:crypto";
import type { SeedFile } from "../knowledge/corpus.js";

/** How an article came in. */
export type AddedVia = "url" | "feed";

/** An article added by URL or from a feed, as stored. */
export interface StoredArticle {
  readonly document: string;
  /** The canonical URL. */
  readonly url: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  /** YYYY-MM-DD or null. */
  readonly published: string | null;
  /** The article's text, one paragraph per line, as the seed parser reads it. */
  readonly text: string;
  readonly addedAt: string;
  readonly addedVia: AddedVia;
  /** The feed it came from, for `addedVia: "feed"`. */
  readonly feed: string | null;
}

/** A followed feed. */
export interface FollowedFeed {
  readonly url: string;
  readonly title: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly followedAt: string;
  readonly polledAt: string | null;
}

/** The added articles and followed feeds, in the bot's database: every process on it serves the same ones. */
/** The added articles and followed feeds, in the bot's database: every process on it serves the same ones. */
export interface ArticleStore {
  /** Stores an article; null when one with the same canonical URL is already stored. */
  add(article: Omit<StoredArticle, "document" | "addedAt">, now?: Date): Promise<StoredArticle | null>;
  /** Takes an article out (by document id or URL); the removed one, or null when there is none. */
  remove(documentOrUrl: string): Promise<StoredArticle | null>;
  byUrl(url: string): Promise<StoredArticle | null>;
  list(): Promise<StoredArticle[]>;
  /** Changes whenever an article is added or removed: reload when it differs from the last one seen. */
  version(): Promise<string>;
  follow(url: string, title: string | null, now?: Date): Promise<FollowedFeed>;
  feeds(): Promise<FollowedFeed[]>;
  /** Records a poll: the server's validators, and each entry's fate. */
  polled(url: string, validators: { etag: string | null; lastModified: string | null }, now?: Date): Promise<void>;
  /** Whether a feed has already offered an entry (added or skipped). */
  seen(feed: string, entryUrl: string): Promise<boolean>;
  recordEntry(feed: string, entryUrl: string, state: "added" | "skipped", reason: string | null, now?: Date): Promise<void>;
}

/** The document id of an article added from a URL: `web_` and a hash of the canonical URL. */
export function documentIdOf(url: string): string {
  return `web_${createHash("sha256").update(url).digest("hex").slice(0, 16)}`;
}


/** Stored articles as seeds, in the shape the seed parser reads (metadata says how each came in). */
export function storedSeeds(articles: readonly StoredArticle[]): SeedFile[] {
  return articles.map((a) => ({
    id: a.document,
    raw: a.text,
    meta: {
      title: a.title,
      titleFrom: "capture",
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      publishedAt: null,
      url: a.url,
      addedVia: a.addedVia,
      addedAt: a.addedAt,
    },
  }));
}

/** The stored articles as the seed options read them: seeds and the version they are at. */
export interface StoredSnapshot {
  readonly seeds: SeedFile[];
  readonly version: string;
}

/** No stored articles (a database not created yet). */
export const NO_STORED: StoredSnapshot = { seeds: [], version: "" };

/** Reads every stored article as seeds, with the store's version. */
export async function readStored(store: ArticleStore): Promise<StoredSnapshot> {
  const [articles, version] = await Promise.all([store.list(), store.version()]);
  return { seeds: storedSeeds(articles), version };
}
