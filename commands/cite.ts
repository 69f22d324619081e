import { answerInContext } from "../src/knowledge/follow-up.js";
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

/**
 * `/dispute cite <claim>` and the "Find sources" message action. In a conversation, a claim that
 * leans on the question asked there before ("they invested $60B") is read with it.
 */
export const cite: Command<typeof citeDefinition> = {
  definition: citeDefinition,
  handle({ claim }, { knowledge, invocation }) {
    const k = knowledge();
    const { reading, answer } = answerInContext(claim, invocation.previousQuestion, k, (query) => k.cite(query));
    return answerReply(`Sources for: “${claim}”`, answer, reading.earlier);
  },
};
