import type { AnyMiddlewareArgs, App, BlockAction, ButtonAction, Middleware } from "@slack/bolt";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import { ROOT } from "../../../commands/index.js";
import type { Reply } from "../../reply/reply.js";
import { createAnswerTurns, type AnswerTurns } from "../shared/answer-turns.js";
import type { ConversationStore } from "../../store/conversation.js";
import { keepAnswer, newFeedbackKey, takesFeedback, type FeedbackDeps } from "../shared/feedback.js";
import type { InFlight } from "../shared/in-flight.js";
import { safeError } from "../shared/redact.js";
import type { ShareCache } from "../shared/share-cache.js";
import type { DeliveryLog } from "../../store/deliveries.js";
import { mayShare, type ShareOwner } from "../shared/share-owner.js";
import { adapterText } from "../shared/texts.js";
import { registerConversationListeners } from "./conversation-listeners.js";
import { registerFeedbackListener } from "./feedback-listener.js";
import { commandInvocation, shortcutInvocation } from "./invocation.js";
import { NO_UNFURL, renderReply, SHARE_ACTION_ID } from "./render.js";
import type { ResponsePoster } from "./response-url.js";
import { fromSlackText } from "./slack-text.js";

/** The slash command, as registered in the manifest. */
export const SLASH_COMMAND = `/${ROOT.name}`;
/** The callback id of the "Find sources" message shortcut, as registered in the manifest. */
export const FIND_SOURCES_CALLBACK_ID = "find_sources";

const RESTARTING = adapterText("restarting");

/** What the listeners need. */
export interface ListenerDeps {
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  readonly now: () => Date;
  /** Replies that may still be shared, by the id in the button's value. */
  readonly shareable: ShareCache;
  /** Deliveries taken recently (by any replica), to drop repeated deliveries of a trigger. */
  readonly seen: DeliveryLog;
  readonly inFlight: InFlight;
  /** Posts answers to response URLs (with a time limit and a few retries). */
  readonly respond: ResponsePoster;
  /** Each conversation's last question (threads, direct messages); null: every message is read on its own. */
  readonly conversations: Pick<ConversationStore, "lastQuestion" | "rememberQuestion"> | null;
  /** Where answers and votes are kept; null: answers are shown without feedback buttons. */
  readonly feedback: FeedbackDeps | null;
}

/** How listeners run their answers: after the acknowledgement, in turns, tracked for stopping. */
export interface AnswerWork {
  readonly turns: AnswerTurns;
  /** Runs an answer after the listener has returned; failures are logged. */
  background(task: () => Promise<void>): void;
}


/** How long a trigger is remembered as delivered. */
export const REPEAT_TTL_MS = 10 * 60 * 1000;

/**
 * Drops retries (`X-Slack-Retry-Num`: the first delivery is already being answered) and repeated
 * deliveries of the same trigger or event (`event_id`), acknowledging them so Slack stops sending them.
 */
export function dropRepeats(deps: Pick<ListenerDeps, "log" | "seen" | "now">): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    const body = args.body as { trigger_id?: unknown; event_id?: unknown };
    const trigger = typeof body.trigger_id === "string" ? body.trigger_id : typeof body.event_id === "string" ? body.event_id : undefined;
    // Socket Mode marks first deliveries `retry_attempt: 0`; only 1 and up are retries
    if (args.context.retryNum !== undefined && Number(args.context.retryNum) > 0) {
      deps.log.info({ platform: "slack", retryNum: args.context.retryNum, reason: args.context.retryReason }, "ignored a retried delivery");
      await ack?.();
      return;
    }
    if (trigger !== undefined && !(await deps.seen.firstTime(`slack:trigger:${trigger}`, REPEAT_TTL_MS, deps.now()))) {
      deps.log.info({ platform: "slack" }, "ignored a repeated delivery");
      await ack?.();
      return;
    }
    await args.next();
  };
}

