import { insertRows, type Sql } from "../db/sql.js";
import type { DigestMode, Subscription } from "./service.js";
import type { ClaimResult, DigestRun, DigestStore, RunState, SubscriptionInput, Told } from "./store.js";

interface SubscriptionRow {
  id: number;
  platform: string;
  channel: string;
  time: string;
  time_zone: string;
  mode: DigestMode;
  subscriber: string | null;
  workspace: string | null;
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
  id: Number(r.id),
  platform: r.platform,
  channel: r.channel,
  time: r.time,
  timeZone: r.time_zone,
  mode: r.mode,
  subscriber: r.subscriber,
  workspace: r.workspace ?? null,
  createdAt: r.created_at,
});

const toRun = (r: RunRow): DigestRun => ({
  id: Number(r.id),
  subscriptionId: Number(r.subscription_id),
  localDate: r.local_date,
  state: r.state,
  attempts: Number(r.attempts),
  error: r.error,
  note: r.note,
  messageId: r.message_id,
  claimedAt: r.claimed_at,
  updatedAt: r.updated_at,
});

/** A lease that ended long ago: what a released claim's `claimed_at` becomes. */
const LONG_AGO = new Date(0).toISOString();

const SUBSCRIPTION = "SELECT * FROM subscriptions WHERE platform = ? AND channel = ?";
const RUN = "SELECT * FROM digest_runs WHERE subscription_id = ? AND local_date = ?";

/** Records documents as told to a subscription (those already recorded keep their first record). */
const tell = (sql: Sql, subscriptionId: number, documents: readonly string[], runId: number | null, at: string): Promise<number> =>
  insertRows(
    sql,
    "delivered_documents",
    ["subscription_id", "document", "run_id", "recorded_at"],
    documents.map((d) => [subscriptionId, d, runId, at]),
    "ON CONFLICT (subscription_id, document) DO NOTHING",
  );

/**
 * The {@link DigestStore} over the bot's database (either engine). `check` is the database's
 * check (the SQLite file's identity, or PostgreSQL answering).
 */
