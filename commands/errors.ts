import type { SubscriptionErrorCode } from "../src/digest/subscription-input.js";

/**
 * Every refusal a user can get, by identifier. The words for each are in commands/messages.ts.
 * `usage` missing or empty input; `too-long` over an option's limit; `not-text` control characters;
 * `rate-limited`; `guild-only`; `not-allowed` (cannot manage the channel); `digests-unavailable`;
 * `unknown-party`; `nothing-to-look-up` (an empty message for Find sources); `not-admin`;
 * `bad-url`; `sources-unavailable` (no database for added articles); `source-failed` (a page or
 * feed could not be fetched or read); `unknown-source` (nothing added by that name); `bad-date` (not
 * a calendar date, YYYY-MM-DD); `feedback-unavailable` (no store for feedback); and the digest
 * subscription codes of src/digest/subscription-input.ts.
 */
export type UserErrorCode =
  | "usage"
  | "too-long"
  | "not-text"
  | "rate-limited"
  | "guild-only"
  | "not-allowed"
  | "digests-unavailable"
  | "unknown-party"
  | "nothing-to-look-up"
  | "not-admin"
  | "bad-url"
  | "sources-unavailable"
  | "source-failed"
  | "unknown-source"
  | "bad-date"
  | "feedback-unavailable"
  | SubscriptionErrorCode;

/** What a message needs besides its code: the option concerned, what was typed, limits, waits. */
export interface UserErrorContext {
  /** The option concerned, e.g. "question". */
  readonly option?: string;
  /** What the user typed (shown cut and cleaned). */
  readonly input?: string;
  /** A more specific sentence (e.g. from the query check). */
  readonly detail?: string;
  readonly maxLength?: number;
  readonly retryAfterSeconds?: number;
  /** Choices to offer, e.g. the parties. */
  readonly choices?: readonly string[];
}

/** A refusal to show the user (never logged as a failure): an identifier and its context. */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    readonly identifier: UserErrorCode,
    readonly context: UserErrorContext = {},
  ) {
    super(identifier);
  }
}
