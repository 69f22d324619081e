import type { Answer } from "../src/knowledge/types.js";
import { quoteOf, type Reply } from "./reply.js";

/** Turns an `ask`/`cite` answer into a reply: quotes best first, notes, or the abstention. */
export function answerReply(title: string, answer: Answer): Reply {
  if (answer.abstained) {
    return { kind: "notice", title, text: answer.notes.join(" "), groups: [], notes: [], actions: [], ephemeral: true };
  }
  return {
    kind: "answer",
    title,
    groups: [{ quotes: answer.items.map((item) => quoteOf(item)) }],
    notes: answer.notes,
    actions: ["share"],
    ephemeral: true,
  };
}
