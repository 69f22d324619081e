import { answerInContext } from "../src/knowledge/follow-up.js";
import { MAX_QUERY_CHARS } from "../src/knowledge/input.js";
import { answerReply } from "./answer-reply.js";
import type { Command, CommandDefinition } from "./types.js";

export const askDefinition = {
  name: "ask",
  description: "Ask a question; get the best source passages, quoted and cited",
  usage: "ask <question>",
  options: [
    {
      name: "question",
      description: "Your question, e.g. Is there a lawsuit yet?",
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
 * `/dispute ask <question>`: the best few passages, strongest first. In a conversation, a
 * follow-up ("and amazon?") is read with the question asked there before.
 */
export const ask: Command<typeof askDefinition> = {
  definition: askDefinition,
  handle({ question }, { knowledge, invocation }) {
    const k = knowledge();
    const { reading, answer } = answerInContext(question, invocation.previousQuestion, k, (query) => k.ask(query));
    return answerReply(`“${question}”`, answer, reading.earlier);
  },
};
