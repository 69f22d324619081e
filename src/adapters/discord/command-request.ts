import { ApplicationCommandOptionType, type CommandInteractionOption } from "discord.js";
import type { CommandRequest } from "../../../commands/dispatch.js";

function valuesOf(options: readonly CommandInteractionOption[] | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const option of options ?? []) {
    if (option.value !== undefined && option.value !== null) values[option.name] = String(option.value);
  }
  return values;
}

/**
 * Turns the options tree of a `/dispute` interaction into a dispatcher request:
 * `/dispute ask question:…` → `{ name: "ask", options: { question } }`,
 * `/dispute digest subscribe time:…` → `{ name: "digest", subcommand: "subscribe", options }`.
 */
export function requestFromOptions(data: readonly CommandInteractionOption[]): CommandRequest {
  const top = data[0];
  if (top?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const sub = top.options?.[0];
    return { name: top.name, subcommand: sub?.name ?? "", options: valuesOf(sub?.options) };
  }
  if (top?.type === ApplicationCommandOptionType.Subcommand) return { name: top.name, options: valuesOf(top.options) };
  return { name: "", options: {} };
}
