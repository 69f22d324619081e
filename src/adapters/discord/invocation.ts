import { GuildMember, PermissionFlagsBits, PermissionsBitField, type BaseInteraction, type Message } from "discord.js";
import type { Invocation } from "../../../commands/types.js";
import { displayNameOf, type InteractionActor } from "./interaction-event.js";

/**
 * Who ran an interaction, where and when. `canManageChannel` comes from the member's
 * permissions in this channel as Discord computed them for the interaction (Manage Channels,
 * or Administrator); outside a server it is false.
 */
export function invocationOf(actor: InteractionActor, now: Date): Invocation {
  const can = (permission: bigint): boolean => actor.permissions !== null && new PermissionsBitField(actor.permissions).has(permission);
  const channel = actor.channelId ?? "";
  return {
    platform: "discord",
    user: { id: actor.userId, name: displayNameOf(actor.names) },
    channel: actor.channelName === undefined ? { id: channel } : { id: channel, name: actor.channelName },
    ...(actor.guildId ? { workspace: actor.guildId } : {}),
    canManageChannel: can(PermissionFlagsBits.ManageChannels),
    canManageServer: can(PermissionFlagsBits.ManageGuild),
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
