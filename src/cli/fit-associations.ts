/**
 * `npm run fit:associations`: learns which passage words stand in for question words (see
 * src/knowledge/associations.ts) from the chat-style tuning part, whose questions were written
 * from the articles by people who never saw the ranker, and writes
 * src/knowledge/associations.json. A question's answers are the passages holding one of its
 * expected phrases. The held-out part (chat-heldout.json) is never read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fitAssociations, type AssociationExample } from "../knowledge/associations.js";
import { fold } from "./eval.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import { loadCorpus } from "../sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";

/** The set the associations are learned from: never the held-out part. */
export const ASSOCIATION_SET = "chat-tune.json";

const setSchema = z.object({ questions: z.array(z.object({ q: z.string(), expect: z.array(z.string()).min(1) })) });

/** The examples of a questions file: each question's index terms and the passages (by position in `passages`) holding an expected phrase. */
export function associationExamples(knowledge: Knowledge, questionsJson: unknown): { examples: AssociationExample[]; passages: ReadonlySet<string>[] } {
  const all = knowledge.corpus.documents.flatMap((d) => d.passages);
  const folded = all.map((p) => fold(p.text));
  const examples = setSchema.parse(questionsJson).questions.map(({ q, expect }) => ({
    terms: new Set(knowledge.retriever.queryTerms(q)),
    answers: folded.flatMap((text, i) => (expect.some((e) => text.includes(fold(e))) ? [i] : [])),
  }));
  return { examples, passages: all.map((p) => knowledge.retriever.termsOf(p)) };
}

function main(): void {
  // learned without any associations, so a refit does not lean on the last fit
  const knowledge = createKnowledge({ ...loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR), associations: {} });
  const { examples, passages } = associationExamples(knowledge, JSON.parse(readFileSync(join(PROJECT_ROOT, "tests", "eval", ASSOCIATION_SET), "utf8")));
  const associations = fitAssociations(examples, passages);
  // the source copy, also when this runs compiled
  writeFileSync(join(PROJECT_ROOT, "src", "knowledge", "associations.json"), `${JSON.stringify({ fittedOn: ASSOCIATION_SET, associations }, null, 2)}\n`);
  console.log(`learned from ${examples.length} questions: ${Object.keys(associations).length} words, ${Object.values(associations).flat().length} associations`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
