import { Routes, type APIMessage, type Message, type REST } from "discord.js";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import type { Reply } from "../../reply/reply.js";
import type { ConversationStore, ThreadKey } from "../../store/conversation.js";
import { createAnswerTurns } from "../shared/answer-turns.js";
import { answerInConversation } from "../shared/conversation.js";
import { keepAnswer, takesFeedback, type FeedbackDeps } from "../shared/feedback.js";
import { safeError } from "../shared/redact.js";
import { messageInvocation } from "./invocation.js";
import { feedbackKeyOf, renderReply } from "./render.js";

/** What the message handler needs from the adapter. */
export interface MessageDeps {
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  readonly now: () => Date;
  readonly rest: REST;
  /** The bot's own user id, once connected. */
  readonly botId: () => string | undefined;
  /** Each conversation's last question; null: every message is read on its own. */
  readonly conversations: Pick<ConversationStore, "lastQuestion" | "rememberQuestion"> | null;
  /** Where answers and votes are kept; null: answers are shown without feedback buttons. */
  readonly feedback: FeedbackDeps | null;
  /** False while stopping: messages are then left unanswered. */
  readonly accepting: () => boolean;
  /** Masked wherever an error is logged. */
  readonly secrets: readonly string[];
}

/** User mentions (`<@123>`, `<@!123>`): the bot's own is what addressed it; the text after it is the command. */
const USER_MENTION = /<@!?\d+>/g;

/** The reply as posted in the channel: visible to everyone there, so not shareable again. */
function inConversation(reply: Reply): Reply {
  return { ...reply, ephemeral: false, actions: reply.actions.filter((a) => a !== "share") };
}

/**
 * Creates the handler of gateway messages: a message that mentions the bot, or any message in a
 * direct message with it, from a person, gets a reply to that message (`message_reference`; no
 * one is pinged, the author neither). The text after the mention runs like `/dispute` (`@bot
 * status`; plain text is `ask`). In a thread channel the thread is the conversation; elsewhere a
 * reply chain is: the question is remembered under the user's message and the bot's reply, so
 * replying to either follows up. It never rejects; failures are logged.
 */
export function createMessageHandler(deps: MessageDeps): (message: Message) => Promise<void> {
  const { log } = deps;
  const turns = createAnswerTurns();
  return async (message) => {
    const botId = deps.botId();
    if (message.author.bot || message.system || botId === undefined) return;
    const direct = !message.inGuild();
    if (!direct && !message.mentions.users.has(botId)) return;
    const context = { user: message.author.id, channel: message.channelId, command: direct ? "direct message" : "mention" };
    if (!deps.accepting()) {
      log.info(context, "ignored a message while stopping");
      return;
    }
    turns.arrived();
    const started = performance.now();
    try {
      await turns.next();
      const channel = message.channelId;
      const key = (thread: string): ThreadKey => ({ platform: "discord", channel, thread });
      const inThread = message.channel.isThread();
      const replyingTo = message.reference?.messageId;
      await answerInConversation(
        { dispatcher: deps.dispatcher, conversations: deps.conversations, log },
        {
          text: message.content.replace(USER_MENTION, " "),
          invocation: messageInvocation(message, deps.now()),
          lookup: inThread ? key(channel) : replyingTo ? key(replyingTo) : null,
          async send(reply) {
            const shown = inConversation(reply);
            const body = {
              ...renderReply(shown, { feedback: takesFeedback(shown, deps.feedback) }),
              message_reference: { message_id: message.id, channel_id: channel, ...(message.guildId ? { guild_id: message.guildId } : {}), fail_if_not_exists: false },
              allowed_mentions: { parse: [], replied_user: false },
            };
            const sent = (await deps.rest.post(Routes.channelMessages(channel), { body })) as APIMessage;
            await keepAnswer(deps.feedback, [feedbackKeyOf(sent.id)], shown, { platform: "discord", channel });
            return inThread ? [key(channel)] : [key(message.id), key(sent.id)];
          },
        },
      );
      log.info({ ...context, ms: Math.round(performance.now() - started) }, "message answered");
    } catch (error) {
      log.error({ ...context, err: safeError(error, deps.secrets), ms: Math.round(performance.now() - started) }, "could not answer a message");
    }
  };
}
