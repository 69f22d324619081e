import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
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
