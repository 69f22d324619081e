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
