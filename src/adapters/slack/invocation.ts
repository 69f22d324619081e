import type { MessageShortcut, SlashCommand } from "@slack/bolt";
import type { Invocation } from "../../../commands/types.js";

/** The invocation of a `/dispute` slash command. */
export function commandInvocation(command: SlashCommand, now: Date): Invocation {
  return {
    platform: "slack",
    user: { id: command.user_id, name: command.user_name },
    channel: { id: command.channel_id, name: command.channel_name },
    workspace: command.team_id,
    canManageChannel: true,
    now,
  };
}

/** The invocation of the "Find sources" message shortcut. */
export function shortcutInvocation(shortcut: MessageShortcut, now: Date): Invocation {
  return {
    platform: "slack",
    user: { id: shortcut.user.id, name: shortcut.user.username ?? shortcut.user.name },
    channel: { id: shortcut.channel.id, name: shortcut.channel.name },
    workspace: shortcut.team?.id ?? shortcut.user.team_id,
    canManageChannel: true,
    now,
  };
}

/** A message event to the bot (a mention or a direct message), as far as the invocation needs it. */
export interface MessageEventFields {
  readonly user: string;
  readonly channel: string;
  readonly team?: string | undefined;
}

/** The invocation of a mention of the bot or a direct message to it (events carry the user's id, not their name). */
export function messageInvocation(event: MessageEventFields, now: Date): Invocation {
  return {
    platform: "slack",
    user: { id: event.user, name: event.user },
    channel: { id: event.channel },
    ...(event.team ? { workspace: event.team } : {}),
    canManageChannel: true,
    now,
  };
}
