import { notice, type Reply } from "../src/reply/reply.js";
import type { UserError, UserErrorCode, UserErrorContext } from "./errors.js";

/** What the user typed, cut for echoing back. */
const typed = (context: UserErrorContext, max = 64): string => (context.input ?? "").slice(0, max);

/**
 * The words of every refusal the chat front ends (Slack, Discord, console) give: a title and a
 * sentence per {@link UserErrorCode}. `usage` and its kin end with the command's usage line.
 */
export const USER_ERROR_MESSAGES: { readonly [C in UserErrorCode]: (context: UserErrorContext) => { title: string; text: string; withUsage?: boolean } } = {
  usage: (c) => ({ title: "Usage", text: c.detail ?? `Please give the ${c.option ?? "options"}.`, withUsage: true }),
  "too-long": (c) => ({
    title: "Too long",
    text: c.detail ?? `The ${c.option ?? "text"} is too long (at most ${c.maxLength ?? 0} characters).`,
  }),
  "not-text": (c) => ({ title: "Not text", text: c.detail ?? "That text has control characters or bytes that are not text." }),
  "rate-limited": (c) => ({ title: "Slow down", text: `You're sending commands quickly — try again in ${c.retryAfterSeconds ?? 1} s.` }),
  "guild-only": () => ({ title: "Servers only", text: "This command works only in a server's channels." }),
  "not-allowed": () => ({ title: "Not allowed", text: "Only members who can manage this channel (Manage Channels) may change its digest." }),
  "digests-unavailable": () => ({ title: "Digests are not available", text: "Daily digests are not set up on this bot." }),
  "unknown-party": (c) => ({ title: "Unknown party", text: `I don't know “${typed(c, 100)}”. Try one of: ${(c.choices ?? []).join(", ")}.` }),
  "nothing-to-look-up": () => ({ title: "Nothing to look up", text: "That message has no text to find sources for." }),
  "bad-time": (c) => ({ title: "Bad time", text: `“${typed(c, 20)}” is not a time of day; use HH:MM, e.g. 08:30.` }),
  "unknown-time-zone": (c) => ({
    title: "Unknown time zone",
    text: `“${typed(c)}” is not an IANA time zone; use a name like Europe/Berlin or America/New_York.`,
  }),
  "bad-mode": (c) => ({ title: "Bad mode", text: `Mode is “changes” or “daily”, not “${typed(c, 20)}”.` }),
  "not-admin": () => ({ title: "Admins only", text: "Only the bot's admins (ADMIN_USER_IDS, or on Discord the Manage Server permission) may change its sources. Anyone may list them: /dispute sources." }),
  "bad-url": (c) => ({ title: "Not a web address", text: `“${typed(c, 100)}” is not an http or https address.`, withUsage: true }),
  "sources-unavailable": () => ({ title: "Not available", text: "Adding sources is not set up on this bot." }),
  "source-failed": (c) => ({ title: "Could not add it", text: `Nothing was added: ${c.detail ?? "the page could not be read"}.` }),
  "unknown-source": (c) => ({ title: "Not found", text: `No added article is “${typed(c, 100)}”; /dispute sources lists them.` }),
};

/** The reply for a refusal; `usage` is the command's usage line, added where the message asks for it. */
export function userErrorReply(error: UserError, usage?: string): Reply {
  const message = USER_ERROR_MESSAGES[error.identifier](error.context);
  const text = message.withUsage && usage ? `${message.text}\nUsage: /dispute ${usage}` : message.text;
  return notice(message.title, text, "error");
}

/** Said when a command failed on the bot's side (the error is logged, never shown). */
export const SOMETHING_WENT_WRONG = notice("Something went wrong", "I could not answer that because of an error on my side. It has been logged; please try again.", "error");

/** The help lead for an unknown subcommand. */
export const unknownCommandLead = (label: string): string => `I don't know “${label}”. Here is what I can do:`;

/** The help lead for a group named without a known subcommand. */
export const groupUsageLead = (usage: string): string => `Use /dispute ${usage}.`;

/** Digest confirmations. */
export const DIGEST_MESSAGES = {
  subscribed: (mode: "changes" | "daily", time: string, timeZone: string, next: string): Reply =>
    notice("Digest subscribed", `This channel gets a ${mode === "daily" ? "daily" : "news-only"} digest at ${time} ${timeZone}. Next: ${next}.`),
  stopped: notice("Digest stopped", "This channel will get no more digests."),
  noneHere: (kind: Reply["kind"]): Reply =>
    notice("No digest here", "This channel has no digest subscription. Start one with `digest subscribe 08:00 Europe/Berlin`.", kind),
  list: (lines: readonly string[]): Reply => notice("Digest subscriptions", lines.join("\n"), "info"),
  nothingToPost: notice("Nothing to post", "With its mode, this channel's digest would post nothing now, or the channel has no subscription.", "info"),
} as const;

/** How a `cite` reply names each verdict before its reason. */
export const VERDICT_LABELS = {
  supported: "Supported",
  contradicted: "Contradicted",
  mixed: "Sources disagree",
  unverified: "Unverified",
} as const;

/** Said before the passages of an answer given with low confidence. */
export const LOW_CONFIDENCE = "These are the closest passages I found; they may not answer your question.";
