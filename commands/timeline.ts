import { quoteOf } from "../src/reply/reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const timelineDefinition = {
  name: "timeline",
  description: "Dated events in order, each cited",
  usage: "timeline",
  options: [],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** `/dispute timeline`: dated events, oldest first; approximate dates marked with "~". */
export const timeline: Command<typeof timelineDefinition> = {
  definition: timelineDefinition,
  handle(_options, { knowledge }) {
    const events = knowledge().timeline();
    return {
      kind: "answer",
      title: "Timeline",
      groups: [
        {
          quotes: events.map((e) => quoteOf(e, `${e.approximate ? "~" : ""}${e.date}`)),
          empty: "The sources give no dates.",
        },
      ],
      notes: events.some((e) => e.approximate) ? ["~ marks a date worked out from a relative one (“last month”)."] : [],
      actions: ["share"],
      ephemeral: true,
      data: { type: "timeline", events },
    };
  },
};
