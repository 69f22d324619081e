import type { RankedPassage, Retriever } from "./retrieval.js";

/** How many passages by words an answer's order is chosen from, and below how many matching two words it takes those matching one. */
export const SHOWN_CANDIDATES = { limit: 60, fewest: 3 } as const;

/**
 * The passages an answer's order is chosen from: those matching two of the question's words (its
 * ranking by words), or, when fewer than three do, those matching one, since a paraphrase may
 * share a single word with the passage that answers it ("who's footing the bill" and "Amazon is
 * paying $50 billion"). Whether to answer is still judged on the ranking by two words, so a
 * question no passage matches with two words gets none.
 */
export function shownCandidates(retriever: Retriever, query: string, byWords: readonly RankedPassage[]): readonly RankedPassage[] {
  // none matching two words: the question is not answered, whatever else matches
  if (byWords.length === 0 || byWords.length >= SHOWN_CANDIDATES.fewest) return byWords;
  return retriever.rank(query, SHOWN_CANDIDATES.limit, 1);
}
