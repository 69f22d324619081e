import type Database from "better-sqlite3";
import { openDatabase } from "../db/sqlite.js";
import type { DigestMode, Subscription, SubscriptionFields } from "./service.js";

export { DatabaseError } from "../db/sqlite.js";

/** State of a digest run: claimed by a process, then sent, failed, or skipped (nothing to post). */
export type RunState = "claimed" | "sent" | "failed" | "skipped";

/** One row of the run log: the digest of one subscription for one local date. */
export interface DigestRun {
  readonly id: number;
  readonly subscriptionId: number;
  readonly localDate: string;
  readonly state: RunState;
  readonly attempts: number;
  readonly error: string | null;
  readonly note: string | null;
  readonly messageId: string | null;
  readonly claimedAt: string;
  readonly updatedAt: string;
}

/** The outcome of trying to claim a run. */
export type ClaimResult =
  | { readonly claimed: true; readonly run: DigestRun; readonly token: string; readonly takenOver: boolean }
  | { readonly claimed: false; readonly run: DigestRun };

/** What a sent digest told the subscription about. */
export interface Told {
  readonly documents: readonly string[];
}

/** A subscription to create or update. */
export type SubscriptionInput = SubscriptionFields;

/** Digest persistence over one SQLite file. All methods are synchronous; claims are atomic across processes. */
export interface DigestStore {
  readonly path: string;
  /** `PRAGMA user_version` of the open database. */
  readonly schemaVersion: number;
  /**
   * Creates the channel's subscription, or updates its time, zone, mode and subscriber.
   * `baseline` documents are recorded as already told (only for a new subscription).
   */
  upsertSubscription(input: SubscriptionInput, baseline: readonly string[], now: Date): { subscription: Subscription; created: boolean };
  /** Deletes the channel's subscription with its runs and delivery records; returns rows removed. */
  removeSubscription(platform: string, channel: string): number;
  findSubscription(platform: string, channel: string): Subscription | null;
  listSubscriptions(filter?: { readonly platform?: string; readonly channel?: string }): Subscription[];
  /** Documents the subscription has been told about (baseline included). */
  toldDocuments(subscriptionId: number): Set<string>;
  /** Local date of the subscription's last sent digest. */
  lastSentDate(subscriptionId: number): string | null;
  findRun(subscriptionId: number, localDate: string): DigestRun | null;
  runs(subscriptionId?: number): DigestRun[];
  /**
   * Claims (subscription, local date) in one write transaction: a new row is claimed; a 'claimed'
   * row whose lease (claimed_at + leaseMs) has expired is taken over; anything else is not claimed.
   */
  claimRun(subscriptionId: number, localDate: string, at: Date, leaseMs: number, token: string): ClaimResult;
  /** Counts a delivery attempt and renews the lease; null when the claim was lost to another process. */
  beginAttempt(runId: number, token: string, at: Date): number | null;
  /** Marks a claimed run sent and records what it told, atomically; false when the claim was lost. */
  markSent(runId: number, token: string, at: Date, messageId: string, told: Told): boolean;
  markFailed(runId: number, token: string, at: Date, error: string): boolean;
  markSkipped(runId: number, token: string, at: Date, note: string): boolean;
  /** Records a day as skipped unless it already has a run (e.g. subscribed after that day's time). */
  skipDay(subscriptionId: number, localDate: string, at: Date, note: string): void;
  /**
   * Checks that the database file is still the one opened (not deleted or replaced). Every write
   * checks first, so writes to a deleted file fail loudly instead of vanishing with it.
   * @throws DatabaseError naming the path
   */
  checkFile(): void;
  close(): void;
}

interface SubscriptionRow {
  id: number;
  platform: string;
  channel: string;
  time: string;
  time_zone: string;
  mode: DigestMode;
  subscriber: string | null;
  created_at: string;
}

interface RunRow {
  id: number;
  subscription_id: number;
  local_date: string;
  state: RunState;
  attempts: number;
  error: string | null;
  note: string | null;
  message_id: string | null;
  claim_token: string | null;
  claimed_at: string;
  updated_at: string;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  time: r.time,
  timeZone: r.time_zone,
  mode: r.mode,
  subscriber: r.subscriber,
  createdAt: r.created_at,
});

