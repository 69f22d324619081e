import { ask } from "./ask.js";
import { cite } from "./cite.js";
import { digest } from "./digest.js";
import { feedback } from "./feedback.js";
import { createHelp } from "./help.js";
import { positions } from "./positions.js";
import { sources } from "./sources.js";
import { status } from "./status.js";
import { timeline } from "./timeline.js";
import type { Command, CommandDefinition, CommandGroup } from "./types.js";

/** Every usage line, for help. */
export function listing(): { usage: string; description: string }[] {
  return allDefinitions().map((d) => ({ usage: d.usage, description: d.description }));
}

export const help = createHelp(listing);

/** Every command definition: the subcommands, then each group's. */
export function allDefinitions(): CommandDefinition[] {
  return [...commands.map((c) => c.definition), ...groups.flatMap((g) => g.subcommands.map((s) => s.definition))];
}

/** The subcommands of `/dispute`, in the order help lists them. */
export const commands: readonly Command[] = [ask, cite, positions, status, timeline, sources, feedback, help];

/** Subcommand groups of `/dispute`. */
export const groups: readonly CommandGroup[] = [digest];

/** The name of the message action that runs `cite` on a message. */
export const FIND_SOURCES = "Find sources";

/** The slash command's name and description. */
export const ROOT = { name: "dispute", description: "Cited answers about the Microsoft / OpenAI / Amazon dispute" } as const;
