import { createAnalyzer, type Analyzer } from "./analyze.js";
import { composeAnswer } from "./answer.js";
import type { Corpus } from "./corpus.js";
import { collectPositions, resolveParty, type PartyPositions } from "./positions.js";
import { combineRetrievers, createDeltaRetriever, createRetriever, restoreRetriever, type RankedPassage, type Retriever, type RetrieverData } from "./retrieval.js";
import { listSources, type SourceSummary } from "./sources.js";
import { currentStatus, type Status } from "./status.js";
import { suggest, suggestionPool } from "./suggest.js";
import { buildTimeline, type TimelineEvent } from "./timeline.js";
import type { Answer, ClaimCheck, SourceDocument } from "./types.js";
import { buildUnits, lazyUnitTable } from "./units.js";
import { judgeClaim } from "./verdict.js";
import { shownCandidates } from "./shown-candidates.js";
import { meaningRanker } from "./meaning.js";
import { reranker } from "./rerank.js";

/** An index loaded from a snapshot, with the first passage of each document (and the end). */
export interface RestoredIndex {
  readonly data: RetrieverData;
  readonly documentFirst: Uint32Array;
}

/** Everything the bot can say, all from one corpus. */
export interface Knowledge {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly retriever: Retriever;
  ask(question: string): Answer;
  cite(claim: string): ClaimCheck;
  /** Positions of every party, or of one (a name or alias); null when the party is unknown. */
  positions(party?: string): PartyPositions[] | null;
  status(): Status;
  timeline(): TimelineEvent[];
  sources(): SourceSummary[];
  /** The parties' display names. */
  parties(): string[];
  /** Question suggestions for what a user has typed so far (autocomplete). */
  suggest(typed: string): string[];
  /** Number of passages indexed. */
  readonly passageCount: number;
}

/** Builds the index over a corpus (or restores it from `saved`) and returns the facade; derived views are computed once. */
export function createKnowledge(corpus: Corpus, restored?: RestoredIndex): Knowledge {
  const analyzer = createAnalyzer(corpus.topic);
  const retriever = restored
    ? restoreRetriever(
        lazyUnitTable(corpus.documents, { ...restored.data.index, documentFirst: restored.documentFirst }),
        restored.data,
        analyzer,
        corpus.topic,
        corpus.lexicon,
        corpus.associations,
      )
    : createRetriever(buildUnits(corpus.documents), analyzer, corpus.topic, corpus.lexicon, corpus.associations);
  return facade(corpus, analyzer, retriever);
}

/**
 * The knowledge with documents added, without rebuilding the index: a small index over the new
 * documents only, whose statistics count the existing index's, served beside it. Derived views
 * (status, timeline, positions) are computed afresh, on first use.
 */
export function extendKnowledge(knowledge: Knowledge, documents: readonly SourceDocument[]): Knowledge {
  if (documents.length === 0) return knowledge;
  const { corpus, analyzer } = knowledge;
  const delta = createDeltaRetriever(buildUnits(documents), analyzer, corpus.topic, corpus.lexicon, knowledge.retriever, corpus.associations);
  return facade({ ...corpus, documents: [...corpus.documents, ...documents] }, analyzer, combineRetrievers(knowledge.retriever, delta));
}

function facade(corpus: Corpus, analyzer: Analyzer, retriever: Retriever): Knowledge {
  let allPositions: PartyPositions[] | undefined;
  let status: Status | undefined;
  let timeline: TimelineEvent[] | undefined;
  let pool: string[] | undefined;
  // without word vectors, passages keep their order by words
  const byMeaning = corpus.vectors ? meaningRanker(corpus.vectors, corpus.topic) : undefined;
  // the answer's passages: by meaning, then the first of those by the fitted reordering
  const rerank = corpus.vectors ? reranker(retriever, analyzer, corpus.topic, corpus.vectors) : undefined;
  const shownOrder =
    byMeaning && rerank
      ? (query: string, byWords: readonly RankedPassage[]) => {
          const candidates = shownCandidates(retriever, query, byWords);
          return rerank(query, byMeaning(query, candidates), candidates);
        }
      : byMeaning;
  return {
    corpus,
    analyzer,
    retriever,
    ask: (question) => composeAnswer(retriever, analyzer, corpus.topic, question, retriever.rank(question, 60, 2), false, shownOrder),
    cite(claim) {
      const byWords = retriever.rank(claim, 60, 2);
      const ranked = byMeaning ? byMeaning(claim, byWords) : byWords;
      const { evidence, unmentioned, ...verdict } = judgeClaim(claim, ranked, retriever, analyzer, corpus.topic);
      // a claim comes with the passages behind its verdict, however sure the answer model is: the passages its
      // reason quotes first, then the others in the order the verdict read them; an unverified claim comes with the
      // passages nearest it (confidence "low" where the model would not answer), for a reader to check, unless it speaks of
      // something the sources never mention
      const shown = [...evidence, ...ranked.filter((r) => !evidence.some((e) => e.passage.id === r.passage.id))];
      const answer = composeAnswer(retriever, analyzer, corpus.topic, claim, byWords, !unmentioned, () => shown);
      return { ...answer, ...verdict };
    },
    positions(party) {
      allPositions ??= collectPositions(corpus.documents, corpus.topic, analyzer);
      if (party === undefined || party.trim() === "") return allPositions;
      const id = resolveParty(party, corpus.topic, analyzer);
      if (id === null) return null;
      const name = corpus.topic.parties.find((p) => p.id === id)!.name;
      return allPositions.filter((p) => p.party === name);
    },
    status: () => (status ??= currentStatus(corpus.documents, retriever)),
    timeline: () => (timeline ??= buildTimeline(corpus.documents, analyzer)),
    sources: () => listSources(corpus.documents),
    parties: () => corpus.topic.parties.map((p) => p.name),
    suggest: (typed) => suggest((pool ??= suggestionPool(corpus.topic, corpus.documents)), typed),
    passageCount: retriever.passageCount,
  };
}
