import type { Reply } from "../src/reply/reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const helpDefinition = {
  name: "help",
  description: "How to use the bot",
  usage: "help",
  options: [],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** The help text for a list of command usages. */
export function helpReply(entries: readonly { usage: string; description: string }[], lead?: string): Reply {
  const lines = entries.map((e) => `• /dispute ${e.usage} — ${e.description}`);
  return {
    kind: "info",
    title: "dispute-bot help",
    text: [
      lead,
      "I answer questions about Microsoft weighing legal action against OpenAI and Amazon over their $50B deal, quoting only my source articles.",
      ...lines,
      "In a message’s menu, “Find sources” looks up the passages behind what someone said.",
    ]
      .filter(Boolean)
      .join("\n"),
    groups: [],
    notes: [],
    actions: [],
    ephemeral: true,
  };
}

/** `/dispute help`, built over the listing it describes. */
export function createHelp(listing: () => readonly { usage: string; description: string }[]): Command<typeof helpDefinition> {
  return { definition: helpDefinition, handle: () => helpReply(listing()) };
}
