/**
 * `npm run fit:rerank`: fits the reordering of the first passages shown (boosted trees over the
 * features in src/knowledge/rerank.ts) on the chat-style tuning part — a candidate is a yes when
 * it holds one of the question's expected phrases — and writes src/knowledge/rerank-model.json.
 * Each fold of the tuning part is read with word associations and word odds learned from the
 * others, as for the answer model. Run it after `npm run fit:words`. The held-out part
 * (chat-heldout.json) is never read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { fitBoostedTrees, roundedLeaves, type BoostingSettings, type LabelledExample } from "../knowledge/boosted-trees.js";
import type { Corpus } from "../knowledge/corpus.js";
import { meaningRanker } from "../knowledge/meaning.js";
import { candidateFeatures, RERANK_FEATURES, type RerankModel } from "../knowledge/rerank.js";
import { loadCorpus } from "../sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";
import { fold } from "./eval.js";
import { eachFold, OPERATING_SET, type TuningFile } from "./fit-answerability.js";

/**
 * How the trees are grown. Chosen by leaving each fold of the tuning part out in turn (1,529
 * questions): top-1 1,058 → 1,129 and top-3 1,292 → 1,322 among the passages reordered; two
 * splits deep instead of three gave 1,105 and 1,303. Chosen again the same way on 2,189
 * questions: leaves of at least 60 candidates and 500 trees gave top-1 1,774 and top-3 2,064,
 * against 1,754 and 2,045 for leaves of 20 and 300 trees (800 trees: 1,790 and 2,066, for a
 * slower answer; four splits deep: 1,793 and 2,055; leaves of 120: 1,757 and 2,043).
 */
export const RERANK_BOOSTING: BoostingSettings = { rounds: 500, rate: 0.1, depth: 3, minLeaf: 60, lambda: 1 };

/** The candidates of every tuning question with an answering passage among them, labelled. */
export function rerankExamples(corpus: Corpus, tuning: TuningFile): LabelledExample[] {
  if (!corpus.vectors) throw new Error("the reordering needs the word vectors");
  const vectors = corpus.vectors;
  const byMeaning = meaningRanker(vectors, corpus.topic);
  const examples: LabelledExample[] = [];
  eachFold(corpus, tuning, (knowledge, odds, inFold) => {
    const features = candidateFeatures(knowledge.retriever, knowledge.analyzer, corpus.topic, vectors);
    for (const { q, expect } of inFold.questions) {
      const byWords = knowledge.retriever.rank(q, 60, 2);
      const shown = byMeaning(q, byWords);
      const xs = features(q, shown, byWords, odds);
      const labels = xs.map((_, i) => (expect.some((e) => fold(shown[i]!.passage.text).includes(fold(e))) ? 1 : 0));
      // a question none of whose candidates answers it teaches nothing about their order
      if (!labels.includes(1)) continue;
      xs.forEach((x, i) => examples.push({ x, y: labels[i]! as 0 | 1 }));
    }
  });
  return examples;
}

/** Fits the reordering the way `npm run fit:rerank` does and returns what it writes. */
export function fitRerank(corpus: Corpus, dir: string): RerankModel {
  const tuning = JSON.parse(readFileSync(`${dir}${OPERATING_SET}`, "utf8")) as TuningFile;
  return { features: [...RERANK_FEATURES], ...roundedLeaves(fitBoostedTrees(rerankExamples(corpus, tuning), RERANK_BOOSTING)) };
}

function main(): void {
  const model = fitRerank(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR), `${join(PROJECT_ROOT, "tests", "eval")}${sep}`);
  // the source copy, also when this runs compiled
  writeFileSync(join(PROJECT_ROOT, "src", "knowledge", "rerank-model.json"), `${JSON.stringify(model)}\n`);
  console.log(`fitted ${model.trees.length} trees over ${model.features.length} features`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
