import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import { FIND_SOURCES, ROOT } from "../../../commands/index.js";
import { notice, type Reply } from "../../reply/reply.js";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import { createAnswerTurns } from "../shared/answer-turns.js";
import { keepAnswer, takesFeedback, takeVote, voteOf, type FeedbackDeps } from "../shared/feedback.js";
import { safeError } from "../shared/redact.js";
import type { ShareCache } from "../shared/share-cache.js";
import { mayShare } from "../shared/share-owner.js";
import { ADAPTER_REPLIES } from "../shared/texts.js";
import { choicesOf } from "./choices.js";
import { requestFromOptions } from "./command-request.js";
import { displayNameOf, focusedOption, labelOf, type InteractionAction, type InteractionActor, type InteractionEvent } from "./interaction-event.js";
import { invocationOf } from "./invocation.js";
import { feedbackKeyOf, renderReply, shareKeyOf, type DiscordMessage } from "./render.js";
import type { InteractionResponder } from "./responder.js";

/** What the interaction handler needs from the adapter. */
export interface InteractionDeps {
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  readonly now: () => Date;
  readonly shares: ShareCache;
  /** False while stopping: new work gets a polite "try again" instead. */
  readonly accepting: () => boolean;
  /** Masked wherever an error is logged. */
  readonly secrets: readonly string[];
  /** Where answers and votes are kept; null: answers are shown without feedback buttons. */
  readonly feedback: FeedbackDeps | null;
}

/** Handles one interaction, answering through its responder; never rejects. */
export type InteractionHandler = (event: InteractionEvent, responder: InteractionResponder) => Promise<void>;

const { failed: FAILED, expired: EXPIRED, notYours: NOT_YOURS, alreadyShared: ALREADY_SHARED, restarting: STOPPING } = ADAPTER_REPLIES;
const EPHEMERAL = { ephemeral: true } as const;
const VISIBLE = { ephemeral: false } as const;

type Of<K extends InteractionAction["kind"]> = Extract<InteractionAction, { kind: K }>;

/**
 * Creates the handler for every interaction the bot receives, from the gateway or over HTTP: it
 * translates the event into a dispatcher call, renders the reply, and answers through the
 * responder. It never rejects: a failure is logged and the user gets an ephemeral error reply.
 */
