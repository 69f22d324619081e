import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { SeedFile } from "../knowledge/corpus.js";
import { openDatabase } from "../db/sqlite.js";

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
export interface ArticleStore {
  /** Stores an article; false when one with the same canonical URL is already stored. */
  add(article: Omit<StoredArticle, "document" | "addedAt">, now?: Date): StoredArticle | null;
  /** Takes an article out (by document id or URL); the removed one, or null when there is none. */
  remove(documentOrUrl: string): StoredArticle | null;
  byUrl(url: string): StoredArticle | null;
  list(): StoredArticle[];
  /** Changes whenever an article is added or removed: reload when it differs from the last one seen. */
  version(): string;
  follow(url: string, title: string | null, now?: Date): FollowedFeed;
  feeds(): FollowedFeed[];
  /** Records a poll: the server's validators, and each entry's fate. */
  polled(url: string, validators: { etag: string | null; lastModified: string | null }, now?: Date): void;
  /** Whether a feed has already offered an entry (added or skipped). */
  seen(feed: string, entryUrl: string): boolean;
  recordEntry(feed: string, entryUrl: string, state: "added" | "skipped", reason: string | null, now?: Date): void;
  close(): void;
}

interface ArticleRow {
  document: string;
  url: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  text: string;
  added_at: string;
  added_via: AddedVia;
  feed: string | null;
}

interface FeedRow {
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  followed_at: string;
  polled_at: string | null;
}

const toArticle = (r: ArticleRow): StoredArticle => ({
  document: r.document,
  url: r.url,
  title: r.title,
  outlet: r.outlet,
  author: r.author,
  published: r.published,
  text: r.text,
  addedAt: r.added_at,
  addedVia: r.added_via,
  feed: r.feed,
});

const toFeed = (r: FeedRow): FollowedFeed => ({
  url: r.url,
  title: r.title,
  etag: r.etag,
  lastModified: r.last_modified,
  followedAt: r.followed_at,
  polledAt: r.polled_at,
});

/** The document id of an article added from a URL: `web_` and a hash of the canonical URL. */
export function documentIdOf(url: string): string {
  return `web_${createHash("sha256").update(url).digest("hex").slice(0, 16)}`;
}

/**
 * Opens the article store over the bot's database at `path` (created and migrated as needed).
 * @throws DatabaseError naming the path and the reason
 */
export function openArticleStore(path: string): ArticleStore {
  const { db, checkFile } = openDatabase(path);
  const q = {
    insert: db.prepare(
      `INSERT OR IGNORE INTO articles (document, url, title, outlet, author, published, text, added_at, added_via, feed)
       VALUES (@document, @url, @title, @outlet, @author, @published, @text, @addedAt, @addedVia, @feed)`,
    ),
    byDocument: db.prepare<[string], ArticleRow>("SELECT * FROM articles WHERE document = ?"),
    byUrl: db.prepare<[string], ArticleRow>("SELECT * FROM articles WHERE url = ?"),
    delete: db.prepare("DELETE FROM articles WHERE document = ?"),
    list: db.prepare<[], ArticleRow>("SELECT * FROM articles ORDER BY added_at, document"),
    version: db.prepare<[], { n: number; latest: string | null; ids: string | null }>(
      "SELECT COUNT(*) AS n, MAX(added_at) AS latest, group_concat(document) AS ids FROM (SELECT document, added_at FROM articles ORDER BY document)",
    ),
    follow: db.prepare("INSERT INTO feeds (url, title, followed_at) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title)"),
    feed: db.prepare<[string], FeedRow>("SELECT * FROM feeds WHERE url = ?"),
    feeds: db.prepare<[], FeedRow>("SELECT * FROM feeds ORDER BY followed_at, url"),
    polled: db.prepare("UPDATE feeds SET etag = ?, last_modified = ?, polled_at = ? WHERE url = ?"),
    seen: db.prepare<[string, string], { one: number }>("SELECT 1 AS one FROM feed_entries WHERE feed = ? AND url = ?"),
    entry: db.prepare("INSERT OR REPLACE INTO feed_entries (feed, url, state, reason, seen_at) VALUES (?, ?, ?, ?, ?)"),
  };
  return {
    add(article, now = new Date()) {
      checkFile();
      const row = { ...article, document: documentIdOf(article.url), addedAt: now.toISOString() };
      const changed = q.insert.run(row).changes;
      return changed === 1 ? toArticle(q.byDocument.get(row.document)!) : null;
    },
    remove(documentOrUrl) {
      checkFile();
      const row = q.byDocument.get(documentOrUrl) ?? q.byUrl.get(documentOrUrl);
      if (!row) return null;
      q.delete.run(row.document);
      return toArticle(row);
    },
    byUrl: (url) => {
      const row = q.byUrl.get(url);
      return row ? toArticle(row) : null;
    },
    list: () => q.list.all().map(toArticle),
    version() {
      const v = q.version.get()!;
      return createHash("sha256").update(`${v.n}|${v.latest ?? ""}|${v.ids ?? ""}`).digest("hex").slice(0, 16);
    },
    follow(url, title, now = new Date()) {
      checkFile();
      q.follow.run(url, title, now.toISOString());
      return toFeed(q.feed.get(url)!);
    },
    feeds: () => q.feeds.all().map(toFeed),
    polled(url, validators, now = new Date()) {
      checkFile();
      q.polled.run(validators.etag, validators.lastModified, now.toISOString(), url);
    },
    seen: (feed, entryUrl) => q.seen.get(feed, entryUrl) !== undefined,
    recordEntry(feed, entryUrl, state, reason, now = new Date()) {
      checkFile();
      q.entry.run(feed, entryUrl, state, reason, now.toISOString());
    },
    close: () => db.close(),
  };
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

/**
 * The stored articles of the database at `path`, as the seed options read them at each load.
 * The database is opened on the first read that finds the file (a bot or CLI that never added an
 * article creates none); until then there are no stored articles.
 */
export function storedArticles(path: string): { read: () => { seeds: SeedFile[]; version: string }; version: () => string; close: () => void } {
  let store: ArticleStore | null = null;
  const open = (): ArticleStore | null => (store ??= path === ":memory:" || !existsSync(path) ? null : openArticleStore(path));
  return {
    read: () => {
      const s = open();
      return s ? { seeds: storedSeeds(s.list()), version: s.version() } : { seeds: [], version: "" };
    },
    version: () => open()?.version() ?? "",
    close: () => store?.close(),
  };
}
