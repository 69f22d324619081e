import { MAX_QUERY_CHARS } from "../src/knowledge/input.js";
import { answerReply } from "./answer-reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const citeDefinition = {
  name: "cite",
  description: "Find the source passages that support or contradict a claim",
  usage: "cite <claim>",
  options: [
    {
      name: "claim",
      description: "The claim to check, e.g. Amazon is investing $50B in OpenAI",
      type: "string",
      kind: "query",
      required: true,
      minLength: 1,
      maxLength: MAX_QUERY_CHARS,
      autocomplete: true,
      rest: true,
    },
  ],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** `/dispute cite <claim>` and the "Find sources" message action. */
export const cite: Command<typeof citeDefinition> = {
  definition: citeDefinition,
  handle({ claim }, { knowledge }) {
    return answerReply(`Sources for: “${claim}”`, knowledge().cite(claim));
  },
};
