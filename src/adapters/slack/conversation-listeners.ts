import type { App, webApi } from "@slack/bolt";
import type { Reply } from "../../reply/reply.js";
import type { ThreadKey } from "../../store/conversation.js";
import { answerInConversation } from "../shared/conversation.js";
import { keepAnswer, newFeedbackKey, takesFeedback } from "../shared/feedback.js";
import { safeError } from "../shared/redact.js";
import { messageInvocation } from "./invocation.js";
import type { AnswerWork, ListenerDeps } from "./listeners.js";
import { NO_UNFURL, renderReply } from "./render.js";
import { fromSlackText } from "./slack-text.js";

/** A message to the bot: a mention in a channel or a direct message. */
interface ConversationMessage {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  readonly ts: string;
  readonly thread_ts?: string | undefined;
  readonly team?: string | undefined;
}

/** User mentions (`<@U123>`, `<@U123|ana>`): the bot's own is what addressed it; the text after it is the command. */
const USER_MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g;

/** The reply as posted in the conversation: visible to everyone there, so not shareable again. */
function inConversation(reply: Reply): Reply {
  return { ...reply, ephemeral: false, actions: reply.actions.filter((a) => a !== "share") };
}

/**
 * Registers `app_mention` (answered in the mention's thread) and direct messages to the bot
 * (`message` events in an `im` channel from a person, answered there). The text after the
 * mention runs like a slash command (`@bot status`; plain text is `ask`), visibly, with
 * `chat.postMessage`; a follow-up in the thread or the direct message is read with the question
 * asked there before. Bolt acknowledges events at once; retried and repeated deliveries never
 * reach these listeners (see `dropRepeats`).
 */
export function registerConversationListeners(app: App, deps: ListenerDeps, work: AnswerWork): void {
  const { log, inFlight } = deps;

  /** Answers one message; `thread` is the conversation's key, `threadTs` where the answer goes (none: the channel itself). */
  const answer = (client: webApi.WebClient, message: ConversationMessage, thread: ThreadKey, threadTs: string | undefined, kind: string): void => {
    work.turns.arrived();
    if (!inFlight.accepting) {
      log.info({ platform: "slack", user: message.user, command: kind }, "ignored a message while stopping");
      return;
    }
    work.background(async () => {
      const started = performance.now();
      await work.turns.next();
      try {
        const text = fromSlackText(message.text.replace(USER_MENTION, " "));
        await answerInConversation(
          { dispatcher: deps.dispatcher, conversations: deps.conversations, log },
          {
            text,
            invocation: messageInvocation(message, deps.now()),
            lookup: thread,
            async send(reply) {
              const shown = inConversation(reply);
              const feedbackKey = takesFeedback(shown, deps.feedback) ? newFeedbackKey() : undefined;
              const rendered = renderReply(shown, feedbackKey === undefined ? {} : { feedbackKey });
              const posted = await client.chat.postMessage({ channel: message.channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...rendered, ...NO_UNFURL });
              if (feedbackKey !== undefined) {
                const keys = posted.ts ? [feedbackKey, `slack:${message.channel}:${posted.ts}`] : [feedbackKey];
                await keepAnswer(deps.feedback, keys, shown, { platform: "slack", channel: message.channel });
              }
              return [thread];
            },
          },
        );
        log.info({ platform: "slack", user: message.user, channel: message.channel, command: kind, ms: Math.round(performance.now() - started) }, "message answered");
      } catch (error) {
        log.error({ platform: "slack", user: message.user, channel: message.channel, command: kind, err: safeError(error) }, "could not answer a message");
      }
    });
  };

  app.event("app_mention", async ({ event, client }) => {
    if (event.bot_id !== undefined || event.user === undefined) return;
    const threadTs = event.thread_ts ?? event.ts;
    answer(client, { ...event, user: event.user }, { platform: "slack", channel: event.channel, thread: threadTs }, threadTs, "mention");
  });

  app.event("message", async ({ event, client }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id !== undefined) return;
    answer(client, { ...event, text: event.text ?? "" }, { platform: "slack", channel: event.channel, thread: event.thread_ts ?? event.channel }, event.thread_ts, "direct message");
  });
}
