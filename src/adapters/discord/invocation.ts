import { GuildMember, PermissionFlagsBits, type BaseInteraction } from "discord.js";
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