const toRun = (r: RunRow): DigestRun => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  localDate: r.local_date,
  state: r.state,
  attempts: r.attempts,
  error: r.error,
  note: r.note,
  messageId: r.message_id,
  claimedAt: r.claimed_at,
  updatedAt: r.updated_at,
});

/**
 * Opens the digest store over the bot's database at `path` (see {@link openDatabase}).
 * @throws DatabaseError naming the path and the reason when the database cannot be opened or is corrupt
 */
export function openDigestStore(path: string): DigestStore {
  const { db, schemaVersion, checkFile } = openDatabase(path);
  return storeOver(db, path, schemaVersion, checkFile);
}

function storeOver(db: Database.Database, path: string, schemaVersion: number, checkFile: () => void): DigestStore {
  const checked =
    <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      checkFile();
      return write(...args);
    };

  const q = {
    findSub: db.prepare<[string, string], SubscriptionRow>("SELECT * FROM subscriptions WHERE platform = ? AND channel = ?"),
    insertSub: db.prepare(
      `INSERT INTO subscriptions (platform, channel, time, time_zone, mode, subscriber, created_at, updated_at)
       VALUES (@platform, @channel, @time, @timeZone, @mode, @subscriber, @now, @now)`,
    ),
    updateSub: db.prepare(
      "UPDATE subscriptions SET time = @time, time_zone = @timeZone, mode = @mode, subscriber = @subscriber, updated_at = @now WHERE id = @id",
    ),
    deleteSub: db.prepare("DELETE FROM subscriptions WHERE platform = ? AND channel = ?"),
    listSubs: db.prepare<[], SubscriptionRow>("SELECT * FROM subscriptions ORDER BY platform, channel"),
    told: db.prepare<[number], { document: string }>("SELECT document FROM delivered_documents WHERE subscription_id = ?"),
    tellDoc: db.prepare("INSERT OR IGNORE INTO delivered_documents (subscription_id, document, run_id, recorded_at) VALUES (?, ?, ?, ?)"),
    lastSent: db.prepare<[number], { d: string | null }>("SELECT MAX(local_date) AS d FROM digest_runs WHERE subscription_id = ? AND state = 'sent'"),
    findRun: db.prepare<[number, string], RunRow>("SELECT * FROM digest_runs WHERE subscription_id = ? AND local_date = ?"),
    runById: db.prepare<[number], RunRow>("SELECT * FROM digest_runs WHERE id = ?"),
    allRuns: db.prepare<[], RunRow>("SELECT * FROM digest_runs ORDER BY id"),
    subRuns: db.prepare<[number], RunRow>("SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY id"),
    insertRun: db.prepare(
      `INSERT INTO digest_runs (subscription_id, local_date, state, attempts, claim_token, claimed_at, updated_at, note)
       VALUES (@subscriptionId, @localDate, @state, 0, @token, @at, @at, @note)
       ON CONFLICT (subscription_id, local_date) DO NOTHING`,
    ),
    takeOver: db.prepare("UPDATE digest_runs SET claim_token = ?, claimed_at = ?, updated_at = ? WHERE id = ? AND state = 'claimed' AND claim_token IS ?"),
    attempt: db.prepare(
      "UPDATE digest_runs SET attempts = attempts + 1, claimed_at = @at, updated_at = @at WHERE id = @id AND claim_token = @token AND state = 'claimed'",
    ),
    finish: db.prepare(
      `UPDATE digest_runs SET state = @state, message_id = @messageId, error = @error, note = @note, updated_at = @at
       WHERE id = @id AND claim_token = @token AND state = 'claimed'`,
    ),
  };

  const finish = (id: number, token: string, at: Date, fields: { state: RunState; messageId?: string; error?: string; note?: string }): boolean =>
    q.finish.run({ id, token, at: at.toISOString(), state: fields.state, messageId: fields.messageId ?? null, error: fields.error ?? null, note: fields.note ?? null })
      .changes === 1;

  const upsert = db.transaction((input: SubscriptionInput, baseline: readonly string[], now: string) => {
    const existing = q.findSub.get(input.platform, input.channel);
    if (existing) {
      q.updateSub.run({ ...input, now, id: existing.id });
      return { subscription: toSubscription(q.findSub.get(input.platform, input.channel)!), created: false };
    }
    const id = Number(q.insertSub.run({ ...input, now }).lastInsertRowid);
    for (const doc of baseline) q.tellDoc.run(id, doc, null, now);
    return { subscription: toSubscription(q.findSub.get(input.platform, input.channel)!), created: true };
  });

  const claim = db.transaction((subscriptionId: number, localDate: string, at: Date, leaseMs: number, token: string): ClaimResult => {
    const stamp = at.toISOString();
    const inserted = q.insertRun.run({ subscriptionId, localDate, state: "claimed", token, at: stamp, note: null }).changes === 1;
    const row = q.findRun.get(subscriptionId, localDate)!;
    if (inserted) return { claimed: true, run: toRun(row), token, takenOver: false };
    const expired = row.state === "claimed" && at.getTime() - Date.parse(row.claimed_at) >= leaseMs;
    if (!expired) return { claimed: false, run: toRun(row) };
    q.takeOver.run(token, stamp, stamp, row.id, row.claim_token);
    return { claimed: true, run: toRun(q.runById.get(row.id)!), token, takenOver: true };
  });

  const sent = db.transaction((runId: number, token: string, at: Date, messageId: string, told: Told): boolean => {
    if (!finish(runId, token, at, { state: "sent", messageId })) return false;
    const run = q.runById.get(runId)!;
    const stamp = at.toISOString();
    for (const doc of told.documents) q.tellDoc.run(run.subscription_id, doc, runId, stamp);
    return true;
  });

  return {
    path,
    schemaVersion,
    upsertSubscription: checked((input: SubscriptionInput, baseline: readonly string[], now: Date) => upsert.immediate(input, baseline, now.toISOString())),
    removeSubscription: checked((platform: string, channel: string) => q.deleteSub.run(platform, channel).changes),
    findSubscription(platform, channel) {
      const row = q.findSub.get(platform, channel);
      return row ? toSubscription(row) : null;
    },
    listSubscriptions(filter = {}) {
      return q.listSubs
        .all()
        .filter((r) => (filter.platform === undefined || r.platform === filter.platform) && (filter.channel === undefined || r.channel === filter.channel))
        .map(toSubscription);
    },
    toldDocuments: (subscriptionId) => new Set(q.told.all(subscriptionId).map((r) => r.document)),
    lastSentDate: (subscriptionId) => q.lastSent.get(subscriptionId)?.d ?? null,
    findRun(subscriptionId, localDate) {
      const row = q.findRun.get(subscriptionId, localDate);
      return row ? toRun(row) : null;
    },
    runs: (subscriptionId) => (subscriptionId === undefined ? q.allRuns.all() : q.subRuns.all(subscriptionId)).map(toRun),
    claimRun: checked((subscriptionId: number, localDate: string, at: Date, leaseMs: number, token: string) => claim.immediate(subscriptionId, localDate, at, leaseMs, token)),
    beginAttempt(runId, token, at) {
      checkFile();
      if (q.attempt.run({ id: runId, token, at: at.toISOString() }).changes !== 1) return null;
      return q.runById.get(runId)?.attempts ?? null;
    },
    markSent: checked((runId: number, token: string, at: Date, messageId: string, told: Told) => sent.immediate(runId, token, at, messageId, told)),
    markFailed: checked((runId: number, token: string, at: Date, error: string) => finish(runId, token, at, { state: "failed", error: error.slice(0, 1000) })),
    markSkipped: checked((runId: number, token: string, at: Date, note: string) => finish(runId, token, at, { state: "skipped", note })),
    checkFile,
    skipDay(subscriptionId, localDate, at, note) {
      checkFile();
      q.insertRun.run({ subscriptionId, localDate, state: "skipped", token: null, at: at.toISOString(), note });
    },
    close: () => db.close(),
  };
}
