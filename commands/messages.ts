import { notice, type Reply } from "../src/reply/reply.js";
import type { UserError, UserErrorCode, UserErrorContext } from "./errors.js";

/** What only admins may do, by command (the `not-admin` refusal names it). */
const ADMIN_ONLY: Readonly<Record<string, string>> = {
  sources: "change its sources. Anyone may list them: /dispute sources.",
  feedback: "read the feedback on answers.",
};

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
  "not-admin": (c) => ({ title: "Admins only", text: `Only the bot's admins (ADMIN_USER_IDS, or on Discord the Manage Server permission) may ${ADMIN_ONLY[c.input ?? ""] ?? "do that."}` }),
  "bad-url": (c) => ({ title: "Not a web address", text: `“${typed(c, 100)}” is not an http or https address.`, withUsage: true }),
  "sources-unavailable": () => ({ title: "Not available", text: "Adding sources is not set up on this bot." }),
  "source-failed": (c) => ({ title: "Could not add it", text: `Nothing was added: ${c.detail ?? "the page could not be read"}.` }),
  "unknown-source": (c) => ({ title: "Not found", text: `No added article is “${typed(c, 100)}”; /dispute sources lists them.` }),
  "bad-date": (c) => ({ title: "Bad date", text: `“${typed(c, 20)}” is not a date; use YYYY-MM-DD, e.g. 2026-03-01.`, withUsage: true }),
  "feedback-unavailable": () => ({ title: "Not available", text: "Feedback on answers is not kept on this bot." }),
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

/** Said before the passages of a follow-up answered together with the question asked before it in the conversation. */
export const followUpLead = (earlier: string): string => `Reading this with the earlier question: “${earlier.length > 200 ? `${earlier.slice(0, 199)}…` : earlier}”`;

/** The private answers to a 👍 / 👎 click on an answer. */
export const FEEDBACK_MESSAGES = {
  /** The button labels. */
  up: "👍 Helpful",
  down: "👎 Not helpful",
  recorded: notice("Thanks", "Thanks — noted.", "info"),
  changed: notice("Vote changed", "Changed your vote.", "info"),
  expired: notice("Feedback closed", "That answer can no longer take feedback — it is too old or was not kept. Please ask again.", "notice"),
} as const;

/** The summary of the feedback on answers: totals, then each question worst first (its votes and the passages it was answered with). */
export function feedbackSummary(since: string | null, total: { up: number; down: number }, questions: readonly { question: string; up: number; down: number; passages: readonly string[] }[], shown = 15): Reply {
  const period = since === null ? "in all" : `since ${since}`;
  if (total.up + total.down === 0) return notice("Feedback on answers", since === null ? "No votes yet." : `No votes ${period}.`, "info");
  const lines = questions.slice(0, shown).map((q) => `• “${q.question}” — 👎 ${q.down}, 👍 ${q.up}${q.passages.length > 0 ? `. Passages: ${q.passages.join(", ")}` : ""}`);
  if (questions.length > shown) lines.push(`…and ${questions.length - shown} more questions (the CLI lists them all: feedback report).`);
  return notice("Feedback on answers", [`👍 ${total.up} helpful, 👎 ${total.down} not helpful ${period}, worst first:`, ...lines].join("\n"), "info");
}
