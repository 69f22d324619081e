import { quoteOf } from "../src/reply/reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const statusDefinition = {
  name: "status",
  description: "Where the dispute stands now, as of the newest source",
  usage: "status",
  options: [],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** `/dispute status`: the present state, from the newest sources. */
export const status: Command<typeof statusDefinition> = {
  definition: statusDefinition,
  handle(_options, { knowledge }) {
    const s = knowledge().status();
    return {
      kind: "answer",
      title: s.asOf ? `Status as of ${s.asOf}` : "Status (no source is dated)",
      groups: [{ quotes: s.items.map((item) => quoteOf(item)), empty: "The sources say nothing about where things stand." }],
      notes: s.notes,
      actions: ["share"],
      ephemeral: true,
      data: { type: "status", status: s },
    };
  },
};
