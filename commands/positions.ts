import { quoteOf } from "../src/reply/reply.js";
import { UserError } from "./errors.js";
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
      kind: "party",
      required: false,
      choices: [
        { name: "Microsoft", value: "Microsoft" },
        { name: "OpenAI", value: "OpenAI" },
        { name: "Amazon", value: "Amazon" },
      ],
      rest: true,
    },
  ],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** `/dispute positions [party]`: each party's positions side by side, each quote cited. */
export const positions: Command<typeof positionsDefinition> = {
  definition: positionsDefinition,
  handle({ party }, { knowledge }) {
    const k = knowledge();
    const found = k.positions(party);
    // the party kind has checked the name; a reload in between can still drop it
    if (found === null) throw new UserError("unknown-party", { input: party ?? "", choices: k.parties() });
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
      data: { type: "positions", parties: found },
    };
  },
};
