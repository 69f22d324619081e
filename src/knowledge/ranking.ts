import type { Analyzer } from "./analyze.js";
import type { IndexData } from "./compact-index.js";
import type { UnitFeatures } from "./unit-features.js";
import type { Passage, SourceDocument, Topic } from "./types.js";
import type { AnswerUnit } from "./units.js";
import type { TermKind } from "./retrieval.js";

/** Ranking weights: field boosts and question-type hints. */
export const RANKING = {
  boost: { text: 2, context: 0.6, section: 0.5 },
  fuzzyWeight: 0.3,
  hintBoost: 1.6,
  whoBoost: 1.15,
  coverageFloor: 0.25,
  /** The context field (a list's lead-in, the paragraph) of bullets and table rows weighs this much more. */
  listContextBoost: 2,
  /** A query term found only in the section heading counts this much towards coverage. */
  sectionOnly: 0.5,
  /** Units that attribute a position to the party a question asks about ("what does OpenAI say"). */
  stanceBoost: 2.5,
  /** Units saying where something stands ("no lawsuit has been filed yet"), for yes/no questions. */
  standingBoost: 1.4,
  /** A fuzzy match counts this much towards coverage. */
  fuzzyCoverage: 0.5,
  /** A word the index does not know, corrected to a near index word: its weight in scores. */
  correctionWeight: 0.8,
  /** A synonym (from the lexical resource) of a query word: its weight in scores… */
  synonymWeight: 0.45,
  /** …and the share of the word's weight it stands for, when the word itself is unknown. */
  synonymCoverage: 0.7,
  /** A word learned to stand in for a query word in the passages answering such questions: its weight in scores. */
  associationWeight: 0.3,
  /** Synonyms looked up per query word, at most. */
  maxSynonyms: 4,
} as const;

/** A passage ranked for a query, with the sentence that matched best. */
export interface RankedPassage {
  readonly passage: Passage;
  readonly document: SourceDocument;
  readonly best: AnswerUnit;
  readonly score: number;
  /** Share (0..1) of the query's weight, by inverse document frequency, that the passage matches. */
  readonly coverage: number;
  /** How many distinct query terms the passage matches (fuzzy matches included). */
  readonly matched: number;
}

/** Everything the retriever computes from the units, as plain data for snapshots. */
export interface RetrieverData {
  readonly index: IndexData;
  readonly features: UnitFeatures;
  readonly df: Uint32Array;
}

/** Ranks passages for free-text queries. */
export interface Retriever {
  /** The query's index terms, without repeats. */
  queryTerms(query: string): string[];
  /** The query's terms, how the index knows each, and their weights in coverage. */
  profile(query: string): {
    readonly terms: readonly string[];
    readonly weights: readonly number[];
    readonly kinds: readonly TermKind[];
    /** The index terms each query term is matched by: itself, its correction, or its synonyms. */
    readonly matches: readonly (readonly string[])[];
  };
  /** Passages best first; passages matching fewer than `minMatched` query terms are left out. */
  rank(query: string, limit?: number, minMatched?: number): RankedPassage[];
  /** The index terms of a passage (text, lead-in, section, column headers). */
  termsOf(passage: Passage): ReadonlySet<string>;
  /** How many units (per field) and passages hold a term; null when the index does not know it. */
  termStatistics(term: string): { readonly text: number; readonly context: number; readonly section: number; readonly passages: number } | null;
  /** The units and passages the term statistics count. */
  statisticsTotals(): { readonly units: number; readonly passages: number };
  /** Number of answer units indexed. */
  readonly size: number;
  /** Number of passages indexed. */
  readonly passageCount: number;
  /** The built index as plain data, for a snapshot. */
  data(): RetrieverData;
}

/** Whether a query term may match similar spellings, and how far (MiniSearch's rule: 0.2 × length). */
export function fuzzyDistance(term: string): number {
  if (term.length < 6 || /\d/.test(term)) return 0;
  return Math.min(6, Math.round(term.length * 0.2));
}

/**
 * A pattern for sentences that define `subject` (or one of its aliases): "X is …", "X, an …",
 * "called X", "X refers to …".
 */
export function definitionPattern(subject: string, analyzer: Analyzer, topic: Topic): RegExp {
  const concepts = analyzer.concepts(subject);
  const names = [subject, ...[...topic.parties, ...topic.terms].filter((e) => concepts.has(e.id)).flatMap((e) => [e.name, ...e.aliases])];
  const alt = [...new Set(names.map((n) => n.trim()).filter(Boolean))]
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"))
    .join("|");
  return new RegExp(
    [
      // "X is a …", "Frontier platform, launched …, is OpenAI's …"
      `\\b(?:${alt})\\w*["”’)]*[^.;]{0,60}?\\s(?:is|are|was|refers to|means)\\s+(?:a|an|the|its|\\w+['’]s)\\b`,
      // "X, an enterprise system …"
      `\\b(?:${alt})\\w*["”’)]*,\\s+(?:a|an|the|its|\\w+['’]s)\\b`,
      // "what they call a "Stateful Runtime Environment""
      `\\b(?:call|calls|called|named|known as)\\s+(?:a\\s+|an\\s+|the\\s+)?["“]?(?:${alt})(?:["”’),.;:]|\\s+\\(|$)`,
    ].join("|"),
    "i",
  );
}