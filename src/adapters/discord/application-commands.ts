import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type REST,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import { commands, FIND_SOURCES, groups, ROOT } from "../../../commands/index.js";
import type { CommandDefinition, OptionDefinition } from "../../../commands/types.js";
import { DISCORD_LIMITS } from "./limits.js";
import { cutText } from "./text.js";

const description = (text: string): string => cutText(text, DISCORD_LIMITS.commandDescription);

function basicOption(option: OptionDefinition): APIApplicationCommandBasicOption {
  if (option.type === "integer") {
    return { type: ApplicationCommandOptionType.Integer, name: option.name, description: description(option.description), required: option.required };
  }
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: option.name,
    description: description(option.description),
    required: option.required,
    ...(option.minLength !== undefined ? { min_length: option.minLength } : {}),
    ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
  };
  // Discord allows either fixed choices or autocomplete on an option, not both
  if (option.choices && option.choices.length > 0) {
    return { ...base, choices: option.choices.map((c) => ({ name: c.name, value: c.value })) };
  }
  return option.autocomplete ? { ...base, autocomplete: true } : base;
}

function subcommand(definition: CommandDefinition): APIApplicationCommandSubcommandOption {
  // Discord requires required options before optional ones
  const options = [...definition.options].sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: definition.name,
    description: description(definition.description),
    options: options.map(basicOption),
  };
}

/**
 * The application commands, generated from the command definitions: one `/dispute` chat-input
 * command (a subcommand per command, a subcommand group per group) and the "Find sources"
 * message command. Guild-only, since replies and digests belong to a server's channels.
 */
export function buildApplicationCommands(): RESTPutAPIApplicationCommandsJSONBody {
  const where = { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: ROOT.name,
      description: description(ROOT.description),
      options: [
        ...commands.map((c) => subcommand(c.definition)),
        ...groups.map((g) => ({
          type: ApplicationCommandOptionType.SubcommandGroup as const,
          name: g.definition.name,
          description: description(g.definition.description),
          options: g.subcommands.map((s) => subcommand(s.definition)),
        })),
      ],
      ...where,
    },
    { type: ApplicationCommandType.Message, name: FIND_SOURCES, ...where },
  ];
}

/** Where the commands were registered and how many. */
export interface Registration {
  readonly scope: "guild" | "global";
  readonly count: number;
}

/**
 * Replaces the application's commands with {@link buildApplicationCommands}: in one guild
 * (shows up at once, for development) or globally.
 */
export async function registerApplicationCommands(rest: REST, applicationId: string, guildId?: string): Promise<Registration> {
  const body = buildApplicationCommands();
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return { scope: guildId ? "guild" : "global", count: body.length };
}
