import type { UserError } from "../../commands/errors.js";
import { USER_ERROR_MESSAGES } from "../../commands/messages.js";
import type { SubscriptionError, SubscriptionErrorCode } from "../digest/subscription-input.js";

/** How the CLI words a refused digest subscription (one line; the flag it came from first). */
const SUBSCRIPTION_MESSAGES: { readonly [C in SubscriptionErrorCode]: (input: string) => string } = {
  "bad-time": (input) => `--time “${input.slice(0, 20)}” is not a time of day; use HH:MM (00:00–23:59)`,
  "unknown-time-zone": (input) => `--tz “${input.slice(0, 64)}” is not an IANA time zone; use a name like Europe/Berlin`,
  "bad-mode": (input) => `--mode is “changes” or “daily”, not “${input.slice(0, 20)}”`,
};

/** The CLI's one line for a refused subscription. */
export function subscriptionErrorLine(error: SubscriptionError): string {
  return SUBSCRIPTION_MESSAGES[error.code](error.input);
}

/**
 * How the CLI words a refused option (one line, lower-case start): the query check's own sentence
 * where there is one, otherwise the chat catalogue's words.
 */
export function userErrorLine(error: UserError): string {
  const c = error.context;
  switch (error.identifier) {
    case "usage":
      return c.detail ?? `please give the ${c.option ?? "arguments"}`;
    case "unknown-party":
      return `unknown party “${(c.input ?? "").slice(0, 100)}”; try one of: ${(c.choices ?? []).join(", ")}`;
    case "bad-date":
      return `--${c.option ?? "since"} “${(c.input ?? "").slice(0, 20)}” is not a date; use YYYY-MM-DD, e.g. 2026-03-01`;
    case "bad-time":
    case "unknown-time-zone":
    case "bad-mode":
      return subscriptionErrorLine({ code: error.identifier, input: c.input ?? "" });
    default:
      return c.detail ?? USER_ERROR_MESSAGES[error.identifier](c).text;
  }
}