/**
 * Registers the slash command, the message shortcut, the share and feedback buttons, mentions
 * and direct messages on a Bolt app.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { dispatcher, log, now, shareable, inFlight, respond } = deps;
  // acknowledgements first: answers start once requests stop arriving, one per event-loop turn
  const turns = createAnswerTurns();

  const send = async (responseUrl: string, reply: Reply, owner: ShareOwner, extra: { thread_ts?: string } = {}): Promise<void> => {
    const shareId = reply.actions.includes("share") ? await shareable.put(reply, owner) : undefined;
    const feedbackKey = takesFeedback(reply, deps.feedback) ? newFeedbackKey() : undefined;
    const message = renderReply(reply, { ...(shareId === undefined ? {} : { shareId }), ...(feedbackKey === undefined ? {} : { feedbackKey }) });
    await respond(responseUrl, { response_type: reply.ephemeral ? "ephemeral" : "in_channel", ...message, ...NO_UNFURL, ...extra });
    if (feedbackKey !== undefined) await keepAnswer(deps.feedback, [feedbackKey], reply, { platform: "slack", channel: owner.channel ?? "" });
  };

  /**
   * Runs an answer after the listener has returned, so Bolt finishes with the request (and lets go
   * of it) right after the acknowledgement; `inFlight` still tracks the answer for stopping.
   */
  const background = (task: () => Promise<void>): void => {
    inFlight.run(task).catch((error: unknown) => log.error({ platform: "slack", err: safeError(error) }, "an answer task failed"));
  };

  app.use(dropRepeats(deps));
  const work: AnswerWork = { turns, background };
  registerConversationListeners(app, deps, work);
  registerFeedbackListener(app, deps, work);

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    turns.arrived();
    if (!inFlight.accepting) {
      await ack({ response_type: "ephemeral", text: RESTARTING });
      return;
    }
    await ack();
    const subcommand = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    background(async () => {
      await turns.next();
      try {
        const reply = await dispatcher.runText(fromSlackText(command.text), commandInvocation(command, now()));
        await send(command.response_url, reply, { user: command.user_id, channel: command.channel_id });
      } catch (error) {
        log.error({ platform: "slack", user: command.user_id, command: subcommand, err: safeError(error) }, "could not answer a slash command");
      }
    });
  });

  app.shortcut({ type: "message_action", callback_id: FIND_SOURCES_CALLBACK_ID }, async ({ shortcut, ack }) => {
    turns.arrived();
    await ack();
    const thread = typeof shortcut.message.thread_ts === "string" ? { thread_ts: shortcut.message.thread_ts } : {};
    background(async () => {
      await turns.next();
      try {
        if (!inFlight.accepting) {
          await respond(shortcut.response_url, { response_type: "ephemeral", text: RESTARTING });
          return;
        }
        const reply = await dispatcher.findSources(fromSlackText(shortcut.message.text ?? ""), shortcutInvocation(shortcut, now()));
        await send(shortcut.response_url, reply, { user: shortcut.user.id, channel: shortcut.channel.id }, thread);
      } catch (error) {
        log.error({ platform: "slack", user: shortcut.user.id, command: "find sources", err: safeError(error) }, "could not answer a message shortcut");
      }
    });
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ action, body, ack }) => {
    turns.arrived();
    await ack();
    background(async () => {
      const ephemeral = (text: string): Promise<unknown> => respond(body.response_url, { response_type: "ephemeral", replace_original: false, text });
      try {
        const key = action.value ?? "";
        const entry = await shareable.get(key);
        if (!entry) return void (await ephemeral(adapterText("expired")));
        const channel = body.channel?.id ?? body.container?.channel_id;
        if (!mayShare(entry.owner, body.user?.id, channel)) {
          log.warn({ platform: "slack", user: body.user?.id, channel, command: "share" }, "refused to share another user's answer");
          return void (await ephemeral(adapterText("notYours")));
        }
        // marking is one conditional update: of two clicks at once, on whichever replicas, one shares
        if (entry.shared || !(await shareable.markShared(key))) return void (await ephemeral(adapterText("alreadyShared")));
        const sharedBy = body.user.username || body.user.name || "someone";
        const message = renderReply({ ...entry.reply, actions: [], ephemeral: false }, { sharedBy });
        await respond(body.response_url, { response_type: "in_channel", replace_original: false, ...message, ...NO_UNFURL });
        log.info({ platform: "slack", user: body.user.id, command: "share" }, "answer shared in channel");
      } catch (error) {
        log.error({ platform: "slack", user: body.user.id, command: "share", err: safeError(error) }, "could not share an answer");
      }
    });
  });
}
