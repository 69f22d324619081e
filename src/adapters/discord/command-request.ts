import type { CommandRequest } from "../../../commands/dispatch.js";
import { subcommandPath, type OptionNode } from "./interaction-event.js";

function valuesOf(options: readonly OptionNode[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const option of options) {
    if (option.value !== undefined && option.value !== null) values[option.name] = String(option.value);
  }
  return values;
}

/**
 * Turns the options tree of a `/dispute` interaction into a dispatcher request:
 * `/dispute ask question:…` → `{ name: "ask", options: { question } }`,
 * `/dispute digest subscribe time:…` → `{ name: "digest", subcommand: "subscribe", options }`.
 */
export function requestFromOptions(data: readonly OptionNode[]): CommandRequest {
  const { group, subcommand, leaves } = subcommandPath(data);
  if (group !== null) return { name: group, subcommand: subcommand ?? "", options: valuesOf(leaves) };
  if (subcommand !== null) return { name: subcommand, options: valuesOf(leaves) };
  return { name: "", options: {} };
}
