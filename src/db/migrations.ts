import type Database from "better-sqlite3";

/** One schema step; `version` is what `PRAGMA user_version` reads once it has been applied. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** The database schema (digests, and the articles and feeds added to the seeds), oldest first. Never edit an applied step: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE subscriptions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        platform    TEXT NOT NULL,
        channel     TEXT NOT NULL,
        time        TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        time_zone   TEXT NOT NULL,
        mode        TEXT NOT NULL CHECK (mode IN ('changes', 'daily')),
        subscriber  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (platform, channel)
      );

      -- Runs: one row per subscription and local date. claimed → sent | failed | skipped.
      CREATE TABLE digest_runs (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        subscription_id  INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        local_date       TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        error            TEXT,
        note             TEXT,
        message_id       TEXT,
        claim_token      TEXT,
        claimed_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (subscription_id, local_date)
      );

      -- What each subscription has been told about. run_id is NULL for the baseline taken at subscribe time.
      CREATE TABLE delivered_documents (
        subscription_id  INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        document         TEXT NOT NULL,
        run_id           INTEGER REFERENCES digest_runs (id) ON DELETE SET NULL,
        recorded_at      TEXT NOT NULL,
        PRIMARY KEY (subscription_id, document)
      );

      -- The passages quoted to each subscription.
      CREATE TABLE delivered_passages (
        subscription_id  INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        passage          TEXT NOT NULL,
        document         TEXT NOT NULL,
        run_id           INTEGER REFERENCES digest_runs (id) ON DELETE SET NULL,
        recorded_at      TEXT NOT NULL,
        PRIMARY KEY (subscription_id, passage)
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Quoted passages were recorded but never read: what a subscription was told is its documents.
      DROP TABLE delivered_passages;
    `,
  },
  {
    version: 3,
    sql: `
      -- Articles added by URL or from a followed feed: served beside the seeds folder's articles.
      CREATE TABLE articles (
        document   TEXT PRIMARY KEY,
        url        TEXT NOT NULL UNIQUE,
        title      TEXT NOT NULL,
        outlet     TEXT,
        author     TEXT,
        published  TEXT,
        text       TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        added_via  TEXT NOT NULL CHECK (added_via IN ('url', 'feed')),
        feed       TEXT
      );

      -- Feeds followed, with what their server said last time (for conditional requests).
      CREATE TABLE feeds (
        url            TEXT PRIMARY KEY,
        title          TEXT,
        etag           TEXT,
        last_modified  TEXT,
        followed_at    TEXT NOT NULL,
        polled_at      TEXT
      );

      -- Every entry a feed has offered: added, or skipped with the reason.
      CREATE TABLE feed_entries (
        feed     TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        url      TEXT NOT NULL,
        state    TEXT NOT NULL CHECK (state IN ('added', 'skipped')),
        reason   TEXT,
        seen_at  TEXT NOT NULL,
        PRIMARY KEY (feed, url)
      );
    `,
  },
  {
    version: 4,
    sql: `
      -- Answers kept for their Share button; a click on any process sharing the database finds them.
      CREATE TABLE shares (
        key            TEXT PRIMARY KEY,
        reply          TEXT NOT NULL,
        owner_user     TEXT NOT NULL,
        owner_channel  TEXT,
        shared         INTEGER NOT NULL DEFAULT 0,
        expires_at     INTEGER NOT NULL
      );
      CREATE INDEX shares_expiry ON shares (expires_at);

      -- Deliveries already taken (Slack retries and repeated triggers), until they expire.
      CREATE TABLE seen_deliveries (
        key         TEXT PRIMARY KEY,
        expires_at  INTEGER NOT NULL
      );
      CREATE INDEX seen_deliveries_expiry ON seen_deliveries (expires_at);

      -- Requests counted against each user's per-minute budget.
      CREATE TABLE rate_hits (
        id   INTEGER PRIMARY KEY AUTOINCREMENT,
        key  TEXT NOT NULL,
        at   INTEGER NOT NULL
      );
      CREATE INDEX rate_hits_key_at ON rate_hits (key, at);

      -- The last question asked in each thread.
      CREATE TABLE thread_questions (
        platform  TEXT NOT NULL,
        channel   TEXT NOT NULL,
        thread    TEXT NOT NULL,
        question  TEXT NOT NULL,
        asked_at  INTEGER NOT NULL,
        PRIMARY KEY (platform, channel, thread)
      );
      CREATE INDEX thread_questions_asked ON thread_questions (asked_at);

      -- Answers given, kept so feedback on them can be recorded; passages is a JSON array.
      CREATE TABLE answers (
        key         TEXT PRIMARY KEY,
        platform    TEXT NOT NULL,
        channel     TEXT NOT NULL,
        question    TEXT NOT NULL,
        passages    TEXT NOT NULL,
        verdict     TEXT,
        created_at  INTEGER NOT NULL
      );

      -- One vote per user per answer.
      CREATE TABLE answer_votes (
        answer_key  TEXT NOT NULL,
        user_hash   TEXT NOT NULL,
        vote        TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        voted_at    INTEGER NOT NULL,
        PRIMARY KEY (answer_key, user_hash)
      );
      CREATE INDEX answer_votes_voted ON answer_votes (voted_at);

      -- Slack workspaces (or Enterprise Grid organisations) that installed the app: id is T… or E… with the team or enterprise id.
      CREATE TABLE slack_installations (
        id            TEXT PRIMARY KEY,
        installation  TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- The workspace (Slack team, Discord server) of a subscription's channel: whose token posts its digests.
      ALTER TABLE subscriptions ADD COLUMN workspace TEXT;
    `,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the database to the newest schema inside one write transaction, so two processes
 * opening a fresh file at once cannot both migrate it.
 * @returns the schema version afterwards
 * @throws when the file was written by a newer version of the bot
 */
export function migrate(db: Database.Database): number {
  const run = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(`digest database has schema version ${current}, newer than this bot understands (${SCHEMA_VERSION})`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    return db.pragma("user_version", { simple: true }) as number;
  });
  return run.immediate();
}
