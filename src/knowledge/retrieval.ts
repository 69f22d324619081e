import MiniSearch from "minisearch";
import type { Analyzer } from "./analyze.js";
import { questionHints } from "./question.js";
import type { AnswerUnit } from "./units.js";
import type { Passage, SourceDocument, Topic } from "./types.js";

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
    `\\b(?:${alt})\\w*["”’)]*(?:\\s+\\w+){0,3},?\\s+(?:is|are|was|refers to|means)\\b|\\b(?:${alt})\\w*["”’)]*,\\s+(?:a|an|the|its|OpenAI's)\\b|\\b(?:called|named|known as)\\s+(?:the\\s+)?["“]?(?:${alt})`,
    "i",
  );
}

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

/** Ranks passages for free-text queries. */
export interface Retriever {
  /** The query's index terms, without repeats. */
  queryTerms(query: string): string[];
  /** Passages best first. */
  rank(query: string, limit?: number): RankedPassage[];
  /** The index terms of a passage (text, lead-in, section, column headers). */
  termsOf(passage: Passage): ReadonlySet<string>;
  /** Number of answer units indexed. */
  readonly size: number;
}

/** Ranking weights: field boosts and question-type hints. */
export const RANKING = {
  boost: { text: 2, context: 0.6, section: 0.5 },
  fuzzyWeight: 0.3,
  hintBoost: 1.6,
  whoBoost: 1.15,
  coverageFloor: 0.25,
} as const;

interface PassageStats {
  /** Terms of the passage's own words (text, lead-in, column headers) and its section heading. */
  readonly terms: ReadonlySet<string>;
  readonly body: ReadonlySet<string>;
}

/** A query term found only in the section heading counts this much towards coverage. */
const SECTION_ONLY = 0.5;

/**
 * Builds a MiniSearch index over sentence units (fields: sentence, passage context, section)
 * and a ranker that combines BM25 with question-type hints and IDF-weighted query coverage.
 */
export function createRetriever(units: readonly AnswerUnit[], analyzer: Analyzer, topic: Topic): Retriever {
  const index = new MiniSearch<AnswerUnit>({
    fields: ["text", "context", "section"],
    idField: "id",
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: RANKING.boost,
      fuzzy: (term) => (term.length >= 6 && !/\d/.test(term) ? 0.2 : false),
      weights: { fuzzy: RANKING.fuzzyWeight, prefix: 0.3 },
    },
  });
  index.addAll(units as AnswerUnit[]);

  const stats = new Map<Passage, PassageStats>();
  const df = new Map<string, number>();
  for (const unit of units) {
    if (stats.has(unit.passage)) continue;
    const p = unit.passage;
    const body = new Set(analyzer.terms([p.text, p.leadIn ?? "", p.cells?.map((c) => c.header).join(" ") ?? ""].join(" ")));
    const terms = new Set([...body, ...analyzer.terms(p.section ?? "")]);
    stats.set(p, { terms, body });
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const passages = Math.max(1, stats.size);
  const idfOf = (term: string): number => Math.log(1 + passages / (df.get(term) ?? 0.5));

  const partyIds = new Set(topic.parties.map((p) => p.id));
  const queryTerms = (query: string): string[] => [...new Set(analyzer.terms(query))];

  return {
    size: units.length,
    queryTerms,
    termsOf: (passage) => stats.get(passage)?.terms ?? new Set(analyzer.terms(passage.text)),
    rank(query: string, limit = 10): RankedPassage[] {
      const terms = queryTerms(query);
      if (terms.length === 0) return [];
      const hints = questionHints(query);
      const defines = hints.subject ? definitionPattern(hints.subject, analyzer, topic) : null;
      const askedParties = hints.stance ? [...analyzer.concepts(query)].filter((id) => partyIds.has(id)) : [];
      const hits = index.search(terms.join(" "));
      const best = new Map<Passage, { unit: AnswerUnit; score: number; fuzzy: Set<string> }>();
      for (const hit of hits) {
        const unit = units[hit.id as number]!;
        let score = hit.score;
        if (hints.when && unit.hasDate) score *= RANKING.hintBoost;
        if (hints.amount && unit.hasFigure) {
          const fits = hints.amountKind === "money" ? unit.hasMoney : !unit.hasMoney || /gigawatt|GW/.test(unit.text);
          score *= fits ? RANKING.hintBoost : Math.sqrt(RANKING.hintBoost);
        }
        if (hints.who && unit.hasName) score *= RANKING.whoBoost;
        if (defines?.test(unit.text)) score *= RANKING.hintBoost;
        if (askedParties.some((p) => unit.speakers.includes(p))) score *= RANKING.hintBoost;
        const fuzzy = new Set(hit.queryTerms.filter((t) => !stats.get(unit.passage)?.terms.has(t)));
        const seen = best.get(unit.passage);
        if (!seen || score > seen.score) best.set(unit.passage, { unit, score, fuzzy: new Set([...fuzzy, ...(seen?.fuzzy ?? [])]) });
        else for (const t of fuzzy) seen.fuzzy.add(t);
      }
      const total = terms.reduce((sum, t) => sum + idfOf(t), 0);
      const ranked: RankedPassage[] = [];
      for (const [passage, { unit, score, fuzzy }] of best) {
        const have = stats.get(passage)!;
        let matched = 0;
        let count = 0;
        for (const t of terms) {
          if (have.body.has(t)) matched += idfOf(t);
          else if (have.terms.has(t)) matched += idfOf(t) * SECTION_ONLY;
          else if (fuzzy.has(t)) matched += idfOf(t) * 0.5;
          else continue;
          count++;
        }
        const coverage = total > 0 ? matched / total : 0;
        ranked.push({ passage, document: unit.document, best: unit, score: score * (RANKING.coverageFloor + coverage), coverage, matched: count });
      }
      ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
      return ranked.slice(0, limit);
    },
  };
}
