import type { Analyzer } from "./analyze.js";
import { answerabilityReader, FEATURE_NAMES } from "./answerability.js";
import { boostedProbability, type BoostedTrees } from "./boosted-trees.js";
import { meaningCosine } from "./meaning.js";
import MODEL from "./rerank-model.json" with { type: "json" };
import type { RankedPassage, Retriever } from "./retrieval.js";
import type { Topic, WordVectors } from "./types.js";
import { WORD_ODDS, type WordOdds } from "./unanswered-words.js";

/** How many of the passages shown first are reordered (fifteen: answers often lie just past the tenth by words). */
export const RERANK = { candidates: 15 } as const;

/**
 * What the reordering reads of each candidate: what the answer model would read if it came first
 * (see `answerabilityFeatures`), then its place by meaning and by words, its score against the
 * best, the cosine of its meaning and the question's, whether it is a list item or a table row,
 * and its length (in 500 characters).
 */
export const RERANK_FEATURES = [...FEATURE_NAMES, "meaningPlace", "wordsPlace", "relativeScore", "meaningCosine", "listItem", "tableRow", "length"] as const;

/** A fitted reordering: boosted trees giving each candidate's probability of holding the answer. */
export interface RerankModel extends BoostedTrees {
  readonly features: readonly string[];
}

/** The model fitted on the tuning questions (`npm run fit:rerank`). */
export const RERANKER: RerankModel = MODEL as RerankModel;

/** Reads one candidate for the reordering: `shown` is the order by meaning, `byWords` the ranking by words. */
export type CandidateFeatures = (query: string, shown: readonly RankedPassage[], byWords: readonly RankedPassage[], words?: WordOdds) => number[][];

/** The features of each of the first {@link RERANK.candidates} passages shown, in that order. */
export function candidateFeatures(retriever: Retriever, analyzer: Analyzer, topic: Topic, vectors: WordVectors): CandidateFeatures {
  const cosine = meaningCosine(vectors, topic);
  return (query, shown, byWords, words = WORD_ODDS) => {
    const closeness = cosine(query);
    const best = byWords[0]?.score ?? 1;
    const read = answerabilityReader(query, retriever, analyzer, topic, words);
    return shown.slice(0, RERANK.candidates).map((c, place) => {
      // the candidate first, then the best two others by words: all the answer model's features look at
      const order = [c];
      for (const r of byWords) {
        if (order.length === 3) break;
        if (r !== c) order.push(r);
      }
      const x = read(order);
      x.push(place, byWords.indexOf(c), c.score / best, closeness ? closeness(c.passage) : 0, c.passage.leadIn ? 1 : 0, c.passage.cells ? 1 : 0, c.passage.text.length / 500);
      return x;
    });
  };
}

/**
 * Reorders the first {@link RERANK.candidates} passages shown (by meaning) by the model's
 * probability that each holds the answer, learned from the tuning questions: it weighs together
 * what no single order sees (a list item under the heading a question names, a date where "when"
 * is asked, a passage both orders put near the top). Passages past them keep their order; nothing
 * is added or dropped.
 */
export function reranker(retriever: Retriever, analyzer: Analyzer, topic: Topic, vectors: WordVectors, model: RerankModel = RERANKER): (query: string, shown: readonly RankedPassage[], byWords: readonly RankedPassage[]) => RankedPassage[] {
  const features = candidateFeatures(retriever, analyzer, topic, vectors);
  return (query, shown, byWords) => {
    if (shown.length < 2) return [...shown];
    const head = features(query, shown, byWords).map((x, i) => ({ r: shown[i]!, p: boostedProbability(model, x), i }));
    head.sort((a, b) => b.p - a.p || a.i - b.i);
    return [...head.map((h) => h.r), ...shown.slice(RERANK.candidates)];
  };
}
