import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { voteOf } from "../shared/feedback.js";
import { FIND_SOURCES } from "../../../commands/index.js";

/** One node of an application command's options tree, as Discord sends it and discord.js keeps it. */
export interface OptionNode {
  readonly type: number;
  readonly name: string;
  readonly value?: unknown;
  /** Set on the option being typed into, in autocomplete interactions. */
  readonly focused?: boolean;
  readonly options?: readonly OptionNode[];
}

/** The names Discord knows a member by; the server shows the first one set. */
export interface MemberNames {
  readonly nick?: string | null;
  readonly globalName?: string | null;
  readonly username: string;
}

/** Who performed an interaction, and where. */
export interface InteractionActor {
  readonly userId: string;
  readonly names: MemberNames;
  readonly channelId: string | null;
  readonly channelName?: string;
  readonly guildId: string | null;
  /** The member's permissions in the channel, as Discord computed them; null outside a server. */
  readonly permissions: bigint | null;
}

/** What an interaction asks for. */
export type InteractionAction =
  | { readonly kind: "command"; readonly commandName: string; readonly options: readonly OptionNode[] }
  | { readonly kind: "message-command"; readonly commandName: string; readonly content: string }
  | { readonly kind: "autocomplete"; readonly commandName: string; readonly options: readonly OptionNode[] }
  | { readonly kind: "button"; readonly customId: string; /** The message the button is on. */ readonly messageId: string }
  | { readonly kind: "other"; readonly type: number };

/**
 * An interaction in the terms the bot handles it, whether it came over the gateway (a discord.js
 * interaction) or as an HTTP request (Discord's JSON payload).
 */
export interface InteractionEvent {
  readonly actor: InteractionActor;
  readonly action: InteractionAction;
}

/** The member's name as the server shows it: nickname, else global display name, else username. */
export function displayNameOf(names: MemberNames): string {
  return names.nick || names.globalName || names.username;
}

/** The subcommand group and subcommand named at the top of an options tree. */
export function subcommandPath(options: readonly OptionNode[]): { readonly group: string | null; readonly subcommand: string | null; readonly leaves: readonly OptionNode[] } {
  const top = options[0];
  if (top?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const sub = top.options?.[0];
    return { group: top.name, subcommand: sub?.name ?? null, leaves: sub?.options ?? [] };
  }
  if (top?.type === ApplicationCommandOptionType.Subcommand) return { group: null, subcommand: top.name, leaves: top.options ?? [] };
  return { group: null, subcommand: null, leaves: options };
}

/** The option being typed into in an autocomplete interaction (name and text so far), if any. */
export function focusedOption(options: readonly OptionNode[]): { readonly name: string; readonly value: string } | null {
  const focused = subcommandPath(options).leaves.find((o) => o.focused);
  return focused ? { name: focused.name, value: String(focused.value ?? "") } : null;
}

/** A short name of what the interaction asks for, for log lines: `ask`, `digest subscribe (autocomplete)`, `share`. */
export function labelOf(action: InteractionAction): string {
  switch (action.kind) {
    case "command":
    case "autocomplete": {
      const { group, subcommand } = subcommandPath(action.options);
      const name = [group, subcommand].filter(Boolean).join(" ") || action.commandName;
      return action.kind === "autocomplete" ? `${name} (autocomplete)` : name;
    }
    case "message-command":
      return FIND_SOURCES;
    case "button":
      return voteOf(action.customId) ? "feedback" : "share";
    case "other":
      return `interaction type ${action.type}`;
  }
}