export function digestStoreOver(sql: Sql, check: () => Promise<void>): DigestStore {
  const finish = async (id: number, token: string, at: Date, fields: { state: RunState; messageId?: string; error?: string; note?: string }, db: Sql = sql): Promise<boolean> =>
    (await db.run(
      `UPDATE digest_runs SET state = ?, message_id = ?, error = ?, note = ?, updated_at = ?
       WHERE id = ? AND claim_token = ? AND state = 'claimed'`,
      [fields.state, fields.messageId ?? null, fields.error ?? null, fields.note ?? null, at.toISOString(), id, token],
    )) === 1;
  const findRun = async (subscriptionId: number, localDate: string): Promise<DigestRun | null> => {
    const row = await sql.get<RunRow>(RUN, [subscriptionId, localDate]);
    return row ? toRun(row) : null;
  };
  const insertRun = (subscriptionId: number, localDate: string, state: RunState, token: string | null, at: string, note: string | null): Promise<number> =>
    sql.run(
      `INSERT INTO digest_runs (subscription_id, local_date, state, attempts, claim_token, claimed_at, updated_at, note)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (subscription_id, local_date) DO NOTHING`,
      [subscriptionId, localDate, state, token, at, at, note],
    );

  return {
    upsertSubscription: (input, baseline, now) =>
      sql.transaction(async (tx) => {
        const stamp = now.toISOString();
        const inserted = await tx.get<{ id: number }>(
          `INSERT INTO subscriptions (platform, channel, time, time_zone, mode, subscriber, workspace, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, channel) DO NOTHING RETURNING id`,
          [input.platform, input.channel, input.time, input.timeZone, input.mode, input.subscriber, input.workspace ?? null, stamp, stamp],
        );
        if (inserted) {
          await tell(tx, Number(inserted.id), baseline, null, stamp);
        } else {
          // an update that does not know the workspace (from the CLI) keeps the one recorded
          await tx.run("UPDATE subscriptions SET time = ?, time_zone = ?, mode = ?, subscriber = ?, workspace = COALESCE(?, workspace), updated_at = ? WHERE platform = ? AND channel = ?", [
            input.time,
            input.timeZone,
            input.mode,
            input.subscriber,
            input.workspace ?? null,
            stamp,
            input.platform,
            input.channel,
          ]);
        }
        const row = await tx.get<SubscriptionRow>(SUBSCRIPTION, [input.platform, input.channel]);
        return { subscription: toSubscription(row!), created: inserted !== undefined };
      }),
    removeSubscription: (platform, channel) => sql.run("DELETE FROM subscriptions WHERE platform = ? AND channel = ?", [platform, channel]),
    async findSubscription(platform, channel) {
      const row = await sql.get<SubscriptionRow>(SUBSCRIPTION, [platform, channel]);
      return row ? toSubscription(row) : null;
    },
    async listSubscriptions(filter = {}) {
      const rows = await sql.all<SubscriptionRow>("SELECT * FROM subscriptions ORDER BY platform, channel");
      return rows
        .filter((r) => (filter.platform === undefined || r.platform === filter.platform) && (filter.channel === undefined || r.channel === filter.channel))
        .map(toSubscription);
    },
    async toldDocuments(subscriptionId) {
      const rows = await sql.all<{ document: string }>("SELECT document FROM delivered_documents WHERE subscription_id = ?", [subscriptionId]);
      return new Set(rows.map((r) => r.document));
    },
    async lastSentDate(subscriptionId) {
      const row = await sql.get<{ d: string | null }>("SELECT MAX(local_date) AS d FROM digest_runs WHERE subscription_id = ? AND state = 'sent'", [subscriptionId]);
      return row?.d ?? null;
    },
    findRun,
    async runs(subscriptionId) {
      const rows =
        subscriptionId === undefined
          ? await sql.all<RunRow>("SELECT * FROM digest_runs ORDER BY id")
          : await sql.all<RunRow>("SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY id", [subscriptionId]);
      return rows.map(toRun);
    },
    async claimRun(subscriptionId, localDate, at, leaseMs, token): Promise<ClaimResult> {
      const stamp = at.toISOString();
      const inserted = (await insertRun(subscriptionId, localDate, "claimed", token, stamp, null)) === 1;
      const row = (await sql.get<RunRow>(RUN, [subscriptionId, localDate]))!;
      if (inserted) return { claimed: true, run: toRun(row), token, takenOver: false };
      const expired = row.state === "claimed" && row.claim_token !== null && at.getTime() - Date.parse(row.claimed_at) >= leaseMs;
      if (!expired) return { claimed: false, run: toRun(row) };
      // only one process can replace the token it read: the others find it changed and leave the run alone
      const taken = await sql.get<RunRow>(
        "UPDATE digest_runs SET claim_token = ?, claimed_at = ?, updated_at = ? WHERE id = ? AND state = 'claimed' AND claim_token = ? RETURNING *",
        [token, stamp, stamp, row.id, row.claim_token],
      );
      if (taken) return { claimed: true, run: toRun(taken), token, takenOver: true };
      return { claimed: false, run: (await findRun(subscriptionId, localDate))! };
    },
    async beginAttempt(runId, token, at) {
      const row = await sql.get<{ attempts: number }>(
        "UPDATE digest_runs SET attempts = attempts + 1, claimed_at = ?, updated_at = ? WHERE id = ? AND claim_token = ? AND state = 'claimed' RETURNING attempts",
        [at.toISOString(), at.toISOString(), runId, token],
      );
      return row ? Number(row.attempts) : null;
    },
    markSent: (runId, token, at, messageId, told: Told) =>
      sql.transaction(async (tx) => {
        if (!(await finish(runId, token, at, { state: "sent", messageId }, tx))) return false;
        const run = await tx.get<{ subscription_id: number }>("SELECT subscription_id FROM digest_runs WHERE id = ?", [runId]);
        await tell(tx, Number(run!.subscription_id), told.documents, runId, at.toISOString());
        return true;
      }),
    markFailed: (runId, token, at, error) => finish(runId, token, at, { state: "failed", error: error.slice(0, 1000) }),
    markSkipped: (runId, token, at, note) => finish(runId, token, at, { state: "skipped", note }),
    async skipDay(subscriptionId, localDate, at, note) {
      await insertRun(subscriptionId, localDate, "skipped", null, at.toISOString(), note);
    },
    async releaseClaim(runId, token, at) {
      const changed = await sql.run("UPDATE digest_runs SET claimed_at = ?, updated_at = ? WHERE id = ? AND claim_token = ? AND state = 'claimed'", [
        LONG_AGO,
        at.toISOString(),
        runId,
        token,
      ]);
      return changed === 1;
    },
    check,
  };
}
