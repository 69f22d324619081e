import { quoteOf } from "../src/reply/reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const positionsDefinition = {
  name: "positions",
  description: "What Microsoft, OpenAI and Amazon each say or want, attributed",
  usage: "positions [Microsoft|OpenAI|Amazon]",
  options: [
    {
      name: "party",
      description: "Only this party",
      type: "string",
      required: false,
      choices: [
        { name: "Microsoft", value: "Microsoft" },
        { name: "OpenAI", value: "OpenAI" },
        { name: "Amazon", value: "Amazon" },
      ],
      rest: true,
    },
  ],
} as const satisfies CommandDefinition;

/** `/dispute positions [party]`: each party's positions side by side, each quote cited. */
export const positions: Command<typeof positionsDefinition> = {
  definition: positionsDefinition,
  handle(options, { knowledge }) {
    const k = knowledge();
    const found = k.positions(options.party);
    if (found === null) {
      return {
        kind: "error",
        title: "Unknown party",
        text: `I don't know “${options.party}”. Try one of: ${k.parties().join(", ")}.`,
        groups: [],
        notes: [],
        actions: [],
        ephemeral: true,
      };
    }
    return {
      kind: "answer",
      title: found.length === 1 ? `${found[0]!.party}: positions` : "Positions of the parties",
      groups: found.map((p) => ({
        heading: p.party,
        quotes: p.items.map((item) => quoteOf(item)),
        empty: `The sources attribute no position to ${p.party}.`,
      })),
      notes: [],
      actions: ["share"],
      ephemeral: true,
    };
  },
};
