import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import { commands, groups } from "../../../commands/index.js";
import type { Invocation } from "../../../commands/types.js";
import type { Reply } from "../../reply/reply.js";
import type { ConversationStore, ThreadKey } from "../../store/conversation.js";
import { safeError } from "./redact.js";

/** How long a conversation's last question is kept for follow-ups. */
export const FOLLOW_UP_WINDOW_MS = 60 * 60 * 1000;

/** What a conversation needs: the dispatcher, and the store of each conversation's last question. */
export interface ConversationDeps {
  readonly dispatcher: Dispatcher;
  /** Null where the bot keeps no conversation state: every message is then read on its own. */
  readonly conversations: Pick<ConversationStore, "lastQuestion" | "rememberQuestion"> | null;
  readonly log: Logger;
}

/** One message to the bot in a conversation (a mention, a direct message, a reply to the bot). */
export interface ConversationTurn {
  /** What the user wrote, the bot's mention removed. */
  readonly text: string;
  readonly invocation: Invocation;
  /** Where the question before it was asked: the thread, or the message replied to; null when none. */
  readonly lookup: ThreadKey | null;
  /** Posts the reply; resolves with the keys to remember the question under (the thread, or the user's message and the bot's reply). */
  send(reply: Reply): Promise<readonly ThreadKey[]>;
}

/** The names a message may start with to run a command (`status`, `digest …`). */
const NAMES = new Set([...commands, ...groups].map((c) => c.definition.name));

/**
 * A message to the bot as a command: `status`, `digest list` or any other command as typed (a
 * leading `/dispute` is fine), a bare mention as `help`, and anything else as `ask …`.
 */
export function commandTextOf(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().replace(/^\/?dispute\b\s*/i, "");
  if (words === "") return "help";
  return NAMES.has(words.split(" ")[0]!.toLowerCase()) ? words : `ask ${words}`;
}

/** The question an answer was given to, as it was read (with the earlier question, for a follow-up); null for other replies. */
function questionOf(reply: Reply): string | null {
  return reply.data?.type === "answer" ? reply.data.answer.query : null;
}

/**
 * Answers one message in a conversation, the same way on every platform: looks up the question
 * asked there last (within the hour), runs the message as a command with it, posts the reply,
 * and remembers the question as it was read under the keys the post names. A store that fails is
 * logged and the message is answered on its own; it never costs the user the answer.
 */
export async function answerInConversation(deps: ConversationDeps, turn: ConversationTurn): Promise<Reply> {
  const { invocation } = turn;
  const where = { platform: invocation.platform, channel: invocation.channel.id };
  let previous: string | null = null;
  if (turn.lookup && deps.conversations) {
    try {
      previous = await deps.conversations.lastQuestion(turn.lookup, invocation.now, FOLLOW_UP_WINDOW_MS);
    } catch (error) {
      deps.log.warn({ ...where, err: safeError(error) }, "could not look up the conversation's last question; answering on its own");
    }
  }
  const reply = await deps.dispatcher.runText(commandTextOf(turn.text), previous === null ? invocation : { ...invocation, previousQuestion: previous });
  const keys = await turn.send(reply);
  const question = questionOf(reply);
  if (question === null || !deps.conversations) return reply;
  try {
    for (const key of keys) await deps.conversations.rememberQuestion(key, question, invocation.now);
  } catch (error) {
    deps.log.warn({ ...where, err: safeError(error) }, "could not remember the conversation's question");
  }
  return reply;
}
