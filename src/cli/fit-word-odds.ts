/**
 * `npm run fit:words`: learns, from the chat-style tuning part, how much more often each word
 * (one the index knows, or one it never saw) was asked with when the sources did not answer than when they did (see
 * src/knowledge/unanswered-words.ts), and writes src/knowledge/unanswered-words.json. Only
 * questions that match a passage count, as the others are never answered anyway. The held-out
 * part (chat-heldout.json) is never read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import { fitWordOdds, type WordOdds } from "../knowledge/unanswered-words.js";
import { loadCorpus } from "../sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";

/** The set the word odds are learned from: never the held-out part. */
export const WORD_ODDS_SET = "chat-tune.json";

const setSchema = z.object({
  questions: z.array(z.object({ q: z.string() })),
  outOfScope: z.array(z.union([z.string(), z.object({ q: z.string() })])),
});

/** The word odds of a questions file: the terms each question that matches a passage asks with (known to the index or not), answerable or not. */
export function wordOddsOf(knowledge: Knowledge, questionsJson: unknown): WordOdds {
  const { questions, outOfScope } = setSchema.parse(questionsJson);
  const labelled = [...questions.map(({ q }) => ({ q, answerable: true })), ...outOfScope.map((o) => ({ q: typeof o === "string" ? o : o.q, answerable: false }))];
  const examples = labelled
    .filter(({ q }) => knowledge.retriever.rank(q, 60, 2).length > 0)
    .map(({ q, answerable }) => {
      const profile = knowledge.retriever.profile(q);
      return { terms: profile.terms.filter((_, i) => profile.kinds[i] === "known" || profile.kinds[i] === "unknown"), answerable };
    });
  return fitWordOdds(examples);
}

function main(): void {
  const knowledge = createKnowledge(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR));
  const words = wordOddsOf(knowledge, JSON.parse(readFileSync(join(PROJECT_ROOT, "tests", "eval", WORD_ODDS_SET), "utf8")));
  // the source copy, also when this runs compiled
  writeFileSync(join(PROJECT_ROOT, "src", "knowledge", "unanswered-words.json"), `${JSON.stringify({ fittedOn: WORD_ODDS_SET, ...words }, null, 2)}\n`);
  console.log(`word odds for ${Object.keys(words.odds).length} words (unseen ${words.unseen})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
