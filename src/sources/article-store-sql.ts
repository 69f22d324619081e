import { createHash } from "node:crypto";
import type { Sql } from "../db/sql.js";
import { documentIdOf, type AddedVia, type ArticleStore, type FollowedFeed, type StoredArticle } from "./article-store.js";

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


/** The {@link ArticleStore} over the bot's database (either engine). */
export function articleStoreOver(sql: Sql): ArticleStore {
  const byDocument = async (document: string): Promise<StoredArticle | null> => {
    const row = await sql.get<ArticleRow>("SELECT * FROM articles WHERE document = ?", [document]);
    return row ? toArticle(row) : null;
  };
  const byUrl = async (url: string): Promise<StoredArticle | null> => {
    const row = await sql.get<ArticleRow>("SELECT * FROM articles WHERE url = ?", [url]);
    return row ? toArticle(row) : null;
  };
  return {
    async add(article, now = new Date()) {
      const document = documentIdOf(article.url);
      const changed = await sql.run(
        `INSERT INTO articles (document, url, title, outlet, author, published, text, added_at, added_via, feed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [document, article.url, article.title, article.outlet, article.author, article.published, article.text, now.toISOString(), article.addedVia, article.feed],
      );
      return changed === 1 ? byDocument(document) : null;
    },
    async remove(documentOrUrl) {
      const found = (await byDocument(documentOrUrl)) ?? (await byUrl(documentOrUrl));
      if (!found) return null;
      await sql.run("DELETE FROM articles WHERE document = ?", [found.document]);
      return found;
    },
    byUrl,
    list: async () => (await sql.all<ArticleRow>("SELECT * FROM articles ORDER BY added_at, document")).map(toArticle),
    async version() {
      const rows = await sql.all<{ document: string; added_at: string }>("SELECT document, added_at FROM articles ORDER BY document");
      const latest = rows.reduce((max, r) => (r.added_at > max ? r.added_at : max), "");
      return createHash("sha256").update(`${rows.length}|${latest}|${rows.map((r) => r.document).join(",")}`).digest("hex").slice(0, 16);
    },
    async follow(url, title, now = new Date()) {
      await sql.run("INSERT INTO feeds (url, title, followed_at) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title)", [
        url,
        title,
        now.toISOString(),
      ]);
      return toFeed((await sql.get<FeedRow>("SELECT * FROM feeds WHERE url = ?", [url]))!);
    },
    feeds: async () => (await sql.all<FeedRow>("SELECT * FROM feeds ORDER BY followed_at, url")).map(toFeed),
    async polled(url, validators, now = new Date()) {
      await sql.run("UPDATE feeds SET etag = ?, last_modified = ?, polled_at = ? WHERE url = ?", [validators.etag, validators.lastModified, now.toISOString(), url]);
    },
    seen: async (feed, entryUrl) => (await sql.get("SELECT 1 AS one FROM feed_entries WHERE feed = ? AND url = ?", [feed, entryUrl])) !== undefined,
    async recordEntry(feed, entryUrl, state, reason, now = new Date()) {
      await sql.run(
        `INSERT INTO feed_entries (feed, url, state, reason, seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (feed, url) DO UPDATE SET state = excluded.state, reason = excluded.reason, seen_at = excluded.seen_at`,
        [feed, entryUrl, state, reason, now.toISOString()],
      );
    },
  };
}
