import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type RepliableInteraction,
} from "discord.js";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import { FIND_SOURCES, ROOT } from "../../../commands/index.js";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import { notice, type Reply } from "../../reply/reply.js";
import { createAnswerTurns } from "../shared/answer-turns.js";
import { keepAnswer, takesFeedback, takeVote, voteOf, type FeedbackDeps } from "../shared/feedback.js";
import { safeError } from "../shared/redact.js";
import type { ShareCache } from "../shared/share-cache.js";
import { mayShare } from "../shared/share-owner.js";
import { ADAPTER_REPLIES } from "../shared/texts.js";
import { choicesOf } from "./choices.js";
import { requestFromOptions } from "./command-request.js";
import { displayNameOf, invocationOf } from "./invocation.js";
import { feedbackKeyOf, renderReply, shareKeyOf, type DiscordMessage } from "./render.js";

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

const { failed: FAILED, expired: EXPIRED, notYours: NOT_YOURS, restarting: STOPPING } = ADAPTER_REPLIES;

/** discord.js message options for a rendered message; mentions stay off whatever the text says. */
export function messageOptions(message: DiscordMessage) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
  };
}

function labelOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand(false);
    const name = [group, sub].filter(Boolean).join(" ") || interaction.commandName;
    return interaction.isAutocomplete() ? `${name} (autocomplete)` : name;
  }
  if (interaction.isMessageContextMenuCommand()) return FIND_SOURCES;
  if (interaction.isButton()) return voteOf(interaction.customId) ? "feedback" : "share";
  return `interaction type ${interaction.type}`;
}

/**
 * Creates the handler for every interaction the bot receives: it translates the event into a
 * dispatcher call, renders the reply, and answers. It never rejects: a failure is logged and
 * the user gets an ephemeral error reply.
 */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const { dispatcher, log, shares } = deps;
  const ephemeral = (reply: Reply) => ({ ...messageOptions(renderReply(reply)), flags: MessageFlags.Ephemeral as const });
  const renderShareable = (reply: Reply, asker: Interaction): DiscordMessage =>
    renderReply(reply, {
      ...(reply.actions.includes("share") ? { shareKey: shares.put(reply, { user: asker.user.id, channel: asker.channelId }) } : {}),
      feedback: takesFeedback(reply, deps.feedback),
    });
  /** Answers with the reply (editing the deferred reply) and keeps it for feedback under the message's id. */
  const answer = async (interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, reply: Reply): Promise<void> => {
    const message = await interaction.editReply(messageOptions(renderShareable(reply, interaction)));
    await keepAnswer(deps.feedback, [feedbackKeyOf(message.id)], reply, { platform: "discord", channel: interaction.channelId });
  };
  // acknowledgements first: answers start once interactions stop arriving, one per event-loop turn
  const turns = createAnswerTurns();

  async function chatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await turns.next();
    const reply =
      interaction.commandName === ROOT.name
        ? await dispatcher.run(requestFromOptions(interaction.options.data), invocationOf(interaction, deps.now()))
        : notice("Unknown command", `I only answer /${ROOT.name}.`, "error");
    await answer(interaction, reply);
  }

  async function findSources(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await turns.next();
    const reply =
      interaction.commandName === FIND_SOURCES
        ? await dispatcher.findSources(interaction.targetMessage.content, invocationOf(interaction, deps.now()))
        : notice("Unknown command", `I only know the “${FIND_SOURCES}” message action.`, "error");
    await answer(interaction, reply);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand(false) ?? "";
    const request = group ? { name: group, subcommand: sub } : { name: sub };
    await interaction.respond(choicesOf(dispatcher.suggest(focused.name, String(focused.value), request)));
  }

  async function share(interaction: ButtonInteraction): Promise<void> {
    const key = shareKeyOf(interaction.customId);
    const entry = key === null ? null : shares.get(key);
    if (!entry) {
      await interaction.reply(ephemeral(EXPIRED));
      return;
    }
    if (!mayShare(entry.owner, interaction.user.id, interaction.channelId)) {
      log.warn({ user: interaction.user.id, channel: interaction.channelId, command: "share" }, "refused to share another user's answer");
      await interaction.reply(ephemeral(NOT_YOURS));
      return;
    }
    await interaction.reply(messageOptions(renderReply(entry.reply, { sharedBy: displayNameOf(interaction) })));
  }

  /** A 👍 / 👎 click: recorded once per member per answer, answered privately. */
  async function vote(interaction: ButtonInteraction, choice: "up" | "down"): Promise<void> {
    const reply = deps.feedback
      ? await takeVote(deps.feedback, { key: feedbackKeyOf(interaction.message.id), platform: "discord", user: interaction.user.id, vote: choice })
      : FEEDBACK_MESSAGES.expired;
    await interaction.reply(ephemeral(reply));
  }

  async function answerFailure(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const repliable: RepliableInteraction = interaction;
    if (repliable.deferred && !repliable.replied) await repliable.editReply(messageOptions(renderReply(FAILED)));
    else if (repliable.replied || repliable.deferred) await repliable.followUp(ephemeral(FAILED));
    else await repliable.reply(ephemeral(FAILED));
  }

  async function decline(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(ephemeral(STOPPING));
  }

  return async (interaction) => {
    turns.arrived();
    const started = performance.now();
    const context = { user: interaction.user.id, guild: interaction.guildId, command: labelOf(interaction) };
    try {
      if (!deps.accepting()) {
        await decline(interaction);
        log.info(context, "declined an interaction while stopping");
        return;
      }
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await chatInput(interaction);
      else if (interaction.isMessageContextMenuCommand()) await findSources(interaction);
      else if (interaction.isButton()) {
        const choice = voteOf(interaction.customId);
        await (choice ? vote(interaction, choice) : share(interaction));
      }
      else {
        log.debug(context, "ignored an interaction");
        return;
      }
      const level = interaction.isAutocomplete() ? "debug" : "info";
      log[level]({ ...context, ms: Math.round(performance.now() - started) }, "interaction answered");
    } catch (error) {
      log.error({ ...context, err: safeError(error, deps.secrets), ms: Math.round(performance.now() - started) }, "interaction failed");
      try {
        await answerFailure(interaction);
      } catch (second) {
        log.error({ ...context, err: safeError(second, deps.secrets) }, "could not send the error reply");
      }
    }
  };
}
