import type { DigestMode, Subscription, SubscriptionFields } from "./service.js";

export { DatabaseError } from "../db/errors.js";

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

/**
 * Digest persistence on the bot's database (SQLite or PostgreSQL). Every method is asynchronous;
 * claims are atomic across processes sharing the database.
 */
export interface DigestStore {
  /**
   * Creates the channel's subscription, or updates its time, zone, mode and subscriber.
   * `baseline` documents are recorded as already told (only for a new subscription).
   */
  upsertSubscription(input: SubscriptionInput, baseline: readonly string[], now: Date): Promise<{ subscription: Subscription; created: boolean }>;
  /** Deletes the channel's subscription with its runs and delivery records; returns rows removed. */
  removeSubscription(platform: string, channel: string): Promise<number>;
  findSubscription(platform: string, channel: string): Promise<Subscription | null>;
  listSubscriptions(filter?: { readonly platform?: string; readonly channel?: string }): Promise<Subscription[]>;
  /** Documents the subscription has been told about (baseline included). */
  toldDocuments(subscriptionId: number): Promise<Set<string>>;
  /** Local date of the subscription's last sent digest. */
  lastSentDate(subscriptionId: number): Promise<string | null>;
  findRun(subscriptionId: number, localDate: string): Promise<DigestRun | null>;
  runs(subscriptionId?: number): Promise<DigestRun[]>;
  /**
   * Claims (subscription, local date): a new row is claimed (`INSERT … ON CONFLICT DO NOTHING`); a
   * 'claimed' row whose lease (claimed_at + leaseMs) has expired is taken over (an update that only
   * succeeds while the row still holds the old token); anything else is not claimed.
   */
  claimRun(subscriptionId: number, localDate: string, at: Date, leaseMs: number, token: string): Promise<ClaimResult>;
  /** Counts a delivery attempt and renews the lease; null when the claim was lost to another process. */
  beginAttempt(runId: number, token: string, at: Date): Promise<number | null>;
  /** Marks a claimed run sent and records what it told, atomically; false when the claim was lost. */
  markSent(runId: number, token: string, at: Date, messageId: string, told: Told): Promise<boolean>;
  markFailed(runId: number, token: string, at: Date, error: string): Promise<boolean>;
  markSkipped(runId: number, token: string, at: Date, note: string): Promise<boolean>;
  /** Records a day as skipped unless it already has a run (e.g. subscribed after that day's time). */
  skipDay(subscriptionId: number, localDate: string, at: Date, note: string): Promise<void>;
  /**
   * Gives up a claim still held (on shutdown): its lease ends now, so another process takes the run
   * over at its next tick instead of after the lease; false when the claim was no longer held.
   */
  releaseClaim(runId: number, token: string, at: Date): Promise<boolean>;
  /**
   * Checks that the database is still usable: the SQLite file was not deleted or replaced (every
   * write checks this too, so writes to a deleted file fail loudly instead of vanishing with it),
   * PostgreSQL answers.
   * @throws DatabaseError naming the database
   */
  check(): Promise<void>;
}
