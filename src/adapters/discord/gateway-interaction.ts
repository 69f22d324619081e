import { GuildMember, MessageFlags, type Interaction } from "discord.js";
import type { InteractionAction, InteractionEvent } from "./interaction-event.js";
import type { DiscordMessage } from "./render.js";
import type { InteractionResponder, Visibility } from "./responder.js";

/** discord.js message options for a rendered message; mentions stay off whatever the text says. */
export function messageOptions(message: DiscordMessage) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
  };
}

const flagsOf = (visibility: Visibility) => (visibility.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});

function actionOf(interaction: Interaction): InteractionAction {
  if (interaction.isAutocomplete()) return { kind: "autocomplete", commandName: interaction.commandName, options: interaction.options.data };
  if (interaction.isChatInputCommand()) return { kind: "command", commandName: interaction.commandName, options: interaction.options.data };
  if (interaction.isMessageContextMenuCommand()) return { kind: "message-command", commandName: interaction.commandName, content: interaction.targetMessage.content };
  if (interaction.isButton()) return { kind: "button", customId: interaction.customId, messageId: interaction.message.id };
  return { kind: "other", type: interaction.type };
}

/** A discord.js interaction (from the gateway) as an {@link InteractionEvent}. */
export function eventOfInteraction(interaction: Interaction): InteractionEvent {
  const member = interaction.member;
  const nick = member instanceof GuildMember ? member.nickname : (member?.nick ?? null);
  const channel = interaction.channel;
  const channelName = channel && "name" in channel && typeof channel.name === "string" ? channel.name : undefined;
  return {
    actor: {
      userId: interaction.user.id,
      names: { nick, globalName: interaction.user.globalName, username: interaction.user.username },
      channelId: interaction.channelId,
      ...(channelName !== undefined ? { channelName } : {}),
      guildId: interaction.guildId,
      permissions: interaction.memberPermissions?.bitfield ?? null,
    },
    action: actionOf(interaction),
  };
}

/** Answers a discord.js interaction through its own methods (callbacks and webhooks over discord.js REST). */
export function gatewayResponder(interaction: Interaction): InteractionResponder {
  const repliable = () => {
    if (!interaction.isRepliable()) throw new Error(`interaction type ${interaction.type} cannot be answered with a message`);
    return interaction;
  };
  return {
    async defer(visibility) {
      await repliable().deferReply(flagsOf(visibility));
    },
    async reply(message, visibility) {
      await repliable().reply({ ...messageOptions(message), ...flagsOf(visibility) });
    },
    async edit(message) {
      const edited = await repliable().editReply(messageOptions(message));
      return { id: edited.id };
    },
    async followUp(message, visibility) {
      await repliable().followUp({ ...messageOptions(message), ...flagsOf(visibility) });
    },
    async suggest(choices) {
      if (!interaction.isAutocomplete()) throw new Error(`interaction type ${interaction.type} takes no choices`);
      await interaction.respond([...choices]);
    },
    get state() {
      if (interaction.isAutocomplete()) return interaction.responded ? "answered" : "fresh";
      if (!interaction.isRepliable()) return "fresh";
      return interaction.replied ? "answered" : interaction.deferred ? "deferred" : "fresh";
    },
  };
}
