import { GuildMember, PermissionFlagsBits, type BaseInteraction, type Message } from "discord.js";
import type { Invocation } from "../../../commands/types.js";

/** The member's name as the server shows it: nickname, else global display name, else username. */
export function displayNameOf(interaction: BaseInteraction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  if (member && typeof member.nick === "string" && member.nick !== "") return member.nick;
  return interaction.user.displayName;
}

/**
 * Who ran an interaction, where and when. `canManageChannel` comes from the member's
 * permissions in this channel as Discord computed them for the interaction (Manage Channels);
 * outside a server it is false.
 */
export function invocationOf(interaction: BaseInteraction, now: Date): Invocation {
  const channel = interaction.channel;
  const channelName = channel && "name" in channel && typeof channel.name === "string" ? channel.name : undefined;
  return {
    platform: "discord",
    user: { id: interaction.user.id, name: displayNameOf(interaction) },
    channel: channelName === undefined ? { id: interaction.channelId ?? "" } : { id: interaction.channelId ?? "", name: channelName },
    ...(interaction.guildId ? { workspace: interaction.guildId } : {}),
    canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    now,
  };
}

/**
 * Who wrote a message to the bot (a mention, a direct message), where and when. Permissions are
 * the member's in the server (a message carries no per-channel permissions); none in a DM.
 */
export function messageInvocation(message: Message, now: Date): Invocation {
  const channel = message.channel;
  const channelName = "name" in channel && typeof channel.name === "string" ? channel.name : undefined;
  const permissions = message.inGuild() ? message.member?.permissions : undefined;
  return {
    platform: "discord",
    user: { id: message.author.id, name: message.member?.displayName ?? message.author.displayName },
    channel: channelName === undefined ? { id: message.channelId } : { id: message.channelId, name: channelName },
    ...(message.guildId ? { workspace: message.guildId } : {}),
    canManageChannel: permissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    canManageServer: permissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    now,
  };
}