export function createInteractionHandler(deps: InteractionDeps): InteractionHandler {
  const { dispatcher, log, shares } = deps;
  const renderShareable = async (reply: Reply, asker: InteractionActor): Promise<DiscordMessage> =>
    renderReply(reply, {
      ...(reply.actions.includes("share") ? { shareKey: await shares.put(reply, { user: asker.userId, channel: asker.channelId }) } : {}),
      feedback: takesFeedback(reply, deps.feedback),
    });
  /** Answers with the reply (editing the deferred reply) and keeps it for feedback under the message's id. */
  const answer = async (reply: Reply, actor: InteractionActor, responder: InteractionResponder): Promise<void> => {
    const message = await responder.edit(await renderShareable(reply, actor));
    await keepAnswer(deps.feedback, [feedbackKeyOf(message.id)], reply, { platform: "discord", channel: actor.channelId ?? "" });
  };
  // acknowledgements first: answers start once interactions stop arriving, one per event-loop turn
  const turns = createAnswerTurns();

  async function command(action: Of<"command">, actor: InteractionActor, responder: InteractionResponder): Promise<void> {
    await responder.defer(EPHEMERAL);
    await turns.next();
    const reply =
      action.commandName === ROOT.name
        ? await dispatcher.run(requestFromOptions(action.options), invocationOf(actor, deps.now()))
        : notice("Unknown command", `I only answer /${ROOT.name}.`, "error");
    await answer(reply, actor, responder);
  }

  async function findSources(action: Of<"message-command">, actor: InteractionActor, responder: InteractionResponder): Promise<void> {
    await responder.defer(EPHEMERAL);
    await turns.next();
    const reply =
      action.commandName === FIND_SOURCES
        ? await dispatcher.findSources(action.content, invocationOf(actor, deps.now()))
        : notice("Unknown command", `I only know the “${FIND_SOURCES}” message action.`, "error");
    await answer(reply, actor, responder);
  }

  async function autocomplete(action: Of<"autocomplete">, responder: InteractionResponder): Promise<void> {
    const focused = focusedOption(action.options);
    const { name, subcommand } = requestFromOptions(action.options);
    const request = subcommand !== undefined ? { name, subcommand } : { name };
    await responder.suggest(focused ? choicesOf(dispatcher.suggest(focused.name, focused.value, request)) : []);
  }

  async function share(action: Of<"button">, actor: InteractionActor, responder: InteractionResponder): Promise<void> {
    const key = shareKeyOf(action.customId);
    const entry = key === null ? null : await shares.get(key);
    if (key === null || !entry) {
      await responder.reply(renderReply(EXPIRED), EPHEMERAL);
      return;
    }
    if (!mayShare(entry.owner, actor.userId, actor.channelId)) {
      log.warn({ user: actor.userId, channel: actor.channelId, command: "share" }, "refused to share another user's answer");
      await responder.reply(renderReply(NOT_YOURS), EPHEMERAL);
      return;
    }
    // marking is one conditional update: of two clicks at once, on whichever replicas, one shares
    if (entry.shared || !(await shares.markShared(key))) {
      await responder.reply(renderReply(ALREADY_SHARED), EPHEMERAL);
      return;
    }
    await responder.reply(renderReply(entry.reply, { sharedBy: displayNameOf(actor.names) }), VISIBLE);
  }

  /** A 👍 / 👎 click: recorded once per member per answer, answered privately. */
  async function vote(action: Of<"button">, choice: "up" | "down", actor: InteractionActor, responder: InteractionResponder): Promise<void> {
    const reply = deps.feedback
      ? await takeVote(deps.feedback, { key: feedbackKeyOf(action.messageId), platform: "discord", user: actor.userId, vote: choice })
      : FEEDBACK_MESSAGES.expired;
    await responder.reply(renderReply(reply), EPHEMERAL);
  }

  async function answerFailure(action: InteractionAction, responder: InteractionResponder): Promise<void> {
    if (action.kind === "autocomplete") {
      if (responder.state === "fresh") await responder.suggest([]);
      return;
    }
    if (responder.state === "deferred") await responder.edit(renderReply(FAILED));
    else if (responder.state === "answered") await responder.followUp(renderReply(FAILED), EPHEMERAL);
    else await responder.reply(renderReply(FAILED), EPHEMERAL);
  }

  async function decline(action: InteractionAction, responder: InteractionResponder): Promise<void> {
    if (action.kind === "autocomplete") await responder.suggest([]);
    else if (action.kind !== "other") await responder.reply(renderReply(STOPPING), EPHEMERAL);
  }

  return async ({ actor, action }, responder) => {
    turns.arrived();
    const started = performance.now();
    const context = { user: actor.userId, guild: actor.guildId, command: labelOf(action) };
    try {
      if (!deps.accepting()) {
        await decline(action, responder);
        log.info(context, "declined an interaction while stopping");
        return;
      }
      if (action.kind === "autocomplete") await autocomplete(action, responder);
      else if (action.kind === "command") await command(action, actor, responder);
      else if (action.kind === "message-command") await findSources(action, actor, responder);
      else if (action.kind === "button") {
        const choice = voteOf(action.customId);
        await (choice ? vote(action, choice, actor, responder) : share(action, actor, responder));
      }
      else {
        log.debug(context, "ignored an interaction");
        return;
      }
      const level = action.kind === "autocomplete" ? "debug" : "info";
      log[level]({ ...context, ms: Math.round(performance.now() - started) }, "interaction answered");
    } catch (error) {
      log.error({ ...context, err: safeError(error, deps.secrets), ms: Math.round(performance.now() - started) }, "interaction failed");
      try {
        await answerFailure(action, responder);
      } catch (second) {
        log.error({ ...context, err: safeError(second, deps.secrets) }, "could not send the error reply");
      }
    }
  };
}
