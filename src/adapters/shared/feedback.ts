import { createHmac, randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import type { Reply } from "../../reply/reply.js";
import type { AnswerRecord, ConversationStore, Vote } from "../../store/conversation.js";
import { safeError } from "./redact.js";

/** The 👍 button's id: Slack `action_id`, Discord `custom_id`. */
export const FEEDBACK_UP_ID = "feedback_up";
/** The 👎 button's id: Slack `action_id`, Discord `custom_id`. */
export const FEEDBACK_DOWN_ID = "feedback_down";

/** The vote a button id stands for, or null when it is no feedback button. */
export function voteOf(id: string): Vote | null {
  return id === FEEDBACK_UP_ID ? "up" : id === FEEDBACK_DOWN_ID ? "down" : null;
}

/** What taking feedback needs: where answers and votes are kept, and the deployment's salt for voters' ids. */
export interface FeedbackDeps {
  readonly conversations: Pick<ConversationStore, "rememberAnswer" | "findAnswer" | "recordVote">;
  /** A secret of this deployment (a signing secret, a bot token): voters are kept as HMAC-SHA256 of their id under it. */
  readonly salt: string;
  readonly now: () => Date;
  readonly log: Logger;
  /** Told about every vote recorded or changed (e.g. a counter of votes by kind). */
  readonly onVote?: (vote: Vote) => void;
}

/** A new random key for an answer's feedback (fits a Slack button value). */
export function newFeedbackKey(): string {
  return randomBytes(12).toString("base64url");
}

/** Whether a reply is shown with feedback buttons: it offers them and the bot keeps feedback. */
export function takesFeedback(reply: Reply, deps: FeedbackDeps | null): deps is FeedbackDeps {
  return deps !== null && reply.actions.includes("feedback") && reply.data?.type === "answer";
}

/** What is kept of an answer for feedback: where it was given, the question as read, the cited passages (`document#paragraph`), the verdict. */
export function answerRecordOf(reply: Reply, platform: string, channel: string): AnswerRecord | null {
  if (reply.data?.type !== "answer") return null;
  const { answer } = reply.data;
  return {
    platform,
    channel,
    question: answer.query,
    passages: answer.items.map((item) => `${item.citation.document}#${item.citation.paragraph}`),
    verdict: "verdict" in answer ? answer.verdict : null,
  };
}

/**
 * Keeps an answer that was shown with feedback buttons under each of `keys` (a button's key, a
 * message id), so a click on it can be recorded. A store that fails is logged: the answer was
 * given, only its feedback is lost.
 */
export async function keepAnswer(deps: FeedbackDeps | null, keys: readonly string[], reply: Reply, where: { platform: string; channel: string }): Promise<void> {
  if (!takesFeedback(reply, deps)) return;
  const record = answerRecordOf(reply, where.platform, where.channel);
  if (record === null) return;
  try {
    for (const key of keys) await deps.conversations.rememberAnswer(key, record, deps.now());
  } catch (error) {
    deps.log.warn({ ...where, err: safeError(error) }, "could not keep an answer for feedback");
  }
}

/** A voter as kept: HMAC-SHA256 of platform and user id under the deployment's salt, never the id itself. */
export function voterHash(salt: string, platform: string, user: string): string {
  return createHmac("sha256", salt).update(`${platform}:${user}`).digest("hex");
}

/** One click on a feedback button. */
export interface FeedbackClick {
  /** The answer's key: the button's value (Slack) or `discord:<message id>`. */
  readonly key: string;
  readonly platform: string;
  readonly user: string;
  readonly vote: Vote;
}

/**
 * Records a click, once per user per answer (a second click changes the vote), and returns the
 * private answer to the clicker: "Thanks — noted.", "Changed your vote.", or, for an answer no
 * longer kept, that it can take no feedback. Feedback never changes answers.
 */
export async function takeVote(deps: FeedbackDeps, click: FeedbackClick): Promise<Reply> {
  const answer = await deps.conversations.findAnswer(click.key);
  if (answer === null) return FEEDBACK_MESSAGES.expired;
  const outcome = await deps.conversations.recordVote(click.key, voterHash(deps.salt, click.platform, click.user), click.vote, deps.now());
  if (outcome !== "unchanged") deps.onVote?.(click.vote);
  deps.log.info({ platform: click.platform, channel: answer.channel, vote: click.vote, outcome, command: "feedback" }, "feedback recorded");
  return outcome === "changed" ? FEEDBACK_MESSAGES.changed : FEEDBACK_MESSAGES.recorded;
}
