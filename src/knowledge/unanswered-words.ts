import FITTED from "./unanswered-words.json" with { type: "json" };
import type { RankedPassage, Retriever } from "./retrieval.js";

/**
 * How much more often the tuning questions asked with an index term when the sources did not
 * answer them than when they did: log P(term | out of scope) − log P(term | in scope), each
 * smoothed; `unseen` is the value of a term no tuning question used.
 */
export interface WordOdds {
  readonly odds: Readonly<Record<string, number>>;
  readonly unseen: number;
}

/** How the word odds are learned and read. */
export const UNANSWERED_WORDS = {
  /** Added to every count (Laplace smoothing). */
  smoothing: 1,
} as const;

/** Learns {@link WordOdds} from questions' terms (words the index knows and words it never saw) and whether the sources answer them. */
export function fitWordOdds(examples: readonly { readonly terms: readonly string[]; readonly answerable: boolean }[], smoothing: number = UNANSWERED_WORDS.smoothing): WordOdds {
  const counts = { in: new Map<string, number>(), out: new Map<string, number>() };
  let answerable = 0;
  for (const e of examples) {
    if (e.answerable) answerable++;
    const into = e.answerable ? counts.in : counts.out;
    for (const t of new Set(e.terms)) into.set(t, (into.get(t) ?? 0) + 1);
  }
  const unanswerable = examples.length - answerable;
  const oddsOf = (inScope: number, outOfScope: number): number =>
    Math.log((outOfScope + smoothing) / (unanswerable + 2 * smoothing)) - Math.log((inScope + smoothing) / (answerable + 2 * smoothing));
  // never -0, which JSON writes as 0
  const round = (v: number): number => Math.round(v * 1000) / 1000 || 0;
  const odds: Record<string, number> = {};
  for (const t of [...new Set([...counts.in.keys(), ...counts.out.keys()])].sort()) odds[t] = round(oddsOf(counts.in.get(t) ?? 0, counts.out.get(t) ?? 0));
  return { odds, unseen: round(oddsOf(0, 0)) };
}

/** The odds fitted on the tuning questions (`npm run fit:words`). */
export const WORD_ODDS: WordOdds = FITTED;

/**
 * The highest odds among the words the question asks with that the best passage lacks; null
 * when it holds them all. A word the index never saw counts only when tuning questions asked
 * with it ("agi", "nasdaq", "latency" were asked only where the sources had no answer); one
 * no tuning question used says nothing. A word's correction or synonym is not the word asked with.
 */
export function unansweredOdds(query: string, top: RankedPassage, retriever: Retriever, words: WordOdds = WORD_ODDS): number | null {
  const profile = retriever.profile(query);
  const passageTerms = retriever.termsOf(top.passage);
  let highest: number | null = null;
  for (const [i, term] of profile.terms.entries()) {
    const unknown = profile.kinds[i] === "unknown";
    if ((profile.kinds[i] !== "known" && !unknown) || passageTerms.has(term)) continue;
    if (unknown && words.odds[term] === undefined) continue;
    const odds = words.odds[term] ?? words.unseen;
    if (highest === null || odds > highest) highest = odds;
  }
  return highest;
}
